#!/usr/bin/env node
// Runs the CLI from its bundle when it is up to date (see scripts/cli-bundle.mjs), else from the
// TypeScript sources through tsx (a runtime dependency), so the package works without a build step.
import { createRequire } from "node:module";
import { BUNDLE, isBundleFresh } from "../scripts/cli-bundle.mjs";

const { runCli, nodeIo } = isBundleFresh()
  ? createRequire(import.meta.url)(BUNDLE)
  : await (await import("tsx/esm/api")).tsImport("../lib/cli/main.ts", import.meta.url);
process.exitCode = await runCli(nodeIo());
