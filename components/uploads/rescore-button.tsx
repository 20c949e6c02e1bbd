"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { rescoreUploadAction, type RescoreUploadState } from "@/lib/actions/rescore-upload";
import { cn } from "@/lib/utils";

export interface RescoreButtonProps {
  uploadId: number;
  catalogVersion: string;
  /** The upload was scored by another catalog. Stays mounted after re-scoring, so its message outlives the button. */
  needed: boolean;
}

export function RescoreButton({ uploadId, catalogVersion, needed }: RescoreButtonProps) {
  const [state, formAction, isPending] = useActionState<RescoreUploadState, FormData>(rescoreUploadAction, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="uploadId" value={uploadId} />
      {needed ? (
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Re-scoring…" : `Re-score under catalog v${catalogVersion}`}
        </Button>
      ) : null}
      <p role="status" aria-live="polite" className={cn("text-sm empty:hidden", state?.ok === false ? "text-red-700" : "text-slate-600")}>
        {state?.message}
      </p>
    </form>
  );
}
