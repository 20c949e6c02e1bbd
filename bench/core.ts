// Core benchmark: parse + rules + score + size (`scan()`) against bare parsing of the same bytes,
// on generated kubectl-style inventories of 1k, 10k and 50k workloads, JSON and YAML.
// Each case runs in its own child process so peak RSS is the case's own. Both sides read each file
// inside the timed run, one at a time, as the CLI does: times include reading (page cache).
// JSON cases from 10k also time one whole CLI call (`scan --format json --output <file>`).
//
//   npm run bench                    (tsx bench/core.ts && tsx bench/db.ts)
//   tsx bench/core.ts --profile      write V8 CPU profiles of the scan runs to bench/.out/profiles
//   tsx bench/core.ts --sizes 1000,10000
//   tsx bench/core.ts --cpu          judge the targets on CPU time (automatic when the machine is busy)
//   tsx bench/core.ts --keep         keep the generated inventories in bench/.out (about 1 GB)
//   tsx bench/core.ts --preread      read every file before timing (parsing and rules only; RSS then
//                                    includes all the bytes at once)
// Inventories of 50k workloads are split into 10 files by namespace (as big clusters are exported),
// which keeps each file under the parser's per-file limits.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loadAll } from "js-yaml";
import { runCli, type CliIo } from "../lib/cli/main";
import { scan } from "../lib/scan";
import { generateInventory, splitByNamespace, toKubectlJson, toMultiDocYaml } from "./generate";

type Format = "json" | "yaml";
type Mode = "parse" | "scan" | "cli";

interface ChildResult {
  /** First run: what one CLI invocation pays, JIT warm-up included. */
  firstMs: number;
  /** Best run: the steady state. */
  ms: number;
  /** CPU time (user + system, all threads) of the first and the best run: less sensitive to a busy machine. */
  firstCpuMs: number;
  cpuMs: number;
  /** Peak RSS of the first run: what one CLI call reaches (later runs add the garbage of earlier ones). */
  maxRssMiB: number;
  workloads: number;
  errors: number;
}

interface CaseResult {
  size: number;
  format: Format;
  files: number;
  bytes: number;
  parse: ChildResult | string;
  scan: ChildResult | string;
  /** `kata-readiness scan --format json --output <file>`, one call (JSON cases from 10k). */
  cli?: ChildResult | string;
}

const SCRIPT = resolve(process.argv[1]);
const OUT = join(dirname(SCRIPT), ".out");
/** Generous: on a busy machine three 10k YAML runs take minutes of wall-clock time. */
const CHILD_TIMEOUT_MS = 300_000;
const MIB = 1024 * 1024;
const SPLIT_FROM = 50_000;
const SPLIT_PARTS = 10;

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// ---- child: one measurement ----

/**
 * Decode + parse with the parser the scanner uses (JSON.parse, js-yaml's loadAll with its default
 * schema), keeping every value alive as a scan does (objects, not workloads, are counted).
 */
function parseBare(format: Format, bytes: Buffer): unknown[] {
  const text = bytes.toString("utf8");
  if (format === "json") return (JSON.parse(text) as { items: unknown[] }).items;
  return loadAll(text);
}

/**
 * Both modes read each file when they get to it, as the CLI does (one file's bytes in memory at a
 * time), unless `preread`; both keep what they parsed alive to the end.
 */
function measure(mode: Mode, format: Format, files: string[], repeat: number, preread: boolean): ChildResult {
  const contents = preread ? files.map((file) => readFileSync(file)) : undefined;
  const read = (i: number) => contents?.[i] ?? readFileSync(files[i]);
  let best = Infinity;
  let first = 0;
  let bestCpu = Infinity;
  let firstCpu = 0;
  let workloads = 0;
  let errors = 0;
  let maxRssMiB = 0;
  for (let run = 0; run < repeat; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    if (mode === "parse") {
      workloads = files.map((_, i) => parseBare(format, read(i))).reduce((n, values) => n + values.length, 0);
    } else {
      const result = scan(
        files.map((file, i) => ({ name: file, load: () => read(i) })),
        { cluster: "bench" },
      );
      workloads = result.summary.workloads;
      errors = result.errors.length;
    }
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(startCpu);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (run === 0) {
      first = elapsed;
      firstCpu = cpuMs;
      maxRssMiB = process.resourceUsage().maxRSS / 1024;
    }
    best = Math.min(best, elapsed);
    bestCpu = Math.min(bestCpu, cpuMs);
  }
  return { firstMs: first, ms: best, firstCpuMs: firstCpu, cpuMs: bestCpu, maxRssMiB, workloads, errors };
}

/** One CLI call as a user makes it: read the files, scan, write the JSON report to a file. */
async function measureCli(files: string[]): Promise<ChildResult> {
  const report = join(OUT, `cli-report-${process.pid}.json`);
  const discard = { write: () => undefined };
  const io: CliIo = {
    argv: ["scan", "--format", "json", "--output", report, ...files],
    stdout: discard,
    stderr: discard,
    readStdin: async () => new Uint8Array(),
    env: {},
    cwd: process.cwd(),
  };
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const exitCode = await runCli(io);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(startCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const summary = (JSON.parse(readFileSync(report, "utf8")) as { summary: { workloads: number } }).summary;
  rmSync(report);
  return { firstMs: ms, ms, firstCpuMs: cpuMs, cpuMs, maxRssMiB, workloads: summary.workloads, errors: exitCode === 0 ? 0 : 1 };
}

function runChild(mode: Mode, format: Format, files: string[], repeat: number, profile: boolean): ChildResult | string {
  const reading = process.argv.includes("--preread") ? "preread" : "lazy";
  const nodeArgs = ["--import", "tsx"];
  if (profile && mode === "scan") nodeArgs.push("--cpu-prof", "--cpu-prof-dir", join(OUT, "profiles"));
  const child = spawnSync(process.execPath, [...nodeArgs, SCRIPT, "--child", mode, format, String(repeat), reading, ...files], {
    encoding: "utf8",
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 * MIB,
  });
  if (child.error) return `failed: ${child.error.message}`;
  if (child.status !== 0) {
    const tail = child.stderr.trim().split("\n").slice(-3).join(" | ");
    if (/heap out of memory|Allocation failed/i.test(child.stderr)) return "failed: out of memory";
    return `failed (${child.signal ?? `exit ${child.status}`}): ${tail.slice(0, 300)}`;
  }
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as ChildResult;
}

// ---- parent: generate, run, report ----

function generate(size: number, formats: readonly Format[]): Record<Format, string[]> {
  const parts = splitByNamespace(generateInventory(size), size >= SPLIT_FROM ? SPLIT_PARTS : 1);
  const files = {} as Record<Format, string[]>;
  for (const format of formats) {
    files[format] = parts.map((part, i) => {
      const suffix = parts.length > 1 ? `-part${String(i + 1).padStart(2, "0")}` : "";
      const file = join(OUT, `inventory-${size}${suffix}.${format}`);
      writeFileSync(file, format === "json" ? toKubectlJson(part) : toMultiDocYaml(part));
      return file;
    });
  }
  return files;
}

/**
 * Runs per case. The first run pays V8's compile warm-up of the scanner (a fixed ~100-300 ms);
 * warm is the best run. Small cases need many runs before the optimised code is in place; at 50k
 * the warm-up is amortised (and a second run would only add the first one's garbage).
 */
function repeatsFor(size: number): number {
  if (size >= SPLIT_FROM) return 1;
  return size < 10_000 ? 20 : 3;
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function cell(result: ChildResult | string, pick: (r: ChildResult) => string): string {
  return typeof result === "string" ? "-" : pick(result);
}

function printTable(results: CaseResult[]): void {
  const header = [
    "size",
    "format",
    "files",
    "MB",
    "parse",
    "scan cold",
    "scan warm",
    "warm/parse",
    "cold/parse",
    "workloads/s",
    "RSS parse",
    "RSS scan",
    "CPU parse",
    "CPU cold",
    "CPU warm",
  ];
  const rows = results.map((r) => [
    r.size.toLocaleString("en"),
    r.format,
    String(r.files),
    (r.bytes / 1e6).toFixed(1),
    cell(r.parse, (p) => formatMs(p.ms)),
    cell(r.scan, (s) => formatMs(s.firstMs)),
    cell(r.scan, (s) => (s.ms === s.firstMs ? "-" : formatMs(s.ms))),
    typeof r.parse === "string" || typeof r.scan === "string" ? "-" : `${(r.scan.ms / r.parse.ms).toFixed(2)}x`,
    typeof r.parse === "string" || typeof r.scan === "string" ? "-" : `${(r.scan.firstMs / r.parse.ms).toFixed(2)}x`,
    cell(r.scan, (s) => Math.round(s.workloads / (s.firstMs / 1000)).toLocaleString("en")),
    cell(r.parse, (p) => `${Math.round(p.maxRssMiB)} MB`),
    cell(r.scan, (s) => `${Math.round(s.maxRssMiB)} MB`),
    cell(r.parse, (p) => formatMs(p.cpuMs)),
    cell(r.scan, (s) => formatMs(s.firstCpuMs)),
    cell(r.scan, (s) => (s.ms === s.firstMs ? "-" : formatMs(s.cpuMs))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) {
    for (const [mode, result] of [
      ["parse", r.parse],
      ["scan", r.scan],
    ] as const) {
      if (typeof result === "string") console.log(`  ${r.size} ${r.format} ${mode}: ${result}`);
      else if (mode === "scan" && (result.workloads !== r.size || result.errors > 0)) {
        console.log(`  ${r.size} ${r.format} scan: found ${result.workloads} workloads (expected ${r.size}), ${result.errors} errors`);
      }
    }
  }
}

function printCli(results: CaseResult[]): void {
  const measured = results.filter((r) => r.cli !== undefined);
  if (measured.length === 0) return;
  console.log("\nCLI end to end (`kata-readiness scan --format json --output <file>`, one call in a fresh process):");
  for (const r of measured) {
    const cli = r.cli as ChildResult | string;
    const figures =
      typeof cli === "string"
        ? cli
        : `${formatMs(cli.ms)}, CPU ${formatMs(cli.cpuMs)}, peak RSS ${Math.round(cli.maxRssMiB)} MB, ${cli.workloads.toLocaleString("en")} workloads`;
    console.log(`  ${r.size.toLocaleString("en")} ${r.format}: ${figures}`);
  }
}

/** Times a target is judged on: wall clock, or CPU time when the machine was busy. */
function timesOf(result: ChildResult, useCpu: boolean): { first: number; best: number } {
  return useCpu ? { first: result.firstCpuMs, best: result.cpuMs } : { first: result.firstMs, best: result.ms };
}

function printTargets(results: CaseResult[], useCpu: boolean): void {
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(`\nTargets (judged on ${useCpu ? "CPU time: the machine was busy" : "wall-clock time"})`);
  for (const r of results) {
    if (typeof r.parse === "string" || typeof r.scan === "string") {
      console.log(
        `  ${verdict(false)}  scan within 1.5x of bare parsing, ${r.size} ${r.format}: ${typeof r.scan === "string" ? r.scan : r.parse}`,
      );
      continue;
    }
    const parse = timesOf(r.parse, useCpu).best;
    const scanned = timesOf(r.scan, useCpu);
    const ratio = scanned.best / parse;
    const cold = scanned.first / parse;
    console.log(
      `  ${verdict(ratio <= 1.5)}  scan within 1.5x of bare parsing, ${r.size} ${r.format}: ${ratio.toFixed(2)}x warm (${cold.toFixed(2)}x cold)`,
    );
  }
  const json10k = results.find((r) => r.size === 10_000 && r.format === "json");
  if (json10k) {
    const scanned = json10k.scan;
    if (typeof scanned === "string") console.log(`  ${verdict(false)}  10k JSON workloads under 2 s: ${scanned}`);
    else {
      const { first, best } = timesOf(scanned, useCpu);
      console.log(`  ${verdict(first < 2000)}  10k JSON workloads under 2 s: ${formatMs(first)} cold (${formatMs(best)} warm)`);
    }
  }
  for (const r of results.filter((c) => c.size === 50_000)) {
    const scanned = r.scan;
    const ok = typeof scanned !== "string" && scanned.maxRssMiB < 512;
    console.log(
      `  ${verdict(ok)}  peak RSS < 512 MB at 50k ${r.format}: ${typeof scanned === "string" ? scanned : `${Math.round(scanned.maxRssMiB)} MB`}`,
    );
    if (r.cli !== undefined) {
      const cli = r.cli;
      const cliOk = typeof cli !== "string" && cli.maxRssMiB < 512;
      console.log(
        `  ${verdict(cliOk)}  peak RSS < 512 MB at 50k ${r.format}, CLI end to end: ${typeof cli === "string" ? cli : `${Math.round(cli.maxRssMiB)} MB`}`,
      );
    }
  }
}

function main(): void {
  if (process.argv[2] === "--child") {
    const [, , , mode, format, repeat, reading, ...files] = process.argv;
    if (mode === "cli") void measureCli(files).then((result) => console.log(JSON.stringify(result)));
    else console.log(JSON.stringify(measure(mode as Mode, format as Format, files, Number(repeat), reading === "preread")));
    return;
  }
  if (process.argv.includes("--help")) {
    // The usage is the comment block at the top of this file.
    const header = readFileSync(SCRIPT, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("//"));
    console.log(header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n"));
    return;
  }
  const profile = process.argv.includes("--profile");
  const sizes = (argValue("--sizes") ?? "1000,10000,50000").split(",").map(Number);
  mkdirSync(join(OUT, "profiles"), { recursive: true });
  const started = performance.now();
  const load = loadavg()[0];
  const cpus = availableParallelism();
  console.log(`Core benchmark: scan() vs bare parsing (node ${process.version}, ${cpus} CPUs, load ${load.toFixed(1)}).`);
  console.log("Wall-clock times, then CPU times. cold = first run in a fresh process (one CLI call);");
  console.log(
    process.argv.includes("--preread")
      ? "files read before timing (--preread);"
      : "files read one at a time inside the timed run, as the CLI does;",
  );
  console.log("warm = best run (20 runs below 10k, 3 at 10k, 1 at 50k). RSS = peak of the first run.");
  console.log("Targets use wall clock, or CPU time on a busy machine (or --cpu).");
  const busy = load > cpus;
  if (busy) console.log("Warning: the machine is busy (load above CPU count): wall-clock times are inflated and noisy.");
  console.log("");

  const results: CaseResult[] = [];
  for (const size of sizes) {
    const formats: Format[] = ["json", "yaml"];
    const files = generate(size, formats);
    for (const format of formats) {
      const paths = files[format];
      const repeat = repeatsFor(size);
      results.push({
        size,
        format,
        files: paths.length,
        bytes: paths.reduce((sum, file) => sum + statSync(file).size, 0),
        parse: runChild("parse", format, paths, repeat, false),
        scan: runChild("scan", format, paths, repeat, profile),
        cli: format === "json" && size >= 10_000 ? runChild("cli", format, paths, 1, false) : undefined,
      });
      if (!process.argv.includes("--keep")) for (const file of paths) rmSync(file);
    }
  }

  printTable(results);
  printCli(results);
  printTargets(results, busy || process.argv.includes("--cpu"));
  if (profile) console.log(`\nCPU profiles: ${join(OUT, "profiles")} (open in Chrome DevTools > Performance)`);
  console.log(`\nTotal ${formatMs(performance.now() - started)}`);
  // Figures are for the report; only a failing scan (crash, out of memory) fails the run.
  if (results.some((r) => typeof r.scan === "string" || typeof r.cli === "string")) process.exitCode = 1;
}

main();
