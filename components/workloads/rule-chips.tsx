import Link from "next/link";
import type { RuleChip } from "@/lib/data/workloads";
import { SEVERITY_STYLES } from "@/lib/domain";
import { cn } from "@/lib/utils";

/** Past this many chips a row shows "+N": rows keep one line, the workload page lists them all. */
export const MAX_VISIBLE_RULE_CHIPS = 2;

export interface RuleChipsProps {
  rules: readonly RuleChip[];
}

/** The blocking and warning rules of a workload, as links to their rule pages (title on hover). */
export function RuleChips({ rules }: RuleChipsProps) {
  if (rules.length === 0) return <span className="text-slate-400">—</span>;
  const visible = rules.slice(0, MAX_VISIBLE_RULE_CHIPS);
  const hidden = rules.slice(MAX_VISIBLE_RULE_CHIPS);
  const hiddenTitles = hidden.map((rule) => rule.title).join(", ");
  return (
    <ul className="flex min-w-0 items-center gap-1" aria-label="Blocking and warning rules">
      {visible.map((rule) => {
        const style = SEVERITY_STYLES[rule.severity];
        return (
          <li key={rule.ruleId} className="min-w-0">
            <Link
              href={`/rules/${encodeURIComponent(rule.ruleId)}`}
              title={`${rule.title} (${style.label.toLowerCase()})`}
              aria-label={`${rule.title} (${rule.ruleId}), ${style.label.toLowerCase()}`}
              className={cn(
                "block max-w-28 truncate rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-inset hover:underline",
                style.badge,
              )}
            >
              {rule.ruleId}
            </Link>
          </li>
        );
      })}
      {hidden.length > 0 ? (
        <li title={hiddenTitles} className="shrink-0 text-xs font-medium text-slate-600">
          +{hidden.length}
          <span className="sr-only"> more: {hiddenTitles}</span>
        </li>
      ) : null}
    </ul>
  );
}
