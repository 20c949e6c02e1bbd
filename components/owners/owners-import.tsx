"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { importOwnersCsvAction, previewOwnersCsvAction, type OwnersActionState, type OwnersPreviewState } from "@/lib/actions/owners";
import { formatCount } from "@/lib/format";
import { ActionMessage } from "./action-message";

/** Two steps: a preview (good rows and per-row errors, nothing written), then "Import N rows". */
export function OwnersImport() {
  const [preview, previewAction, previewing] = useActionState<OwnersPreviewState, FormData>(previewOwnersCsvAction, null);
  const [result, importAction, importing] = useActionState<OwnersActionState, FormData>(importOwnersCsvAction, null);
  return (
    <div className="flex flex-col gap-4">
      <form action={previewAction} className="flex flex-col gap-2">
        <label htmlFor="owners-file" className="text-sm text-slate-700">
          CSV file (<code className="break-all font-mono text-xs">cluster,namespace,kind,name,team,owner</code> or{" "}
          <code className="break-all font-mono text-xs">cluster,namespace,team</code>)
        </label>
        <input id="owners-file" name="file" type="file" accept=".csv,text/csv" className="max-w-full text-sm" />
        <label htmlFor="owners-csv" className="text-sm text-slate-700">
          or paste it
        </label>
        <textarea id="owners-csv" name="csv" rows={5} className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs" />
        <span>
          <Button type="submit" variant="secondary" disabled={previewing}>
            {previewing ? "Reading…" : "Preview"}
          </Button>
        </span>
      </form>

      {preview?.ok === false ? (
        <div role="alert" className="text-sm text-red-700">
          <p>{preview.message}</p>
          <RowErrors errors={preview.errors} />
        </div>
      ) : null}

      {preview?.ok ? (
        <section aria-label="Import preview" className="flex flex-col gap-3">
          <p className="text-sm text-slate-700" data-testid="owners-preview-summary">
            {formatCount(preview.rowCount)} good rows ({preview.kind === "workloads" ? "workload owners" : "namespace teams"}),{" "}
            {formatCount(preview.errors.length)} rows with errors. Nothing is written until you import.
          </p>
          <RowErrors errors={preview.errors} />
          {preview.rows.length > 0 ? (
            <div className="overflow-x-auto rounded-md border border-slate-200">
              <table className="min-w-full text-left text-xs">
                <caption className="sr-only">Rows to import</caption>
                <thead className="bg-slate-50 text-slate-500">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      Line
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Cluster
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Namespace
                    </th>
                    {preview.kind === "workloads" ? (
                      <>
                        <th scope="col" className="px-2 py-1">
                          Kind
                        </th>
                        <th scope="col" className="px-2 py-1">
                          Name
                        </th>
                      </>
                    ) : null}
                    <th scope="col" className="px-2 py-1">
                      Team
                    </th>
                    {preview.kind === "workloads" ? (
                      <th scope="col" className="px-2 py-1">
                        Owner
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.rows.map((row) => (
                    <tr key={row.line}>
                      <td className="px-2 py-1 tabular-nums">{row.line}</td>
                      <td className="px-2 py-1">{row.cluster}</td>
                      <td className="px-2 py-1">{row.namespace}</td>
                      {"kind" in row ? (
                        <>
                          <td className="px-2 py-1">{row.kind}</td>
                          <td className="break-all px-2 py-1">{row.name}</td>
                          <td className="px-2 py-1">{row.team ?? "—"}</td>
                          <td className="px-2 py-1">{row.owner ?? "—"}</td>
                        </>
                      ) : (
                        <td className="px-2 py-1">{row.team}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.rowCount > preview.rows.length ? (
                <p className="px-2 py-1 text-xs text-slate-500">First {formatCount(preview.rows.length)} rows shown.</p>
              ) : null}
            </div>
          ) : null}
          {preview.rowCount > 0 ? (
            <form action={importAction} className="flex flex-col gap-2">
              <input type="hidden" name="csv" value={preview.csv} />
              <input type="hidden" name="expectedRows" value={preview.rowCount} />
              <span>
                <Button type="submit" disabled={importing}>
                  {importing ? "Importing…" : `Import ${formatCount(preview.rowCount)} rows`}
                </Button>
              </span>
              <ActionMessage state={result} />
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function RowErrors({ errors }: { errors: { line: number; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <ul aria-label="Rows with errors" className="flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-900">
      {errors.map((error, index) => (
        <li key={`${error.line}-${index}`}>
          Line {error.line}: {error.message}
        </li>
      ))}
    </ul>
  );
}
