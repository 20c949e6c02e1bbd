// `npm test`: Vitest, lint and format checks, the corpus check (when ../shared/corpus exists), then Playwright against Debian's Chromium. Ends with one plain line
// "N passed, M failed" (CI reads it) and exits non-zero when anything failed.
// `--e2e-only` skips Vitest; other arguments go to `playwright test` (e.g. a spec file or `--grep`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./ensure-chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

function run(command, args, env = {}) {
  const result = spawnSync(path.join(BIN, command), args, {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A runner that exits non-zero without reporting a failed test (crash, bad config) still counts as one failure. */
function settle(counts, exitCode) {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

function runVitest(outDir) {
  const file = path.join(outDir, "vitest.json");
  const exitCode = run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson(file);
  const counts = { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
  return { exitCode, counts: settle(counts, exitCode) };
}

// Lint and format are part of the suite, so CI keeps them: counted as one test.
function runLint() {
  const eslint = run("eslint", ["--max-warnings", "0", "."]);
  const prettier = run("prettier", ["--check", "--log-level", "warn", "."]);
  if (prettier !== 0) console.error("prettier: the files above are not formatted: run `npm run format`");
  const exitCode = eslint !== 0 ? eslint : prettier;
  return { exitCode, counts: exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 } };
}

// The corpus of real inventories is shared material beside the repository, not part of it.
function runCorpusCheck() {
  const corpus = path.resolve(ROOT, process.env.KATA_READINESS_CORPUS ?? "../shared/corpus");
  if (!existsSync(corpus)) {
    console.log(`corpus check skipped: ${corpus} does not exist`);
    return { exitCode: 0, counts: { passed: 0, failed: 0 } };
  }
  const exitCode = run("tsx", [path.join("scripts", "check-corpus.ts")]);
  return { exitCode, counts: exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 } };
}

function runPlaywright(outDir, extraArgs) {
  let chromiumPath;
  try {
    chromiumPath = ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { exitCode: 1, counts: { passed: 0, failed: 1 } };
  }
  const file = path.join(outDir, "playwright.json");
  const exitCode = run("playwright", ["test", "--reporter=list,json", ...extraArgs], {
    CHROMIUM_PATH: chromiumPath,
    PLAYWRIGHT_JSON_OUTPUT_FILE: file,
  });
  const stats = readJson(file)?.stats;
  const counts = {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
  };
  return { exitCode, counts: settle(counts, exitCode) };
}

const args = process.argv.slice(2);
const isE2eOnly = args.includes("--e2e-only");
const playwrightArgs = args.filter((arg) => arg !== "--e2e-only");
const outDir = mkdtempSync(path.join(tmpdir(), "kata-readiness-test-"));

const results = [];
try {
  if (!isE2eOnly) results.push(runVitest(outDir), runLint(), runCorpusCheck());
  results.push(runPlaywright(outDir, playwrightArgs));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const passed = results.reduce((sum, r) => sum + r.counts.passed, 0);
const failed = results.reduce((sum, r) => sum + r.counts.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.exitCode !== 0) ? 1 : 0);
