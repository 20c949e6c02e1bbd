#!/usr/bin/env node
// The packaged CLI: the esbuild bundle of lib/cli, which carries everything it needs.
const { runCli, nodeIo } = require("../dist/cli.cjs");

runCli(nodeIo()).then((code) => {
  process.exitCode = code;
});
