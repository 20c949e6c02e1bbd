// `npm run pack:cli`: fills packages/cli with the CLI bundle and packs it. The tarball holds the
// bundle, its bin and package.json: no dependencies, no install scripts, nothing of the dashboard.
// `--no-pack` only fills the folder (then `npm pack ./packages/cli` or `npm publish ./packages/cli`).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCliBundle, ROOT } from "./cli-bundle.mjs";

export const PACKAGE_DIR = join(ROOT, "packages", "cli");

/** Builds the bundle into packages/cli/dist and keeps the package's version the app's. */
export async function fillCliPackage() {
  const dist = join(PACKAGE_DIR, "dist");
  mkdirSync(dist, { recursive: true });
  await buildCliBundle({ bundle: join(dist, "cli.cjs"), inputs: join(dist, "cli.inputs.json") });
  const app = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const manifestPath = join(PACKAGE_DIR, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.version !== app.version) writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, version: app.version }, null, 2)}\n`);
}

/** Packs packages/cli into `destination`; returns the tarball's path. */
export function packCliPackage(destination) {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], { cwd: PACKAGE_DIR, encoding: "utf8" });
  return join(destination, JSON.parse(out)[0].filename);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  await fillCliPackage();
  if (!process.argv.includes("--no-pack")) console.log(packCliPackage(ROOT));
}
