// `npm start` with HOST=127.0.0.1, as a real process: the start-up line names the address and the URL to open, the
// server answers there and nowhere else. Runs `--dev` (no production build needed; Next 16 keeps it in .next/dev).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "kata-readiness-start-"));
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 3_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

describe("npm start", () => {
  it("listens on HOST and says where", { timeout: 240_000 }, async () => {
    const port = await freePort();
    let output = "";
    // NODE_ENV as `npm run dev` has it: under Vitest's "test", `next dev` rewrites tsconfig.json for a .next/dev/dev folder.
    const env = {
      ...process.env,
      NODE_ENV: "development" as const,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, "start.db")}`,
    };
    // Its own process group, so the test stops start.mjs and the Next server it runs together.
    const child = spawn(process.execPath, ["scripts/start.mjs", "--dev"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env,
    });
    server = child;
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));

    const line = `Kata Readiness listening on 127.0.0.1:${port} (this address only): open http://127.0.0.1:${port}`;
    const ready = new Promise<void>((resolve) => {
      const check = () => (output.includes("Ready in") ? resolve() : setTimeout(check, 200));
      check();
    });
    await Promise.race([ready, exited.then((code) => Promise.reject(new Error(`start.mjs exited (${code}):\n${output}`)))]);
    expect(output).toContain(line);

    // Any HTTP answer will do (the first one in dev mode waits for a compile).
    const response = await fetch(`http://127.0.0.1:${port}/_next/static/missing.js`, { signal: AbortSignal.timeout(180_000) });
    expect(response.status).toBe(404);
    // Bound to the loopback address only: the machine's other addresses refuse the connection.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === "IPv4")
      .map((address) => address!.address);
    for (const address of others) expect(await connects(address, port), address).toBe(false);
  });

  it("refuses a HOST or PORT that is not an address", async () => {
    for (const [name, value, message] of [
      ["HOST", "127.0.0.1 --inspect", "HOST must be an IP address or host name"],
      ["HOST", "http://example.com", "HOST must be an IP address or host name"],
      ["PORT", "80abc", "PORT must be a number from 1 to 65535"],
      ["PORT", "70000", "PORT must be a number from 1 to 65535"],
      ["PORT", "0", "PORT must be a number from 1 to 65535"],
    ]) {
      const child = spawn(process.execPath, ["scripts/start.mjs"], {
        cwd: ROOT,
        env: { ...process.env, HOST: "", PORT: "", [name]: value },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(code, `${name}=${value}`).toBe(1);
      expect(stderr).toContain(message);
    }
  });
});
