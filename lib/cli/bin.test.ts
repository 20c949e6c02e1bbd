import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "../export/json";
import { FIXTURES } from "./test-io";

const BIN = fileURLToPath(new URL("../../bin/kata-readiness.mjs", import.meta.url));

function spawnCli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: FIXTURES,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("bin/kata-readiness.mjs", () => {
  it("scans for real and exits with the gate's code", () => {
    const { code, stdout, stderr } = spawnCli(["scan", "--format", "json", "--fail-on", "blocker", "manifests"]);
    expect(stderr).toContain("--fail-on blocker");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary).toMatchObject({ workloads: 3, blocked: 1 });
  });

  it("reads stdin and reports a usage error without a stack trace", () => {
    const ok = spawnCli(["scan", "-"], "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: x }]\n");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("default/Pod/p");
    const bad = spawnCli(["scan", "--target", "nope", "-"], "");
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^kata-readiness: unknown target "nope"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
