"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { removeNamespaceTeamAction, setNamespaceTeamAction, type OwnersActionState } from "@/lib/actions/owners";
import { ActionMessage } from "./action-message";

const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function NamespaceTeamForm({ clusters }: { clusters: { id: number; name: string }[] }) {
  const [state, formAction, isPending] = useActionState<OwnersActionState, FormData>(setNamespaceTeamAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Cluster
          <select name="clusterId" className={INPUT} required>
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Namespace
          <input name="namespace" className={INPUT} required maxLength={253} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Team
          <input name="team" className={INPUT} required maxLength={253} />
        </label>
        <Button type="submit" disabled={isPending || clusters.length === 0}>
          {isPending ? "Saving…" : "Set team"}
        </Button>
      </div>
      <ActionMessage state={state} />
    </form>
  );
}

export function RemoveNamespaceTeamButton({ clusterId, namespace }: { clusterId: number; namespace: string }) {
  const [state, formAction, isPending] = useActionState<OwnersActionState, FormData>(removeNamespaceTeamAction, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="namespace" value={namespace} />
      <Button
        type="submit"
        variant="ghost"
        className="px-2 py-1 text-xs"
        disabled={isPending}
        aria-label={`Remove the team of ${namespace}`}
      >
        Remove
      </Button>
      {state?.ok === false ? <ActionMessage state={state} /> : null}
    </form>
  );
}
