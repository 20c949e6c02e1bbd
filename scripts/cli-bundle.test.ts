import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../lib/cli/io";
import packageJson from "../package.json";
import { buildCliBundle, isBundleFresh, ROOT } from "./cli-bundle.mjs";

const dir = mkdtempSync(join(tmpdir(), "kata-readiness-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function at(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

describe("isBundleFresh", () => {
  const root = join(dir, "root");
  const paths = { root, bundle: join(dir, "cli.cjs"), inputs: join(dir, "inputs.json") };

  it("is fresh only while the bundle is newer than every input and all inputs exist", () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    writeFileSync(join(root, "a.ts"), "");
    writeFileSync(join(root, "b.ts"), "");
    writeFileSync(paths.inputs, JSON.stringify(["a.ts", "b.ts"]));
    expect(isBundleFresh(paths)).toBe(false);
    writeFileSync(paths.bundle, "");
    at(join(root, "a.ts"), 1000);
    at(join(root, "b.ts"), 1000);
    at(paths.bundle, 2000);
    expect(isBundleFresh(paths)).toBe(true);
    at(join(root, "b.ts"), 3000);
    expect(isBundleFresh(paths)).toBe(false);
    at(join(root, "b.ts"), 1000);
    rmSync(join(root, "a.ts"));
    expect(isBundleFresh(paths)).toBe(false);
  });
});

describe("buildCliBundle", () => {
  it("builds a bundle that runs the CLI and lists the sources it came from", async () => {
    const paths = { bundle: join(dir, "built", "cli.cjs"), inputs: join(dir, "built", "inputs.json") };
    await buildCliBundle(paths);
    expect(isBundleFresh({ root: ROOT, ...paths })).toBe(true);
    const inputs = JSON.parse(readFileSync(paths.inputs, "utf8")) as string[];
    expect(inputs).toContain("lib/cli/main.ts");
    expect(inputs).toContain("lib/rules/catalog.ts");

    const { runCli } = createRequire(import.meta.url)(paths.bundle) as { runCli(io: CliIo): Promise<number> };
    let stdout = "";
    const io: CliIo = {
      argv: ["--version"],
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: () => undefined },
      readStdin: async () => new Uint8Array(),
      env: {},
      cwd: ROOT,
    };
    expect(await runCli(io)).toBe(0);
    expect(stdout).toBe(`${packageJson.version}\n`);
  });
});
