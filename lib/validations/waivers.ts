import { z } from "zod";
import { isRuleId } from "@/lib/rules/ids";
import { parseExpiry } from "@/lib/scoring/waivers";

// An empty form field means "not part of the scope".
const optionalField = (max: number, label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value === null ? undefined : value),
    z.string().trim().max(max, `${label} is at most ${max} characters.`).optional(),
  );

const required = (max: number, label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`);

/** A waiver as the /waivers form sends it. The expiry is a date (YYYY-MM-DD): the waiver holds through that day (UTC). */
export const createWaiverSchema = z
  .object({
    ruleId: z.string({ error: "Pick a rule." }).refine(isRuleId, "Not a rule of the catalog."),
    workload: optionalField(600, "Workload identity"),
    cluster: optionalField(253, "Cluster"),
    namespace: optionalField(253, "Namespace"),
    team: optionalField(253, "Team"),
    reason: required(1000, "Reason"),
    approver: required(200, "Approver"),
    expires: z
      .string({ error: "Expiry date is required." })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Expiry date: write YYYY-MM-DD.")
      .transform((value, context) => {
        const expiresAt = parseExpiry(value);
        if (!expiresAt) {
          context.addIssue({ code: "custom", message: "Expiry date: not a date." });
          return z.NEVER;
        }
        return expiresAt;
      }),
  })
  .refine((w) => w.workload !== undefined || w.cluster !== undefined || w.namespace !== undefined || w.team !== undefined, {
    message: "Give a scope: a workload, a namespace, a team or a cluster.",
    path: ["scope"],
  })
  // A workload identity is cluster/namespace/Kind/name: a contradicting cluster would make a waiver that covers nothing.
  .refine((w) => w.workload === undefined || w.cluster === undefined || w.workload.startsWith(`${w.cluster}/`), {
    message: "The workload identity belongs to another cluster than the one given.",
    path: ["cluster"],
  });

export type CreateWaiverInput = z.infer<typeof createWaiverSchema>;

export const waiverIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
