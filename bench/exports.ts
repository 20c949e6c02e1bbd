// Export benchmark: time and peak memory of writing a 50k-workload scan as CSV and SARIF (also
// JSON, JUnit, Markdown and migration patches), each format in its own child process so its peak RSS is its own.
// The child scans first (not timed), notes the peak RSS so far, then streams the export to a file
// in 1 MiB writes as the CLI does; "growth" is what the export added to the scan's peak.
//
//   tsx bench/exports.ts                 50k workloads
//   tsx bench/exports.ts --size 10000
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { exportEncoder, type ExportFormat } from "../lib/export/formats";
import { encode, exportWorkloads, type ExportMeta } from "../lib/export/model";
import { scan } from "../lib/scan";
import { generateInventory, splitByNamespace, toKubectlJson } from "./generate";

const SCRIPT = resolve(process.argv[1]);
const OUT = join(dirname(SCRIPT), ".out");
const MIB = 1024 * 1024;
const FORMATS: { format: ExportFormat; csv?: "findings" | "workloads"; label: string }[] = [
  { format: "csv", csv: "findings", label: "csv (findings)" },
  { format: "csv", csv: "workloads", label: "csv (workloads)" },
  { format: "sarif", label: "sarif" },
  { format: "json", label: "json" },
  { format: "junit", label: "junit" },
  { format: "markdown", label: "markdown" },
  { format: "patches", label: "patches" },
];

interface ChildResult {
  workloads: number;
  exportMs: number;
  bytes: number;
  scanRssMiB: number;
  peakRssMiB: number;
}

function rssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function child(index: number, files: string[]): ChildResult {
  const { format, csv } = FORMATS[index];
  const result = scan(files.map((file) => ({ name: file, load: () => readFileSync(file) })));
  const scanRssMiB = rssMiB();
  const meta: ExportMeta = {
    toolVersion: "bench",
    target: result.target,
    catalogVersion: result.catalogVersion,
    scoreFormula: result.scoreFormula,
    scope: "bench",
    summary: result.summary,
  };
  const out = join(OUT, `export-${process.pid}`);
  const fd = openSync(out, "w");
  const start = performance.now();
  let pending = "";
  for (const chunk of encode(exportEncoder(format, meta, { csv, patches: { target: result.target } }), exportWorkloads(result))) {
    pending += chunk;
    if (pending.length >= MIB) {
      writeSync(fd, pending);
      pending = "";
    }
  }
  if (pending) writeSync(fd, pending);
  closeSync(fd);
  const exportMs = performance.now() - start;
  const bytes = statSync(out).size;
  rmSync(out);
  return { workloads: result.workloads.length, exportMs, bytes, scanRssMiB, peakRssMiB: rssMiB() };
}

function main(): void {
  if (process.argv[2] === "--child") {
    console.log(JSON.stringify(child(Number(process.argv[3]), process.argv.slice(4))));
    return;
  }
  const sizeArg = process.argv.indexOf("--size");
  const size = sizeArg >= 0 ? Number(process.argv[sizeArg + 1]) : 50_000;
  mkdirSync(OUT, { recursive: true });
  const files = splitByNamespace(generateInventory(size), size >= 50_000 ? 10 : 1).map((part, i) => {
    const file = join(OUT, `export-inventory-${size}-${i}.json`);
    writeFileSync(file, toKubectlJson(part));
    return file;
  });
  console.log(
    `Exports of ${size.toLocaleString("en")} workloads (scan not timed; RSS = peak of the process; growth = export's addition to the scan's peak)`,
  );
  console.log("format            time      output     peak RSS   growth");
  try {
    FORMATS.forEach((entry, index) => {
      const run = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, "--child", String(index), ...files], {
        encoding: "utf8",
        timeout: 300_000,
        maxBuffer: 16 * MIB,
      });
      if (run.status !== 0) {
        console.log(`${entry.label.padEnd(16)}  failed: ${run.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 200)}`);
        return;
      }
      const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as ChildResult;
      console.log(
        `${entry.label.padEnd(16)}  ${`${(r.exportMs / 1000).toFixed(2)} s`.padEnd(8)}  ${`${(r.bytes / MIB).toFixed(1)} MB`.padEnd(9)}  ${`${Math.round(r.peakRssMiB)} MB`.padEnd(9)}  ${Math.round(r.peakRssMiB - r.scanRssMiB)} MB`,
      );
    });
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

main();
