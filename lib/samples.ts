import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { InputFile } from "./inventory/types";

// One folder per cluster: samples/<cluster>/<files>. Read at run time, never traced into the build:
// without the turbopackIgnore comments Turbopack traces the whole project from these dynamic paths.
const SAMPLES_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "samples");

export interface SampleCluster {
  cluster: string;
  files: InputFile[];
}

export async function readSampleClusters(dir = SAMPLES_DIR): Promise<SampleCluster[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const clusterDir = path.join(/* turbopackIgnore: true */ dir, entry.name);
        const names = (await readdir(/* turbopackIgnore: true */ clusterDir)).filter((name) => !name.startsWith(".")).sort();
        const files = await Promise.all(
          names.map(async (name) => {
            const file = path.join(/* turbopackIgnore: true */ clusterDir, name);
            return { name, content: await readFile(/* turbopackIgnore: true */ file) };
          }),
        );
        return { cluster: entry.name, files };
      }),
  );
}
