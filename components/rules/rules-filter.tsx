import Link from "next/link";
import type { RuleSummary } from "@/lib/data/rules";
import { SEVERITIES, SEVERITY_STYLES } from "@/lib/domain";
import { RULE_SCOPES, type RulesSearchParams } from "@/lib/validations/rules";
import { cn } from "@/lib/utils";
import { SCOPE_LABELS } from "./rule-labels";

export interface RulesFilterProps {
  rules: RuleSummary[];
  filters: RulesSearchParams;
}

function hrefFor(filters: RulesSearchParams): string {
  const params = new URLSearchParams();
  if (filters.severity) params.set("severity", filters.severity);
  if (filters.scope) params.set("scope", filters.scope);
  const query = params.toString();
  return query ? `/rules?${query}` : "/rules";
}

/** Links, not form controls: each filter state is a shareable URL. Counts are over the whole catalog. */
export function RulesFilter({ rules, filters }: RulesFilterProps) {
  const groups = [
    {
      label: "Severity",
      options: [
        { label: "All", href: hrefFor({ ...filters, severity: undefined }), isActive: !filters.severity, count: rules.length },
        ...SEVERITIES.map((severity) => ({
          label: SEVERITY_STYLES[severity].plural,
          href: hrefFor({ ...filters, severity }),
          isActive: filters.severity === severity,
          count: rules.filter((rule) => rule.severity === severity).length,
        })),
      ],
    },
    {
      label: "Scope",
      options: [
        { label: "All", href: hrefFor({ ...filters, scope: undefined }), isActive: !filters.scope, count: rules.length },
        ...RULE_SCOPES.map((scope) => ({
          label: SCOPE_LABELS[scope],
          href: hrefFor({ ...filters, scope }),
          isActive: filters.scope === scope,
          count: rules.filter((rule) => rule.scope === scope).length,
        })),
      ],
    },
  ];
  return (
    <div className="mb-4 flex flex-wrap gap-x-8 gap-y-3">
      {groups.map((group) => (
        <nav key={group.label} aria-label={`Filter by ${group.label.toLowerCase()}`} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium text-slate-600">{group.label}</span>
          {group.options.map((option) => (
            <Link
              key={option.label}
              href={option.href}
              aria-current={option.isActive ? "page" : undefined}
              className={cn(
                "rounded-full border px-3 py-1 text-slate-700 hover:bg-slate-100",
                option.isActive ? "border-slate-900 bg-slate-900 text-white hover:bg-slate-700" : "border-slate-300 bg-white",
              )}
            >
              {option.label}{" "}
              <span className={cn("ml-0.5 tabular-nums", option.isActive ? "text-slate-300" : "text-slate-500")}>{option.count}</span>
            </Link>
          ))}
        </nav>
      ))}
    </div>
  );
}
