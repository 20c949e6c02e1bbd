#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a runtime dependency), so the package needs no build step.
import { tsImport } from "tsx/esm/api";

const { runCli, nodeIo } = await tsImport("../lib/cli/main.ts", import.meta.url);
process.exitCode = await runCli(nodeIo());
