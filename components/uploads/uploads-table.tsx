import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { UploadsListRow } from "@/lib/data/uploads";
import { READINESS_STYLES } from "@/lib/domain";
import { formatCount, formatCountChange, formatDateTime } from "@/lib/format";
import { CATALOG_VERSION } from "@/lib/rules/catalog";

export interface UploadsTableProps {
  uploads: UploadsListRow[];
}

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-3 py-2 text-sm";
const NUM = "text-right tabular-nums";

/** More ready is good news, more blocked is bad news; no previous upload shows nothing. */
function Change({ value, good }: { value: number | null; good: "up" | "down" }) {
  if (value === null || value === 0) return null;
  const better = good === "up" ? value > 0 : value < 0;
  return <span className={`ml-1 text-xs ${better ? "text-green-700" : "text-red-700"}`}>({formatCountChange(value)})</span>;
}

export function UploadsTable({ uploads }: UploadsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Uploads, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${TH} whitespace-nowrap`}>
              Upload
            </th>
            <th scope="col" className={TH}>
              Cluster
            </th>
            <th scope="col" className={TH}>
              Uploaded
            </th>
            <th scope="col" className={TH}>
              Target
            </th>
            <th scope="col" className={TH}>
              Catalog
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              Files
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              Workloads
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              {READINESS_STYLES.ready.label}
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              {READINESS_STYLES["needs-changes"].label}
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              {READINESS_STYLES.blocked.label}
            </th>
            <th scope="col" className={`${TH} ${NUM}`}>
              Errors
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {uploads.map((upload) => (
            <tr key={upload.id} className="hover:bg-slate-50">
              <td className={`${TD} whitespace-nowrap`}>
                <Link href={`/uploads/${upload.id}`} className="font-medium text-sky-700 hover:underline">
                  #{upload.id}
                </Link>
                {upload.current === "cluster" ? <Badge className="ml-2 bg-sky-50 text-sky-800 ring-sky-600/20">Current</Badge> : null}
                {upload.current === "series" ? <Badge className="ml-2">Current for {upload.target}</Badge> : null}
              </td>
              <td className={`${TD} font-medium`}>{upload.cluster}</td>
              <td className={`${TD} whitespace-nowrap text-slate-600`}>
                <time dateTime={upload.createdAt.toISOString()}>{formatDateTime(upload.createdAt)}</time>
              </td>
              <td className={`${TD} whitespace-nowrap font-mono text-xs`}>{upload.target}</td>
              <td
                className={`${TD} whitespace-nowrap font-mono text-xs ${upload.catalogVersion === CATALOG_VERSION ? "text-slate-600" : "font-semibold text-amber-800"}`}
              >
                v{upload.catalogVersion}
                {upload.catalogVersion === CATALOG_VERSION ? null : <span className="sr-only"> (older than the running catalog)</span>}
              </td>
              <td className={`${TD} ${NUM}`}>{formatCount(upload.fileCount)}</td>
              <td className={`${TD} ${NUM}`}>{formatCount(upload.workloadCount)}</td>
              <td className={`${TD} ${NUM} ${READINESS_STYLES.ready.text}`}>
                {formatCount(upload.readyCount)}
                <Change value={upload.readyChange} good="up" />
              </td>
              <td className={`${TD} ${NUM} ${READINESS_STYLES["needs-changes"].text}`}>{formatCount(upload.needsChangesCount)}</td>
              <td className={`${TD} ${NUM} ${READINESS_STYLES.blocked.text}`}>
                {formatCount(upload.blockedCount)}
                <Change value={upload.blockedChange} good="down" />
              </td>
              <td className={`${TD} ${NUM} ${upload.errorCount > 0 ? "font-semibold text-red-700" : "text-slate-500"}`}>
                {formatCount(upload.errorCount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
