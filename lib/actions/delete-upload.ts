"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { deleteUpload } from "@/lib/data/upload-delete";
import { currentActor } from "@/lib/data/tracking";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { deleteUploadSchema } from "@/lib/validations/uploads";

export type DeleteUploadState = { ok: false; message: string } | null;

export async function deleteUploadAction(_previous: DeleteUploadState, form: FormData): Promise<DeleteUploadState> {
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  const parsed = deleteUploadSchema.safeParse({ uploadId: form.get("uploadId"), confirm: form.get("confirm") });
  if (!parsed.success) return { ok: false, message: "Not a confirmed delete of a valid upload: nothing was deleted." };
  let result: Awaited<ReturnType<typeof deleteUpload>>;
  try {
    result = await deleteUpload(parsed.data.uploadId, currentActor());
  } catch (error) {
    console.error(`deleting upload #${parsed.data.uploadId} failed`, error);
    return { ok: false, message: "Deleting failed and nothing was changed. See the server log." };
  }
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  redirect(`/uploads?deleted=${parsed.data.uploadId}`);
}
