import Link from "next/link";
import type { AuditEventDto } from "@/lib/data/remediation";
import { isRemediationStatus, REMEDIATION_STATUS_STYLES } from "@/lib/domain";
import { formatDateTime, formatWorkloadIdentity } from "@/lib/format";

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  assignee: "Assignee",
  dueDate: "Due date",
  note: "Note",
  requirement: "Declared requirement",
};

/** A stored value as shown: statuses by their label, anything else (names, notes, dates) as written. */
function value(field: string, text: string | null): string {
  if (text === null || text === "") return "—";
  return field === "status" && isRemediationStatus(text) ? REMEDIATION_STATUS_STYLES[text].label : text;
}

/** Audit events, newest first: who, when, what, from, to. `showWorkload` adds a link to the workload. */
export function AuditHistory({ events, showWorkload = false }: { events: readonly AuditEventDto[]; showWorkload?: boolean }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No changes recorded yet.</p>;
  return (
    <ol className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" aria-label="History">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 px-3 py-2">
          <span className="flex flex-wrap gap-x-2 text-xs text-slate-500">
            <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
            <span>·</span>
            <span className="font-medium text-slate-700">{event.actor}</span>
            {event.ruleId ? (
              <>
                <span>·</span>
                <code className="font-mono">{event.ruleId}</code>
              </>
            ) : null}
          </span>
          <span className="break-words">
            {event.field ? (
              <>
                {FIELD_LABELS[event.field] ?? event.field}: {value(event.field, event.fromValue)} →{" "}
                <strong className="font-medium">{value(event.field, event.toValue)}</strong>
                {event.action.startsWith("set ") || event.action.startsWith("bulk: set") ? null : (
                  <span className="text-slate-500"> ({event.action})</span>
                )}
              </>
            ) : (
              event.action
            )}
          </span>
          {showWorkload && event.identity ? (
            <span className="break-all text-xs">
              {event.workloadId !== null ? (
                <Link href={`/workloads/${event.workloadId}`} className="underline underline-offset-2">
                  {formatWorkloadIdentity(event.identity)}
                </Link>
              ) : (
                <span className="text-slate-500">{formatWorkloadIdentity(event.identity)} (not in a current snapshot)</span>
              )}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
