import type { Rule } from "@/lib/rules/types";

export const SCOPE_LABELS: Record<Rule["scope"], string> = {
  workload: "Workload",
  declared: "Declared requirement",
  inventory: "Engine / cluster",
};
