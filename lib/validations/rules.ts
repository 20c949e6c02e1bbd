import { z } from "zod";
import { SEVERITIES } from "@/lib/domain";

export const RULE_SCOPES = ["workload", "declared", "inventory"] as const;

/** `/rules?severity=…&scope=…`: unknown values fall back to "all". */
export const rulesSearchParamsSchema = z.object({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  scope: z.enum(RULE_SCOPES).optional().catch(undefined),
});

export type RulesSearchParams = z.infer<typeof rulesSearchParamsSchema>;
