"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { bulkUpdateRemediation, updateRemediationItem, type BulkTarget } from "@/lib/data/remediation";
import { setDeclaredRequirement } from "@/lib/data/declared";
import { currentActor } from "@/lib/data/tracking";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { bulkRemediationSchema, selectedWorkloadIdsSchema, updateRemediationItemSchema } from "@/lib/validations/remediation";
import { parseWorkloadsSearchParams } from "@/lib/validations/workloads";

export type RemediationActionState = { ok: true; message: string } | { ok: false; message: string } | null;

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Invalid input";
}

export async function updateRemediationItemAction(_previous: RemediationActionState, form: FormData): Promise<RemediationActionState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const parsed = updateRemediationItemSchema.safeParse({
    itemId: text(form, "itemId"),
    status: text(form, "status"),
    assignee: text(form, "assignee") ?? "",
    dueDate: text(form, "dueDate") ?? "",
    note: text(form, "note") ?? "",
  });
  if (!parsed.success) return { ok: false, message: `${firstIssue(parsed.error)}: nothing was changed.` };
  const result = await updateRemediationItem(parsed.data, currentActor());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: result.changed.length === 0 ? "Nothing changed." : `Saved (${result.changed.join(", ")}).` };
}

/**
 * Bulk edit from the workloads table. `target=ids` takes the picked rows (`workloadId`, repeated);
 * `target=filter` takes the table's URL query (`filter`) and resolves it on the server.
 */
export async function bulkUpdateRemediationAction(_previous: RemediationActionState, form: FormData): Promise<RemediationActionState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const parsed = bulkRemediationSchema.safeParse({
    scope: text(form, "scope"),
    // An empty select means "leave as it is"; an empty assignee/due date field too (clearing is per item).
    status: text(form, "status") || undefined,
    assignee: text(form, "assignee") || undefined,
    dueDate: text(form, "dueDate") || undefined,
  });
  if (!parsed.success) return { ok: false, message: `${firstIssue(parsed.error)}: nothing was changed.` };
  let target: BulkTarget;
  if (text(form, "target") === "filter") {
    const query = new URLSearchParams(text(form, "filter") ?? "");
    const raw: Record<string, string[]> = {};
    for (const [key, value] of query) (raw[key] ??= []).push(value);
    target = { kind: "filter", filters: parseWorkloadsSearchParams(raw) };
  } else {
    const ids = selectedWorkloadIdsSchema.safeParse(form.getAll("workloadId"));
    if (!ids.success) return { ok: false, message: `${firstIssue(ids.error)}: nothing was changed.` };
    target = { kind: "ids", workloadIds: ids.data };
  }
  let result: Awaited<ReturnType<typeof bulkUpdateRemediation>>;
  try {
    result = await bulkUpdateRemediation(target, parsed.data, currentActor());
  } catch (error) {
    console.error("bulk remediation edit failed", error);
    return { ok: false, message: "The bulk edit failed and nothing was changed. See the server log." };
  }
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: `Updated ${result.changedItems} of ${result.items} remediation items on ${result.workloads} workloads.` };
}

const declaredSchema = z.object({
  workloadId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  requirement: z.string().max(100),
  declared: z.enum(["1", "0"]).transform((value) => value === "1"),
});

/** Declares a requirement on a workload in the dashboard, or removes one declared there. */
export async function setDeclaredRequirementAction(_previous: RemediationActionState, form: FormData): Promise<RemediationActionState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const parsed = declaredSchema.safeParse({
    workloadId: text(form, "workloadId"),
    requirement: text(form, "requirement"),
    declared: text(form, "declared"),
  });
  if (!parsed.success) return { ok: false, message: "Not a valid requirement change: nothing was changed." };
  const result = await setDeclaredRequirement(parsed.data, currentActor());
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
