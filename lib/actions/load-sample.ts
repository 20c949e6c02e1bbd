"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { importUpload } from "@/lib/import";
import { readSampleClusters } from "@/lib/samples";
import { DEFAULT_PROFILE_ID } from "@/lib/scoring/profiles";

export type LoadSampleState = { ok: true; message: string } | { ok: false; message: string } | null;

export async function loadSampleInventory(_previous: LoadSampleState, _form: FormData): Promise<LoadSampleState> {
  // Next checks a Server Action's Origin too; this keeps one rule for every route that writes.
  if (crossOriginProblem(await headers()) !== null) return { ok: false, message: "Cross-origin request refused." };
  let imported = 0;
  let workloads = 0;
  try {
    for (const sample of await readSampleClusters()) {
      const result = await importUpload({ cluster: sample.cluster, target: DEFAULT_PROFILE_ID, files: sample.files });
      // A duplicate means the sample is already there: loading twice is not an error.
      if (!result.ok && result.reason !== "duplicate") return { ok: false, message: `Sample "${sample.cluster}": ${result.message}` };
      if (result.ok) {
        imported++;
        workloads += result.counts.workloads;
      }
    }
  } catch (error) {
    console.error("loading the sample inventory failed", error);
    return { ok: false, message: "The sample inventory could not be loaded. See the server log." };
  }
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: imported === 0 ? "The sample inventory is already loaded." : `Loaded ${imported} sample clusters with ${workloads} workloads.`,
  };
}
