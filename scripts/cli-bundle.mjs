// The CLI's single-file bundle: loading ~100 TypeScript modules through tsx costs about a second
// per call, the bundle a tenth of that. `npm install` builds it (postinstall); the bin uses it
// only while it is newer than every file it was built from, so an edited source never runs stale.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = join(ROOT, "dist", "cli.cjs");
/** The files the bundle was built from (paths relative to ROOT), written next to it. */
export const BUNDLE_INPUTS = join(ROOT, "dist", "cli.inputs.json");
/** The web import's worker (lib/import-worker.ts), built the same way; see scripts/import-worker.mjs. */
export const WORKER_BUNDLE = {
  entry: "lib/import-worker.ts",
  bundle: join(ROOT, "dist", "import-worker.cjs"),
  inputs: join(ROOT, "dist", "import-worker.inputs.json"),
};

/** Builds the bundle and records its inputs. esbuild is imported here only: the bin never loads it. */
export async function buildCliBundle({ root = ROOT, entry = "lib/cli/main.ts", bundle = BUNDLE, inputs = BUNDLE_INPUTS } = {}) {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    // CommonJS: bundled CommonJS dependencies (yaml) may require Node's built-ins.
    format: "cjs",
    outfile: bundle,
    // A native addon: loaded from node_modules at run time (the worker's own SQLite connection).
    external: ["better-sqlite3"],
    metafile: true,
    logLevel: "warning",
  });
  mkdirSync(dirname(inputs), { recursive: true });
  writeFileSync(inputs, `${JSON.stringify(Object.keys(result.metafile.inputs), null, 2)}\n`);
}

/** True when the bundle exists and is newer than each file it was built from (all still there). */
export function isBundleFresh({ root = ROOT, bundle = BUNDLE, inputs = BUNDLE_INPUTS } = {}) {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const files = JSON.parse(readFileSync(inputs, "utf8"));
    return Array.isArray(files) && files.length > 0 && files.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}
