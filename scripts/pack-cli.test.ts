// Packs the CLI package, installs the tarball into an empty prefix (no registry needed: it has no
// dependencies) and runs it on a manifest in an empty folder, as a CI job would.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillCliPackage, packCliPackage, PACKAGE_DIR } from "./pack-cli.mjs";

const dir = mkdtempSync(join(tmpdir(), "kata-readiness-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed CLI", () => {
  it("installs with no dependencies or scripts and scans to SARIF in an empty folder", async () => {
    await fillCliPackage();
    const tarball = packCliPackage(dir);
    const listing = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(listing).toEqual(["package/README.md", "package/bin/kata-readiness.cjs", "package/dist/cli.cjs", "package/package.json"]);
    const manifest = JSON.parse(execFileSync("tar", ["xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
    expect(manifest).not.toHaveProperty("dependencies");
    expect(manifest).not.toHaveProperty("scripts");

    const prefix = join(dir, "prefix");
    execFileSync("npm", ["install", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball], { encoding: "utf8" });
    // Nothing but the package itself was installed.
    expect(readdirSync(join(prefix, "node_modules")).filter((name) => !name.startsWith("."))).toEqual(["kata-readiness"]);

    const work = join(dir, "work");
    mkdirSync(work);
    copyFileSync(join(PACKAGE_DIR, "..", "..", "lib", "cli", "fixtures", "manifests", "apps", "agent.yaml"), join(work, "agent.yaml"));
    const bin = join(prefix, "node_modules", ".bin", "kata-readiness");
    expect(existsSync(bin)).toBe(true);
    const run = spawnSync(bin, ["scan", "--format", "sarif", "--fail-on", "blocker", "."], { cwd: work, encoding: "utf8" });
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      "host-network",
      "kata-container-metrics",
      "subpath",
    ]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("agent.yaml");
  }, 120_000);
});
