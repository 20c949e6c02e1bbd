// Rebuilds dist/import-worker.cjs when a source it is built from changed since (see cli-bundle.mjs), so the
// import worker never runs stale code. Used by `npm start`/`npm run dev` and as Vitest's global setup.
import { buildCliBundle, isBundleFresh, WORKER_BUNDLE } from "./cli-bundle.mjs";

export async function ensureWorkerBundle() {
  if (!isBundleFresh(WORKER_BUNDLE)) await buildCliBundle(WORKER_BUNDLE);
}

export default ensureWorkerBundle;
