import { Table, TableBody, TableHeader, Td, Th } from "@/components/ui/table";
import { ExpandableText, TruncatedText, truncate } from "@/components/ui/truncated-text";
import type { UploadFileDetail } from "@/lib/data/uploads";
import { formatBytes, formatCount, formatErrorLocation } from "@/lib/format";

export interface UploadFilesTableProps {
  files: UploadFileDetail[];
}

const NUM = "text-right tabular-nums";

function formatSkipped(skipped: Record<string, number>): string {
  const entries = Object.entries(skipped).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "—" : entries.map(([kind, count]) => `${kind} ×${formatCount(count)}`).join(", ");
}

export function UploadFilesTable({ files }: UploadFilesTableProps) {
  return (
    <Table label="Files of this upload">
      <TableHeader>
        <Th>File</Th>
        <Th>Format</Th>
        <Th className={NUM}>Size</Th>
        <Th className={NUM}>Objects</Th>
        <Th className={NUM}>Workloads</Th>
        <Th>Skipped</Th>
        <Th>Errors</Th>
      </TableHeader>
      <TableBody>
        {files.map((file) => (
          <tr key={file.id} className="align-top">
            <th scope="row" className="px-3 py-2 text-left font-mono font-medium">
              <TruncatedText text={file.name} max={80} />
            </th>
            <Td className="whitespace-nowrap">
              {file.format}
              {file.syntax ? <span className="text-slate-500"> ({file.syntax})</span> : null}
            </Td>
            <Td className={`${NUM} whitespace-nowrap`}>{formatBytes(file.bytes)}</Td>
            <Td className={NUM}>{file.objects}</Td>
            <Td className={NUM}>{formatCount(file.workloads)}</Td>
            <Td className="text-slate-600">{formatSkipped(file.skipped)}</Td>
            <Td>
              {file.errors.length === 0 ? (
                <span className="text-slate-500">none</span>
              ) : (
                <ul className="flex flex-col gap-1 font-mono text-xs text-red-800">
                  {file.errors.map((error, index) => (
                    <li key={index}>
                      <span className="font-semibold">{truncate(formatErrorLocation(error), 120)}</span>:{" "}
                      <ExpandableText text={error.message} />
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
