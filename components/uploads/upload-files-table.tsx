import type { UploadFileDetail } from "@/lib/data/uploads";
import { formatBytes, formatErrorLocation } from "./format";

export interface UploadFilesTableProps {
  files: UploadFileDetail[];
}

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-3 py-2 align-top text-sm";
const NUM = "text-right tabular-nums";

function formatSkipped(skipped: Record<string, number>): string {
  const entries = Object.entries(skipped).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "—" : entries.map(([kind, count]) => `${kind} ×${count}`).join(", ");
}

export function UploadFilesTable({ files }: UploadFilesTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Files of this upload</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>File</th>
            <th scope="col" className={TH}>Format</th>
            <th scope="col" className={`${TH} ${NUM}`}>Size</th>
            <th scope="col" className={`${TH} ${NUM}`}>Objects</th>
            <th scope="col" className={`${TH} ${NUM}`}>Workloads</th>
            <th scope="col" className={TH}>Skipped</th>
            <th scope="col" className={TH}>Errors</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {files.map((file) => (
            <tr key={file.id}>
              <th scope="row" className={`${TD} text-left font-mono font-medium`}>{file.name}</th>
              <td className={`${TD} whitespace-nowrap`}>
                {file.format}
                {file.syntax ? <span className="text-slate-500"> ({file.syntax})</span> : null}
              </td>
              <td className={`${TD} ${NUM} whitespace-nowrap`}>{formatBytes(file.bytes)}</td>
              <td className={`${TD} ${NUM}`}>{file.objects}</td>
              <td className={`${TD} ${NUM}`}>{file.workloads}</td>
              <td className={`${TD} text-slate-600`}>{formatSkipped(file.skipped)}</td>
              <td className={TD}>
                {file.errors.length === 0 ? (
                  <span className="text-slate-500">none</span>
                ) : (
                  <ul className="flex flex-col gap-1 font-mono text-xs text-red-800">
                    {file.errors.map((error, index) => (
                      <li key={index}>
                        <span className="font-semibold">{formatErrorLocation(error)}</span>: {error.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
