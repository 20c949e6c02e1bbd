import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { InputFile } from "./inventory/types";

// One folder per cluster: samples/<cluster>/<files>.
const SAMPLES_DIR = path.join(process.cwd(), "samples");

export interface SampleCluster {
  cluster: string;
  files: InputFile[];
}

export async function readSampleClusters(dir = SAMPLES_DIR): Promise<SampleCluster[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const clusterDir = path.join(dir, entry.name);
        const names = (await readdir(clusterDir)).filter((name) => !name.startsWith(".")).sort();
        const files = await Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(clusterDir, name)) })));
        return { cluster: entry.name, files };
      }),
  );
}
