"use server";

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { revalidatePath } from "next/cache";
import { importUpload } from "@/lib/import";
import { DEFAULT_PROFILE_ID } from "@/lib/scoring/profiles";

export type LoadSampleState = { ok: true; message: string } | { ok: false; message: string } | null;

// One folder per cluster: samples/<cluster>/<files>.
const SAMPLES_DIR = path.join(process.cwd(), "samples");

async function readSampleClusters() {
  const entries = await readdir(SAMPLES_DIR, { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const dir = path.join(SAMPLES_DIR, entry.name);
        const names = (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
        const files = await Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dir, name)) })));
        return { cluster: entry.name, files };
      }),
  );
}

export async function loadSampleInventory(_previous: LoadSampleState, _form: FormData): Promise<LoadSampleState> {
  let imported = 0;
  let workloads = 0;
  try {
    for (const sample of await readSampleClusters()) {
      const result = await importUpload({ cluster: sample.cluster, target: DEFAULT_PROFILE_ID, files: sample.files });
      // A duplicate means the sample is already there: loading twice is not an error.
      if (!result.ok && result.reason === "unreadable") return { ok: false, message: `Sample "${sample.cluster}": ${result.message}` };
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
