"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { saveLabelKeysAction, type OwnersActionState } from "@/lib/actions/owners";
import { ActionMessage } from "./action-message";

export function LabelKeysForm({ labelKeys }: { labelKeys: string[] }) {
  const [state, formAction, isPending] = useActionState<OwnersActionState, FormData>(saveLabelKeysAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <label htmlFor="labelKeys" className="text-sm text-slate-700">
        Label keys, one a line, first set one wins
      </label>
      <textarea
        id="labelKeys"
        name="labelKeys"
        rows={4}
        defaultValue={labelKeys.join("\n")}
        className="w-full max-w-md rounded-md border border-slate-300 p-2 font-mono text-sm"
      />
      <span>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save label keys"}
        </Button>
      </span>
      <ActionMessage state={state} />
    </form>
  );
}
