"use client";

import { useSearchParams } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { bulkUpdateRemediationAction, type RemediationActionState } from "@/lib/actions/remediation";
import { REMEDIATION_STATUSES, REMEDIATION_STATUS_STYLES } from "@/lib/domain";
import { formatCount, formatCountOf } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface WorkloadsBulkEditProps {
  /** Ids of the rows picked on this page. */
  selectedIds: string[];
  /** Workloads matching the filter, all pages. */
  total: number;
  onDone: () => void;
}

const FIELD = "min-w-0 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * Sets status, assignee or due date on the remediation items of the picked workloads' findings. "All
 * matching" sends the table's query, which the server resolves with the table's own filter builder.
 */
export function WorkloadsBulkEdit({ selectedIds, total, onDone }: WorkloadsBulkEditProps) {
  const searchParams = useSearchParams();
  const [allMatching, setAllMatching] = useState(false);
  const [state, formAction, isPending] = useActionState<RemediationActionState, FormData>(bulkUpdateRemediationAction, null);
  const id = useId();
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  if (selectedIds.length === 0 && !state) return null;
  const count = allMatching ? total : selectedIds.length;
  return (
    <form
      action={formAction}
      aria-label="Bulk edit remediation items"
      className="flex flex-col gap-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm"
    >
      {selectedIds.length > 0 ? (
        <>
          <p className="flex flex-wrap items-center gap-2">
            <strong className="font-semibold">{formatCountOf(count, "workload")} selected</strong>
            {total > selectedIds.length ? (
              <button type="button" className="underline underline-offset-2" onClick={() => setAllMatching(!allMatching)}>
                {allMatching
                  ? `Only the ${formatCount(selectedIds.length)} picked on this page`
                  : `Select all ${formatCount(total)} matching the filter`}
              </button>
            ) : null}
          </p>
          {allMatching ? (
            <>
              <input type="hidden" name="target" value="filter" />
              <input type="hidden" name="filter" value={searchParams.toString()} />
            </>
          ) : (
            <>
              <input type="hidden" name="target" value="ids" />
              {selectedIds.map((value) => (
                <input key={value} type="hidden" name="workloadId" value={value} />
              ))}
            </>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex min-w-0 max-w-full flex-col gap-0.5 text-xs" htmlFor={`${id}-scope`}>
              Findings
              <select id={`${id}-scope`} name="scope" defaultValue="all" className={FIELD}>
                <option value="all">All findings</option>
                <option value="blockers">Blockers only</option>
              </select>
            </label>
            <label className="flex min-w-0 max-w-full flex-col gap-0.5 text-xs" htmlFor={`${id}-status`}>
              Set status
              <select id={`${id}-status`} name="status" defaultValue="" className={FIELD}>
                <option value="">(unchanged)</option>
                {REMEDIATION_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {REMEDIATION_STATUS_STYLES[value].label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex min-w-0 max-w-full flex-col gap-0.5 text-xs" htmlFor={`${id}-assignee`}>
              Set assignee
              <input id={`${id}-assignee`} name="assignee" maxLength={200} placeholder="(unchanged)" className={cn(FIELD, "w-36")} />
            </label>
            <label className="flex min-w-0 max-w-full flex-col gap-0.5 text-xs" htmlFor={`${id}-due`}>
              Set due date
              <input id={`${id}-due`} type="date" name="dueDate" className={FIELD} />
            </label>
            <Button type="submit" disabled={isPending} className="px-3 py-1">
              {isPending ? "Applying…" : "Apply"}
            </Button>
          </div>
        </>
      ) : null}
      <p aria-live="polite" className={cn("empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-700")}>
        {state?.message}
      </p>
    </form>
  );
}
