import Link from "next/link";
import { ReadinessBadge } from "@/components/ui/badge";
import { Table, TableBody, TableHeader, Td, Th } from "@/components/ui/table";
import type { AffectedWorkload } from "@/lib/data/rules";
import { FindingList } from "./finding-list";

export function AffectedWorkloadsTable({ workloads }: { workloads: AffectedWorkload[] }) {
  return (
    <Table label="Affected workloads">
      <TableHeader>
        <Th>Workload</Th>
        <Th>Cluster / namespace</Th>
        <Th>Readiness</Th>
        <Th className="text-right">Score</Th>
        <Th>Finding</Th>
      </TableHeader>
      <TableBody>
        {workloads.map((workload) => (
          <tr key={workload.id} className="align-top">
            <Td>
              <Link href={`/workloads/${workload.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                {workload.name}
              </Link>
              <div className="text-xs text-slate-500">{workload.kind}</div>
            </Td>
            <Td className="text-slate-700">
              {workload.clusterName}
              <div className="text-xs text-slate-500">{workload.namespace || "—"}</div>
            </Td>
            <Td>
              <ReadinessBadge readiness={workload.readiness} />
            </Td>
            <Td className="text-right tabular-nums">{workload.score}</Td>
            <Td>
              <FindingList
                findings={workload.findings.map((finding) => ({
                  ...finding,
                  location: finding.container ? `${finding.container}: ${finding.path}` : finding.path,
                }))}
              />
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
