import { Search } from "lucide-react";
import Link from "next/link";
import { isAffecting, ruleHasSeverity, type RuleSummary } from "@/lib/data/rules";
import { SEVERITIES, SEVERITY_STYLES } from "@/lib/domain";
import { RULE_SCOPES, rulesHref, type RulesSearchParams } from "@/lib/validations/rules";
import { cn } from "@/lib/utils";
import { SCOPE_LABELS } from "./rule-labels";

export interface RulesFilterProps {
  rules: RuleSummary[];
  params: RulesSearchParams;
}

const CHIP = "rounded-full border px-3 py-1 text-slate-700 hover:bg-slate-100";
const ACTIVE_CHIP = "border-slate-900 bg-slate-900 text-white hover:bg-slate-700";

/**
 * Links and a GET form, not client state: each state is a shareable URL and works without
 * JavaScript. Severity and scope counts are over the rules the "show" choice lists.
 */
export function RulesFilter({ rules, params }: RulesFilterProps) {
  const base = params.show === "all" ? rules : rules.filter(isAffecting);
  const affectingCount = rules.filter(isAffecting).length;
  const groups = [
    {
      label: "Severity",
      options: [
        { label: "All", href: rulesHref({ ...params, severity: undefined }), isActive: !params.severity, count: base.length },
        ...SEVERITIES.map((severity) => ({
          label: SEVERITY_STYLES[severity].plural,
          href: rulesHref({ ...params, severity }),
          isActive: params.severity === severity,
          count: base.filter((rule) => ruleHasSeverity(rule, severity)).length,
        })),
      ],
    },
    {
      label: "Scope",
      options: [
        { label: "All", href: rulesHref({ ...params, scope: undefined }), isActive: !params.scope, count: base.length },
        ...RULE_SCOPES.map((scope) => ({
          label: SCOPE_LABELS[scope],
          href: rulesHref({ ...params, scope }),
          isActive: params.scope === scope,
          count: base.filter((rule) => rule.scope === scope).length,
        })),
      ],
    },
  ];
  return (
    <div className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <form action="/rules" role="search" aria-label="Search rules" className="relative w-full sm:w-72">
          <label htmlFor="rules-q" className="sr-only">
            Search rules by id, title or summary
          </label>
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
          <input
            id="rules-q"
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Search rules…"
            className="h-9 w-full rounded-md border border-slate-300 bg-white pl-8 pr-3 text-sm placeholder:text-slate-400"
          />
          {/* The other filters survive a search. */}
          {params.severity ? <input type="hidden" name="severity" value={params.severity} /> : null}
          {params.scope ? <input type="hidden" name="scope" value={params.scope} /> : null}
          {params.show === "all" ? <input type="hidden" name="show" value="all" /> : null}
        </form>
        <nav aria-label="Rules to list" className="flex flex-wrap items-center gap-2 text-sm">
          <Link
            href={rulesHref({ ...params, show: "affecting" })}
            aria-current={params.show === "affecting" ? "page" : undefined}
            className={cn(CHIP, params.show === "affecting" ? ACTIVE_CHIP : "border-slate-300 bg-white")}
          >
            Affecting my workloads <span className="ml-0.5 tabular-nums opacity-70">{affectingCount}</span>
          </Link>
          <Link
            href={rulesHref({ ...params, show: "all" })}
            aria-current={params.show === "all" ? "page" : undefined}
            className={cn(CHIP, params.show === "all" ? ACTIVE_CHIP : "border-slate-300 bg-white")}
          >
            All rules <span className="ml-0.5 tabular-nums opacity-70">{rules.length}</span>
          </Link>
        </nav>
      </div>
      <div className="flex flex-wrap gap-x-8 gap-y-3">
        {groups.map((group) => (
          <nav
            key={group.label}
            aria-label={`Filter by ${group.label.toLowerCase()}`}
            className="flex flex-wrap items-center gap-2 text-sm"
          >
            <span className="font-medium text-slate-600">{group.label}</span>
            {group.options.map((option) => (
              <Link
                key={option.label}
                href={option.href}
                aria-current={option.isActive ? "page" : undefined}
                className={cn(CHIP, option.isActive ? ACTIVE_CHIP : "border-slate-300 bg-white")}
              >
                {option.label}{" "}
                <span className={cn("ml-0.5 tabular-nums", option.isActive ? "text-slate-300" : "text-slate-500")}>{option.count}</span>
              </Link>
            ))}
          </nav>
        ))}
      </div>
    </div>
  );
}
