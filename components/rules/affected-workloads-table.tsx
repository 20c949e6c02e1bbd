import Link from "next/link";
import { ReadinessBadge, SeverityBadge } from "@/components/ui/badge";
import type { AffectedWorkload } from "@/lib/data/rules";

export function AffectedWorkloadsTable({ workloads }: { workloads: AffectedWorkload[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table aria-label="Affected workloads" className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Workload</th>
            <th scope="col" className="px-3 py-2 font-medium">Cluster / namespace</th>
            <th scope="col" className="px-3 py-2 font-medium">Readiness</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Score</th>
            <th scope="col" className="px-3 py-2 font-medium">Finding</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {workloads.map((workload) => (
            <tr key={workload.id} className="align-top">
              <td className="px-3 py-2">
                <Link href={`/workloads/${workload.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                  {workload.name}
                </Link>
                <div className="text-xs text-slate-500">{workload.kind}</div>
              </td>
              <td className="px-3 py-2 text-slate-700">
                {workload.clusterName}
                <div className="text-xs text-slate-500">{workload.namespace || "—"}</div>
              </td>
              <td className="px-3 py-2">
                <ReadinessBadge readiness={workload.readiness} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{workload.score}</td>
              <td className="px-3 py-2">
                <ul className="flex flex-col gap-1">
                  {workload.findings.map((finding, index) => (
                    <li key={index} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                      <SeverityBadge severity={finding.severity} />
                      <span className="text-slate-800">{finding.message}</span>
                      <code className="break-all font-mono text-xs text-slate-500">
                        {finding.container ? `${finding.container}: ` : ""}
                        {finding.path}
                      </code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
