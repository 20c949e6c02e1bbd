import Link from "next/link";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { Table, TableBody, TableHeader, Td, Th } from "@/components/ui/table";
import { workloadsHref } from "@/components/overview/workloads-href";
import type { RuleSummary } from "@/lib/data/rules";
import { formatRemedy } from "@/lib/domain";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { RuleScope } from "./rule-scope";
import { formatCount, formatCountOf } from "@/lib/format";

export interface RulesTableProps {
  rules: RuleSummary[];
}

export function RulesTable({ rules }: RulesTableProps) {
  return (
    <Table label="Rule catalog" wrapperClassName="shadow-sm">
      <TableHeader>
        <Th>Id</Th>
        <Th>Rule</Th>
        <Th>Severity</Th>
        <Th>Remedy</Th>
        <Th>Scope</Th>
        <Th className="text-right">Affected</Th>
      </TableHeader>
      <TableBody>
        {rules.map((rule) => (
          <tr key={rule.id} className="align-top hover:bg-slate-50">
            <Td className="whitespace-nowrap font-mono text-xs text-slate-600">{rule.id}</Td>
            <Td>
              <Link href={`/rules/${rule.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                {rule.title}
              </Link>
              {rule.since === CATALOG_VERSION ? <Badge className="ml-2">new in v{rule.since}</Badge> : null}
            </Td>
            <Td>
              <SeverityBadge severity={rule.severity} />
            </Td>
            <Td className="whitespace-nowrap text-slate-700">{formatRemedy(rule.remedy)}</Td>
            <Td className="text-slate-700">
              <RuleScope rule={rule} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              <AffectedCount rule={rule} />
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function AffectedCount({ rule }: { rule: RuleSummary }) {
  if (rule.scope === "inventory") {
    return <span className="text-slate-700">{formatCountOf(rule.affectedClusters, "cluster")}</span>;
  }
  if (rule.affectedWorkloads === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link href={workloadsHref({ rule: rule.id })} className="font-medium text-blue-700 hover:underline">
      {formatCount(rule.affectedWorkloads)}
      <span className="sr-only"> workloads affected by {rule.id}</span>
    </Link>
  );
}
