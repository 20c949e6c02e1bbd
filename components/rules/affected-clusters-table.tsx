import Link from "next/link";
import { SeverityBadge } from "@/components/ui/badge";
import type { AffectedCluster } from "@/lib/data/rules";

export function AffectedClustersTable({ clusters }: { clusters: AffectedCluster[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table aria-label="Affected clusters" className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Cluster</th>
            <th scope="col" className="px-3 py-2 font-medium">Finding</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clusters.map((cluster) => (
            <tr key={cluster.uploadId} className="align-top">
              <td className="px-3 py-2">
                <Link href={`/uploads/${cluster.uploadId}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                  {cluster.clusterName}
                </Link>
              </td>
              <td className="px-3 py-2">
                <ul className="flex flex-col gap-1">
                  {cluster.findings.map((finding, index) => (
                    <li key={index} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                      <SeverityBadge severity={finding.severity} />
                      <span className="text-slate-800">{finding.message}</span>
                      <code className="break-all font-mono text-xs text-slate-500">
                        {finding.source}: {finding.path}
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
