#!/usr/bin/env node
// `npm start` on a fresh machine: create the data folder, apply migrations, build when the build is
// missing or older than the sources, then serve. `--dev` serves `next dev`; `--build-only` only builds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWorkerBundle } from "./ensure-worker-bundle.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PRISMA_BIN = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
// Everything `next build` reads; tests and generated build output are left out.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
// lib/generated (the Prisma client) is rewritten by every `npm install`/`npx kata-readiness` postinstall with
// the same content: prisma/schema.prisma, listed above, is what changes it. dist/ (CLI and scan-worker
// bundles) is not read by `next build`.
const IGNORED = /(^|\/)(node_modules|\.next|lib\/generated|dist)(\/|$)|\.test\.tsx?$/;

const args = new Set(process.argv.slice(2));
const isDev = args.has("--dev");
const isBuildOnly = args.has("--build-only");
const port = process.env.PORT || "3000";
// All interfaces by default (a shared server); HOST=127.0.0.1 keeps a single-user install to this machine.
const host = (process.env.HOST || "0.0.0.0").replace(/^\[(.*)\]$/, "$1");

if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) fail(`PORT must be a number from 1 to 65535, not "${port}"`);
if (!/^[\w.:%-]+$/.test(host)) fail(`HOST must be an IP address or host name such as 127.0.0.1, not "${host}"`);

process.chdir(ROOT);
process.env.NEXT_TELEMETRY_DISABLED = "1";

// lib/database-url.ts holds the default; read it rather than repeat it (this script runs without tsx).
function readDefaultDatabaseUrl() {
  const source = readFileSync(path.join(ROOT, "lib", "database-url.ts"), "utf8");
  const match = source.match(/DEFAULT_DATABASE_URL\s*=\s*"([^"]+)"/);
  if (!match) throw new Error("lib/database-url.ts: DEFAULT_DATABASE_URL not found");
  return match[1];
}

function fail(message) {
  console.error(`kata-readiness: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, label) {
  const result = spawnSync(process.execPath, [command, ...commandArgs], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    fail(`${label} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

function newestMtime(entry) {
  if (!existsSync(entry) || IGNORED.test(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isBuildStale() {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(input) > built);
}

function build() {
  console.log("kata-readiness: building (next build)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) fail(`next build failed (exit ${result.status ?? result.signal})`);
}

function migrate() {
  const databaseUrl = (process.env.DATABASE_URL ||= readDefaultDatabaseUrl());
  if (databaseUrl.startsWith("file:")) {
    const file = path.resolve(ROOT, databaseUrl.slice("file:".length));
    mkdirSync(path.dirname(file), { recursive: true });
  }
  run(PRISMA_BIN, ["migrate", "deploy"], "prisma migrate deploy");
  console.log(`kata-readiness: database ${describeDatabase(databaseUrl)} is migrated`);
  return databaseUrl;
}

function describeDatabase(databaseUrl) {
  return databaseUrl.startsWith("file:") ? path.relative(ROOT, path.resolve(ROOT, databaseUrl.slice("file:".length))) : "(DATABASE_URL)";
}

// The address to open in a browser: a wildcard address is reached through localhost.
function browserUrl() {
  if (host === "0.0.0.0" || host === "::") return `http://localhost:${port}`;
  return host.includes(":") ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

function serve(nextArgs, databaseUrl) {
  const scope = host === "0.0.0.0" || host === "::" ? "all interfaces" : "this address only";
  console.log(
    `Kata Readiness listening on ${host.includes(":") ? `[${host}]` : host}:${port} (${scope}): open ${browserUrl()} (database: ${describeDatabase(databaseUrl)})`,
  );
  const child = spawn(process.execPath, [NEXT_BIN, ...nextArgs, "--hostname", host, "--port", port], {
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// The web import's worker runs from its own bundle (scripts/import-worker.mjs), outside Next's build.
await ensureWorkerBundle();
if (isBuildOnly) {
  build();
} else if (isDev) {
  serve(["dev"], migrate());
} else {
  const databaseUrl = migrate();
  if (isBuildStale()) build();
  serve(["start"], databaseUrl);
}
