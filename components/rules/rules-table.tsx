import Link from "next/link";
import { SeverityBadge } from "@/components/ui/badge";
import { workloadsHref } from "@/components/overview/workloads-href";
import type { RuleSummary } from "@/lib/data/rules";
import { formatRemedy } from "./rule-labels";
import { RuleScope } from "./rule-scope";

export interface RulesTableProps {
  rules: RuleSummary[];
}

export function RulesTable({ rules }: RulesTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table aria-label="Rule catalog" className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Id</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Rule</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Severity</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Remedy</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Scope</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Affected</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rules.map((rule) => (
            <tr key={rule.id} className="align-top hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs text-slate-600">{rule.id}</td>
              <td className="px-4 py-2.5">
                <Link href={`/rules/${rule.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                  {rule.title}
                </Link>
              </td>
              <td className="px-4 py-2.5">
                <SeverityBadge severity={rule.severity} />
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{formatRemedy(rule.remedy)}</td>
              <td className="px-4 py-2.5 text-slate-700">
                <RuleScope rule={rule} />
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 text-right tabular-nums">
                <AffectedCount rule={rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AffectedCount({ rule }: { rule: RuleSummary }) {
  if (rule.scope === "inventory") {
    return <span className="text-slate-700">{rule.affectedClusters === 1 ? "1 cluster" : `${rule.affectedClusters.toLocaleString("en-US")} clusters`}</span>;
  }
  if (rule.affectedWorkloads === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link href={workloadsHref({ rule: rule.id })} className="font-medium text-blue-700 hover:underline">
      {rule.affectedWorkloads.toLocaleString("en-US")}
      <span className="sr-only"> workloads affected by {rule.id}</span>
    </Link>
  );
}
