"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setDeclaredRequirementAction, type RemediationActionState } from "@/lib/actions/remediation";
import { cn } from "@/lib/utils";

export interface DeclaredRequirementsProps {
  workloadId: number;
  states: readonly { requirement: string; inDashboard: boolean; inManifest: boolean }[];
  editable: boolean;
}

/** Requirements a manifest cannot show: declare or remove them here (they become findings and survive re-uploads). */
export function DeclaredRequirements({ workloadId, states, editable }: DeclaredRequirementsProps) {
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label="Declared requirements">
      {states.map((state) => (
        <DeclaredRequirementRow key={state.requirement} workloadId={workloadId} editable={editable} {...state} />
      ))}
    </ul>
  );
}

function DeclaredRequirementRow({
  workloadId,
  requirement,
  inDashboard,
  inManifest,
  editable,
}: {
  workloadId: number;
  requirement: string;
  inDashboard: boolean;
  inManifest: boolean;
  editable: boolean;
}) {
  const [state, formAction, isPending] = useActionState<RemediationActionState, FormData>(setDeclaredRequirementAction, null);
  return (
    <li className="flex flex-wrap items-center gap-2">
      <code className="font-mono text-xs">{requirement}</code>
      <span className="text-xs text-slate-600">
        {inDashboard ? "declared in the dashboard" : inManifest ? "declared in the manifest (or found by a rule)" : "not declared"}
      </span>
      {editable ? (
        <form action={formAction}>
          <input type="hidden" name="workloadId" value={workloadId} />
          <input type="hidden" name="requirement" value={requirement} />
          <input type="hidden" name="declared" value={inDashboard ? "0" : "1"} />
          <Button
            type="submit"
            variant="secondary"
            disabled={isPending}
            className="px-2 py-0.5 text-xs"
            aria-label={`${inDashboard ? "Remove" : "Declare"} ${requirement}`}
          >
            {inDashboard ? "Remove" : "Declare"}
          </Button>
        </form>
      ) : null}
      <span aria-live="polite" className={cn("text-xs empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-600")}>
        {state?.message}
      </span>
    </li>
  );
}
