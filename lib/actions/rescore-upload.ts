"use server";

import { revalidatePath } from "next/cache";
import { rescoreUpload } from "@/lib/rescore";
import { rescoreUploadSchema } from "@/lib/validations/uploads";

export type RescoreUploadState = { ok: true; message: string } | { ok: false; message: string } | null;

export async function rescoreUploadAction(_previous: RescoreUploadState, form: FormData): Promise<RescoreUploadState> {
  const parsed = rescoreUploadSchema.safeParse({ uploadId: form.get("uploadId") });
  if (!parsed.success) return { ok: false, message: "Not a valid upload id: nothing was re-scored." };
  let result: Awaited<ReturnType<typeof rescoreUpload>>;
  try {
    result = await rescoreUpload(parsed.data.uploadId);
  } catch (error) {
    console.error(`re-scoring upload #${parsed.data.uploadId} failed`, error);
    return { ok: false, message: "Re-scoring failed and nothing was changed. See the server log." };
  }
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  const { summary } = result;
  const counts = `${summary.ready} ready, ${summary.needsChanges} need changes, ${summary.blocked} blocked`;
  const inventory = result.inventoryReevaluated
    ? ""
    : " Inventory-level rules could not be re-evaluated: this upload was stored without its inventory context.";
  return {
    ok: true,
    message: `Re-scored under catalog v${result.catalogVersion} (was v${result.previousCatalogVersion}): ${counts}.${inventory}`,
  };
}
