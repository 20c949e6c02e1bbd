// Scans the shared corpus of real inventories (../shared/corpus, see its SOURCES.md) and fails on
// any crash, or on any input error that is not expected below.  npm run check:corpus
// (KATA_READINESS_CORPUS=<dir> points it elsewhere.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { InputError } from "../lib/inventory/types";
import { scan, type ScanResult } from "../lib/scan";
import { PROFILES } from "../lib/scoring/profiles";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(ROOT, process.env.KATA_READINESS_CORPUS ?? "../shared/corpus");
const INVENTORY_FILE = /\.(ya?ml|json)$/i;

interface ExpectedError {
  message: RegExp;
  reason: string;
}

/** Input errors we expect, by corpus path. Each needs a reason. */
const EXPECTED_ERRORS: Record<string, ExpectedError> = {
  "prometheus-moby-sd/json.json": {
    message: /docker inspect/i,
    reason: "Engine API container list (`docker ps` data), not `docker inspect`: the parser must say which command to run instead",
  },
  "popeye-pods/2.yaml": {
    message: /Pod default\/p[12] has no containers/,
    reason: "hand-written linter test data: Pods p1 and p2 have no `containers`, which the spec makes an input error",
  },
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function describeError(error: InputError): string {
  const where = [error.source, error.line, error.column].filter((part) => part !== undefined).join(":");
  return `${where}: ${error.message}`;
}

function scanSafely(name: string, content: Uint8Array, target?: string): ScanResult | Error {
  try {
    return scan([{ name, content }], { target, cluster: "corpus" });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function main(): number {
  if (!existsSync(CORPUS)) {
    console.log(`Corpus not found at ${CORPUS}: skipping the corpus check.`);
    return 0;
  }
  const all = listFiles(CORPUS).map((file) => relative(CORPUS, file));
  const files = all.filter((file) => INVENTORY_FILE.test(file));
  const ignored = all.filter((file) => !INVENTORY_FILE.test(file));
  const failures: string[] = [];
  const usedExpectations = new Set<string>();
  const totals = { workloads: 0, blocked: 0, needsChanges: 0, ready: 0, errors: 0 };

  console.log(`Corpus: ${CORPUS} (${files.length} inventory files; not inventories, skipped: ${ignored.join(", ") || "none"})\n`);
  const header = `${"file".padEnd(66)} ${"format".padEnd(14)} ${"wl".padStart(4)} ${"blk".padStart(4)} ${"chg".padStart(4)} ${"rdy".padStart(4)} ${"err".padStart(4)}`;
  console.log(header);
  const contents = new Map<string, Uint8Array>();
  for (const file of files) {
    const content = readFileSync(join(CORPUS, file));
    contents.set(file, content);
    const result = scanSafely(file, content);
    if (result instanceof Error) {
      failures.push(`${file}: crashed: ${result.stack ?? result.message}`);
      console.log(`${file.padEnd(66)} CRASH ${result.message}`);
      continue;
    }
    const { summary } = result;
    const format = result.files.map((f) => f.format).join(",") || "-";
    totals.workloads += summary.workloads;
    totals.blocked += summary.blocked;
    totals.needsChanges += summary.needsChanges;
    totals.ready += summary.ready;
    totals.errors += result.errors.length;
    console.log(
      `${file.padEnd(66)} ${format.padEnd(14)} ${String(summary.workloads).padStart(4)} ${String(summary.blocked).padStart(4)} ` +
        `${String(summary.needsChanges).padStart(4)} ${String(summary.ready).padStart(4)} ${String(result.errors.length).padStart(4)}`,
    );
    for (const error of result.errors) {
      const expected = EXPECTED_ERRORS[file];
      if (expected && expected.message.test(error.message)) {
        usedExpectations.add(file);
        console.log(`    expected: ${describeError(error)}`);
      } else {
        failures.push(`${file}: unexpected input error: ${describeError(error)}`);
        console.log(`    ERROR: ${describeError(error)}`);
      }
    }
  }

  // Every target profile over the whole corpus at once: only crashes matter here.
  const inputs = files.map((file) => ({ name: file, content: contents.get(file) ?? new Uint8Array() }));
  for (const profile of PROFILES) {
    try {
      scan(inputs, { target: profile.id, cluster: "corpus" });
    } catch (error) {
      failures.push(
        `whole corpus, target ${profile.id}: crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  console.log(
    `\n${files.length} files: ${totals.workloads} workloads (${totals.blocked} blocked, ${totals.needsChanges} need changes, ` +
      `${totals.ready} ready), ${totals.errors} input errors; whole corpus scanned under ${PROFILES.length} targets.`,
  );
  for (const file of Object.keys(EXPECTED_ERRORS)) {
    if (!usedExpectations.has(file)) console.log(`note: expected error for ${file} did not occur (stale allow-list entry?)`);
  }
  if (failures.length > 0) {
    console.log(`\nFAILED (${failures.length}):`);
    for (const failure of failures) console.log(`  ${failure}`);
    return 1;
  }
  console.log("OK");
  return 0;
}

process.exitCode = main();
