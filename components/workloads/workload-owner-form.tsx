"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/owners/action-message";
import { Button } from "@/components/ui/button";
import { setWorkloadOwnerAction, type OwnersActionState } from "@/lib/actions/owners";

const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The per-workload owner override (wins over labels and the namespace's team); empty both to remove it. */
export function WorkloadOwnerForm({ workloadId, team, owner }: { workloadId: number; team: string | null; owner: string | null }) {
  const [state, formAction, isPending] = useActionState<OwnersActionState, FormData>(setWorkloadOwnerAction, null);
  return (
    <form action={formAction} aria-label="Owner override" className="flex flex-col gap-2">
      <input type="hidden" name="workloadId" value={workloadId} />
      <p className="text-xs text-slate-500">Override: wins over team labels and the namespace&apos;s team; empty both to remove it.</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Team override
          <input name="team" defaultValue={team ?? ""} className={INPUT} maxLength={253} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Owner
          <input name="owner" defaultValue={owner ?? ""} className={INPUT} maxLength={253} />
        </label>
      </div>
      <span>
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? "Saving…" : "Set owner"}
        </Button>
      </span>
      <ActionMessage state={state} />
    </form>
  );
}
