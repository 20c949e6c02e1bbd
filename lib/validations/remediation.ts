import { z } from "zod";
import { REMEDIATION_STATUSES } from "@/lib/domain";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** "" (a cleared field) becomes null; text is trimmed and bounded. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .transform((value) => value.trim())
    .pipe(z.string().max(max, `${what} is longer than ${max} characters`))
    .transform((value) => (value === "" ? null : value));

/** A calendar day (YYYY-MM-DD, from <input type="date">), as midnight UTC; "" clears it. */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Month 13 is an invalid date; 2026-02-30 is a valid one that rolls over to March.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const dueDate = z
  .string()
  .trim()
  .refine((value) => value === "" || isCalendarDay(value), "Due date must be a date (YYYY-MM-DD)")
  .transform((value) => (value === "" ? null : new Date(`${value}T00:00:00Z`)));

export const remediationStatusSchema = z.enum(REMEDIATION_STATUSES, { error: "Unknown status" });
export const assigneeSchema = optionalText(200, "Assignee");
export const dueDateSchema = dueDate;

export const updateRemediationItemSchema = z.object({
  itemId: id,
  status: remediationStatusSchema,
  assignee: assigneeSchema,
  dueDate: dueDateSchema,
  note: optionalText(2000, "Note"),
});
export type UpdateRemediationItemInput = z.infer<typeof updateRemediationItemSchema>;

export const MAX_SELECTED_WORKLOADS = 1000;

/** What a bulk edit sets: each field only when given. */
export const bulkRemediationSchema = z
  .object({
    scope: z.enum(["all", "blockers"], { error: "Scope must be all findings or blockers" }),
    status: remediationStatusSchema.optional(),
    assignee: assigneeSchema.optional(),
    dueDate: dueDateSchema.optional(),
  })
  .refine(
    (value) => value.status !== undefined || value.assignee !== undefined || value.dueDate !== undefined,
    "Choose a status, an assignee or a due date to set",
  );
export type BulkRemediationInput = z.infer<typeof bulkRemediationSchema>;

export const selectedWorkloadIdsSchema = z
  .array(id)
  .min(1, "Select at least one workload")
  .max(MAX_SELECTED_WORKLOADS, `Select at most ${MAX_SELECTED_WORKLOADS} workloads, or use all matching the filter`);
