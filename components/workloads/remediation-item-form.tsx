"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { updateRemediationItemAction, type RemediationActionState } from "@/lib/actions/remediation";
import { REMEDIATION_STATUSES, REMEDIATION_STATUS_STYLES } from "@/lib/domain";
import { cn } from "@/lib/utils";

export interface RemediationItemFormProps {
  itemId: number;
  status: string;
  assignee: string | null;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  note: string | null;
}

const FIELD = "min-w-0 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function RemediationItemForm({ itemId, status, assignee, dueDate, note }: RemediationItemFormProps) {
  const [state, formAction, isPending] = useActionState<RemediationActionState, FormData>(updateRemediationItemAction, null);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 text-xs" aria-label="Remediation item">
      <input type="hidden" name="itemId" value={itemId} />
      <label className="flex min-w-0 max-w-full flex-col gap-0.5" htmlFor={`${id}-status`}>
        Status
        <select id={`${id}-status`} name="status" defaultValue={status} className={FIELD}>
          {REMEDIATION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {REMEDIATION_STATUS_STYLES[value].label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-0.5" htmlFor={`${id}-assignee`}>
        Assignee
        <input id={`${id}-assignee`} name="assignee" defaultValue={assignee ?? ""} maxLength={200} className={cn(FIELD, "w-36")} />
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-0.5" htmlFor={`${id}-due`}>
        Due date
        <input id={`${id}-due`} type="date" name="dueDate" defaultValue={dueDate ?? ""} className={FIELD} />
      </label>
      <label className="flex min-w-0 flex-1 basis-48 flex-col gap-0.5" htmlFor={`${id}-note`}>
        Note
        <input id={`${id}-note`} name="note" defaultValue={note ?? ""} maxLength={2000} className={FIELD} />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending} className="px-2 py-1 text-xs">
        {isPending ? "Saving…" : "Save"}
      </Button>
      <p aria-live="polite" className={cn("basis-full empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-600")}>
        {state?.message}
      </p>
    </form>
  );
}
