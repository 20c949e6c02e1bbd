"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeWaiverAction, type WaiverActionState } from "@/lib/actions/waivers";

export function RevokeWaiverButton({ id }: { id: number }) {
  const [state, formAction, isPending] = useActionState<WaiverActionState, FormData>(revokeWaiverAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke waiver #${id}? The findings it accepts count again; the waiver is kept in the history.`))
          event.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-label={`Revoke waiver #${id}`} className="px-2 py-1 text-xs">
        {isPending ? "Revoking…" : "Revoke"}
      </Button>
      {state?.ok === false ? (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
