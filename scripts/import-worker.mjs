// The import worker's entry file, loaded by absolute path (lib/import-pool.ts), outside Next's bundles:
// runs the worker bundle when it is up to date, else lib/import-worker.ts through tsx (vitest, edited sources).
import { createRequire } from "node:module";
import { isBundleFresh, WORKER_BUNDLE } from "./cli-bundle.mjs";

if (isBundleFresh(WORKER_BUNDLE)) createRequire(import.meta.url)(WORKER_BUNDLE.bundle);
else await (await import("tsx/esm/api")).tsImport("../lib/import-worker.ts", import.meta.url);
