"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteUploadAction, type DeleteUploadState } from "@/lib/actions/delete-upload";

/** Two steps: the first click only asks; decisions (items, waivers, owners, history) are said to stay. */
export function DeleteUploadButton({ uploadId, isCurrent }: { uploadId: number; isCurrent: boolean }) {
  const [asking, setAsking] = useState(false);
  const [state, formAction, isPending] = useActionState<DeleteUploadState, FormData>(deleteUploadAction, null);
  if (!asking) {
    return (
      <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
        Delete upload…
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      role="alertdialog"
      aria-labelledby={`delete-upload-${uploadId}`}
      className="flex max-w-md flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm"
    >
      <p id={`delete-upload-${uploadId}`} className="text-red-900">
        Delete upload #{uploadId} and its workloads and findings?{" "}
        {isCurrent ? "The newest remaining upload of this cluster becomes current. " : ""}
        Remediation items, waivers, owners and history stay.
      </p>
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="confirm" value="delete" />
      <span className="flex gap-2">
        <Button type="submit" variant="primary" disabled={isPending} className="bg-red-700 hover:bg-red-800">
          {isPending ? "Deleting…" : `Delete upload #${uploadId}`}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)} disabled={isPending}>
          Cancel
        </Button>
      </span>
      <p role="status" aria-live="polite" className="text-red-700 empty:hidden">
        {state?.message}
      </p>
    </form>
  );
}
