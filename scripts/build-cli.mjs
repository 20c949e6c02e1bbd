// `node scripts/build-cli.mjs`: (re)builds dist/cli.cjs, the CLI bundle (see cli-bundle.mjs).
import { relative } from "node:path";
import { BUNDLE, buildCliBundle, ROOT } from "./cli-bundle.mjs";

await buildCliBundle();
console.log(`kata-readiness: built ${relative(ROOT, BUNDLE)}`);
