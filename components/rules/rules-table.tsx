import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { Table, TableBody, TableHeader, Td, Th } from "@/components/ui/table";
import { workloadsHref } from "@/components/overview/workloads-href";
import type { RuleSummary } from "@/lib/data/rules";
import { formatRemedy, PLATFORM_LABELS } from "@/lib/domain";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { formatCount, formatCountOf } from "@/lib/format";
import { cn } from "@/lib/utils";
import { rulesHref, type RuleSortColumn, type RulesSearchParams } from "@/lib/validations/rules";
import { RuleScope } from "./rule-scope";

export interface RulesTableProps {
  rules: RuleSummary[];
  params: RulesSearchParams;
}

/** Counts start with the largest, names with A. */
const DESC_FIRST: ReadonlySet<RuleSortColumn> = new Set(["affected"]);

function SortHeader({
  column,
  label,
  params,
  className,
}: {
  column: RuleSortColumn;
  label: string;
  params: RulesSearchParams;
  className?: string;
}) {
  const isSorted = params.sort.column === column;
  const desc = isSorted ? !params.sort.desc : DESC_FIRST.has(column);
  const Icon = !isSorted ? ChevronsUpDown : params.sort.desc ? ArrowDown : ArrowUp;
  return (
    <Th aria-sort={isSorted ? (params.sort.desc ? "descending" : "ascending") : "none"} className={className}>
      <Link
        href={rulesHref({ ...params, sort: { column, desc } })}
        scroll={false}
        className="-mx-2 inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-1 hover:bg-slate-100"
      >
        {label}
        <Icon aria-hidden className={cn("size-3.5", isSorted ? "text-slate-900" : "text-slate-400")} />
      </Link>
    </Th>
  );
}

export function RulesTable({ rules, params }: RulesTableProps) {
  return (
    <Table label="Rule catalog" wrapperClassName="shadow-sm">
      <TableHeader>
        <SortHeader column="id" label="Id" params={params} />
        <SortHeader column="title" label="Rule" params={params} />
        <SortHeader column="severity" label="Severity" params={params} />
        <SortHeader column="remedy" label="Remedy" params={params} />
        <SortHeader column="scope" label="Scope" params={params} />
        <SortHeader column="affected" label="Affected" params={params} className="text-right" />
      </TableHeader>
      <TableBody>
        {rules.map((rule) => (
          <tr key={rule.id} className="align-top hover:bg-slate-50">
            <Td className="whitespace-nowrap font-mono text-xs text-slate-600">{rule.id}</Td>
            <Td className="min-w-48">
              <Link href={`/rules/${rule.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                {rule.title}
              </Link>
              {rule.since === CATALOG_VERSION ? <Badge className="ml-2">new in v{rule.since}</Badge> : null}
            </Td>
            <Td>
              <RuleSeverity rule={rule} />
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

/** One badge, or one per platform group where the severity depends on the platform. */
function RuleSeverity({ rule }: { rule: RuleSummary }) {
  if (!rule.severityByPlatform) return <SeverityBadge severity={rule.severity} />;
  return (
    <ul aria-label="Severity by platform" className="flex flex-col gap-1">
      {rule.severityByPlatform.map(({ severity, platforms }) => (
        <li key={severity} className="flex flex-wrap items-center gap-1 whitespace-nowrap text-xs text-slate-600">
          <SeverityBadge severity={severity} /> on {platforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")}
        </li>
      ))}
    </ul>
  );
}

function AffectedCount({ rule }: { rule: RuleSummary }) {
  if (rule.scope === "inventory") {
    if (rule.affectedClusters === 0) return <span className="text-slate-400">0 clusters</span>;
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
