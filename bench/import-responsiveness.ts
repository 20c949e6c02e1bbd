// Does the server keep answering while a large upload is imported? Target: every other request under
// 1 s while a 90 MB kubectl JSON (10k workloads, bench/generate.ts) is imported.
//
//   tsx --conditions=react-server bench/import-responsiveness.ts
//     In process, on a fresh SQLite file: importUpload (the web import, worker thread included) while a
//     timer measures how late the event loop runs and a node:http server on this thread answers a client.
//   KATA_READINESS_BENCH_URL=http://127.0.0.1:3000 tsx bench/import-responsiveness.ts
//     Also against a running `npm start`: POST the upload to /api/uploads while a page (/uploads) and a
//     static file are fetched over and over; reports the slowest answer and the server's memory.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { generateInventory, toKubectlJson } from "./generate";

const WORKLOADS = 10_000;
const TARGET_MS = 1000;
const PROBE_EVERY_MS = 20;

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}

function createDatabase(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kata-readiness-bench-")), "bench.db");
  const sqlite = new Database(file);
  const migrations = path.join(__dirname, "..", "prisma", "migrations");
  for (const dir of readdirSync(migrations)
    .filter((d) => /^\d/.test(d))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, dir, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return `file:${file}`;
}

/** Calls `probe` every PROBE_EVERY_MS until stopped; returns the slowest result in ms. */
function keepProbing(probe: () => Promise<number>): { stop: () => Promise<{ worst: number; count: number }> } {
  let running = true;
  let worst = 0;
  let count = 0;
  const loop = (async () => {
    while (running) {
      worst = Math.max(worst, await probe());
      count++;
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { worst, count };
    },
  };
}

async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
}

async function inProcess(content: string): Promise<boolean> {
  process.env.DATABASE_URL = createDatabase();
  const { importUpload } = await import("../lib/import");
  // As the route does: each file's bytes in an ArrayBuffer of their own, moved to the worker.
  const bytes = new Uint8Array(Buffer.from(content));

  // Event-loop lag: how late a 20 ms timer fires.
  let lag = 0;
  let expected = performance.now() + PROBE_EVERY_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - expected);
    expected = now + PROBE_EVERY_MS;
  }, PROBE_EVERY_MS);

  const server = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const probes = keepProbing(() => timedGet(url));

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const memory = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const result = await importUpload(
    { cluster: "bench-responsive", target: "kata-qemu-runtime-rs", files: [{ name: "big.json", content: bytes }] },
    { transferFiles: true },
  );
  const importMs = performance.now() - start;
  const { worst, count } = await probes.stop();
  clearInterval(timer);
  clearInterval(memory);
  server.close();
  if (!result.ok) throw new Error(`import failed: ${result.message}`);

  const ok = worst < TARGET_MS && lag < TARGET_MS;
  console.log(
    `in process: importUpload of ${(content.length / 2 ** 20).toFixed(0)} MB, ${result.counts.workloads} workloads: ${importMs.toFixed(0)} ms`,
  );
  console.log(
    `  slowest of ${count} HTTP answers on the request thread: ${worst.toFixed(0)} ms; event-loop lag at most ${lag.toFixed(0)} ms`,
  );
  console.log(`  process RSS ${mb(rssBefore)} before, peak ${mb(peakRss)} (worker included)`);
  console.log(`  ${verdict(ok)}  other requests answered in under ${TARGET_MS} ms during the import`);
  return ok;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** RSS of the process listening on the URL's port (Linux, best effort). */
function serverRss(port: string): number | null {
  try {
    const pids = execFileSync("sh", ["-c", `ss -ltnpH 'sport = :${port}' | grep -o 'pid=[0-9]*' | cut -d= -f2`], { encoding: "utf8" })
      .trim()
      .split(/\s+/);
    const status = readFileSync(`/proc/${pids[0]}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

async function againstServer(base: string, content: string): Promise<boolean> {
  const port = new URL(base).port || "80";
  const staticFile = await findStaticFile(base);
  const rssBefore = serverRss(port);
  let peakRss = rssBefore ?? 0;
  const memory = setInterval(() => (peakRss = Math.max(peakRss, serverRss(port) ?? 0)), 100);

  const page = keepProbing(() => timedGet(`${base}/uploads`));
  const asset = keepProbing(() => timedGet(staticFile));
  const form = new FormData();
  form.set("cluster", `bench-${Date.now().toString(36)}`);
  form.append("files", new Blob([content]), "big.json");
  const start = performance.now();
  const response = await fetch(`${base}/api/uploads`, { method: "POST", body: form });
  const body = (await response.json()) as { counts?: { workloads: number }; error?: string };
  const uploadMs = performance.now() - start;
  const pageResult = await page.stop();
  const assetResult = await asset.stop();
  clearInterval(memory);
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${body.error}`);

  const ok = pageResult.worst < TARGET_MS && assetResult.worst < TARGET_MS;
  console.log(
    `\n${base}: POST /api/uploads of ${(content.length / 2 ** 20).toFixed(0)} MB, ${body.counts?.workloads} workloads: ${uploadMs.toFixed(0)} ms`,
  );
  console.log(
    `  slowest of ${pageResult.count} GET /uploads: ${pageResult.worst.toFixed(0)} ms; slowest of ${assetResult.count} static file: ${assetResult.worst.toFixed(0)} ms`,
  );
  if (rssBefore !== null) console.log(`  server RSS ${mb(rssBefore)} before, peak ${mb(peakRss)}`);
  console.log(`  ${verdict(ok)}  other requests answered in under ${TARGET_MS} ms during the upload`);
  return ok;
}

async function findStaticFile(base: string): Promise<string> {
  const html = await (await fetch(`${base}/uploads`)).text();
  const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(html)?.[0];
  if (!asset) throw new Error("no static file linked from /uploads");
  return `${base}${asset}`;
}

async function main() {
  const content = toKubectlJson(generateInventory(WORKLOADS));
  const results = [await inProcess(content)];
  const base = process.env.KATA_READINESS_BENCH_URL;
  if (base) results.push(await againstServer(base.replace(/\/$/, ""), content));
  if (results.includes(false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
