// Bounded reading against the real things: /dev/zero, a FIFO made with mkfifo, a symlink to a device.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../export/json";
import { BoundedBuffer, InputTooLargeError, readBounded, readStreamBounded } from "./inputs";
import { FIXTURES, runCliForTest as run } from "./test-io";

const BIN = fileURLToPath(new URL("../../bin/kata-readiness.mjs", import.meta.url));
let dir: string;
let web: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kr-inputs-"));
  web = await readFile(join(FIXTURES, "manifests", "web.yaml"), "utf8");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("bounded reading", () => {
  it("stops a device at the limit instead of reading it to the end", () => {
    expect(() => readBounded("/dev/zero", 4 << 20)).toThrow(InputTooLargeError);
    expect(() => readBounded("/dev/zero", 4 << 20)).toThrow("larger than the 4 MiB limit");
  });

  it("refuses a regular file over the limit by its size", async () => {
    const file = join(dir, "big.json");
    await writeFile(file, "x".repeat(3 << 20));
    expect(() => readBounded(file, 2 << 20)).toThrow(InputTooLargeError);
    expect(readBounded(file, 4 << 20).byteLength).toBe(3 << 20);
  });

  it("stops a stream at the limit", async () => {
    async function* endless() {
      for (;;) yield new Uint8Array(1 << 16);
    }
    await expect(readStreamBounded(endless(), 1 << 20)).rejects.toThrow(InputTooLargeError);
    const buffer = new BoundedBuffer(4);
    buffer.push(new Uint8Array([1, 2]));
    buffer.push(new Uint8Array([3, 4]));
    expect([...buffer.bytes()]).toEqual([1, 2, 3, 4]);
  });
});

describe("scan of what never ends", () => {
  it("reports /dev/zero named on the command line as over the limit (exit 2)", async () => {
    const { code, stdout } = await run(["scan", "--format", "json", "/dev/zero", join(FIXTURES, "manifests", "web.yaml")]);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors).toEqual([
      { source: "/dev/zero", message: "cannot read: larger than the 256 MiB limit: split the inventory (e.g. one file per namespace)" },
    ]);
    expect(report.workloads).toHaveLength(1);
  });

  it("skips a FIFO without a writer and a .yaml symlink to /dev/zero in a directory, and says so", async () => {
    const tree = join(dir, "tree");
    execFileSync("mkdir", ["-p", tree]);
    await writeFile(join(tree, "web.yaml"), web);
    execFileSync("mkfifo", [join(tree, "pipe.yaml")]);
    await symlink("/dev/zero", join(tree, "zero.yaml"));
    const started = Date.now();
    const { code, stdout } = await run(["scan", "--format", "json", "tree"], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.workloads.map((w) => w.name)).toEqual(["web"]);
    expect(report.errors).toEqual([
      {
        source: join("tree", "pipe.yaml"),
        message: "skipped: a named pipe (FIFO), not a regular file (name it on the command line to read it)",
      },
      {
        source: join("tree", "zero.yaml"),
        message: "skipped: a character device, not a regular file (name it on the command line to read it)",
      },
    ]);
  });

  it("reads a FIFO named on the command line", async () => {
    const fifo = join(dir, "named.yaml");
    execFileSync("mkfifo", [fifo]);
    // The writer is another process: opening a FIFO blocks until both ends are open.
    const writer = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", join(FIXTURES, "manifests", "web.yaml"), fifo], { stdio: "ignore" });
    const { code, stdout } = await run(["scan", "--format", "json", fifo]);
    await new Promise((done) => writer.on("exit", done));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).workloads.map((w) => w.name)).toEqual(["web"]);
  });

  it("stops reading standard input from /dev/zero at the limit (real process)", () => {
    const zero = openSync("/dev/zero", "r");
    try {
      const result = spawnSync(process.execPath, [BIN, "scan", "-"], {
        stdio: [zero, "pipe", "pipe"],
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toContain("<stdin>");
      expect(result.stdout).toContain("larger than the 256 MiB limit");
    } finally {
      closeSync(zero);
    }
  }, 90_000);
});
