// `node scripts/build-cli.mjs`: (re)builds dist/cli.cjs, the CLI bundle, and dist/import-worker.cjs, the
// web import's worker (see cli-bundle.mjs).
import { relative } from "node:path";
import { BUNDLE, buildCliBundle, ROOT, WORKER_BUNDLE } from "./cli-bundle.mjs";

await buildCliBundle();
await buildCliBundle(WORKER_BUNDLE);
console.log(`kata-readiness: built ${relative(ROOT, BUNDLE)} and ${relative(ROOT, WORKER_BUNDLE.bundle)}`);
