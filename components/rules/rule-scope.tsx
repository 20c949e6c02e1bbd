import type { RuleSummary } from "@/lib/data/rules";
import { PLATFORM_LABELS } from "@/lib/domain";
import { SCOPE_LABELS } from "./rule-labels";

/** "Workload · Kubernetes, Docker" and, for target-specific rules, the profiles they run under. */
export function RuleScope({ rule }: { rule: Pick<RuleSummary, "scope" | "platforms" | "profiles"> }) {
  return (
    <span className="flex flex-col gap-0.5">
      <span>
        {SCOPE_LABELS[rule.scope]}
        {rule.platforms.length > 0 ? (
          <span className="text-slate-500"> · {rule.platforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")}</span>
        ) : null}
      </span>
      {rule.profiles ? (
        <span className="text-xs text-slate-500">
          {rule.profiles.length === 0 ? "No target profile" : `Profiles: ${rule.profiles.join(", ")}`}
        </span>
      ) : null}
    </span>
  );
}
