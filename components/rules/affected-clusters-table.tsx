import Link from "next/link";
import { Table, TableBody, TableHeader, Td, Th } from "@/components/ui/table";
import type { AffectedCluster } from "@/lib/data/rules";
import { FindingList } from "./finding-list";

export function AffectedClustersTable({ clusters }: { clusters: AffectedCluster[] }) {
  return (
    <Table label="Affected clusters">
      <TableHeader>
        <Th>Cluster</Th>
        <Th>Finding</Th>
      </TableHeader>
      <TableBody>
        {clusters.map((cluster) => (
          <tr key={cluster.uploadId} className="align-top">
            <Td>
              <Link href={`/uploads/${cluster.uploadId}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                {cluster.clusterName}
              </Link>
            </Td>
            <Td>
              <FindingList findings={cluster.findings.map((finding) => ({ ...finding, location: `${finding.source}: ${finding.path}` }))} />
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
