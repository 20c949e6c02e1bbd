import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { SEVERITIES } from "../domain";
import { jsonReportChunks } from "../export/json";
import { escapeControl } from "../export/terminal";
import { summaryLine, textReportChunks } from "../export/text";
import type { Severity } from "../rules/types";
import { scan, type ScanResult } from "../scan";
import { reachesSeverity } from "../scoring/assess";
import { DEFAULT_PROFILE_ID, findProfile, PROFILES } from "../scoring/profiles";
import { FORMATS, parseCommandArgs, pickChoice } from "./args";
import { EXIT, OutputError, UsageError } from "./errors";
import { SCAN_HELP } from "./help";
import { collectInputs } from "./inputs";
import { shouldColor, type CliIo } from "./io";

const FAIL_ON = [...SEVERITIES, "none"] as const;

/** Does any workload or inventory finding reach the `--fail-on` level? */
export function failsGate(result: ScanResult, threshold: Severity): boolean {
  return (
    result.workloads.some((workload) => reachesSeverity(workload.findings, threshold)) ||
    reachesSeverity(result.inventoryFindings, threshold)
  );
}

const BATCH_CHARS = 1 << 20;

/** Joins small chunks into writes of about 1 MiB: one write per workload would be a syscall each. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let pending = "";
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= BATCH_CHARS) {
      yield pending;
      pending = "";
    }
  }
  if (pending) yield pending;
}

export async function runScan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("scan", args, {
    format: { type: "string", short: "f" },
    target: { type: "string", short: "t" },
    cluster: { type: "string", short: "c" },
    "fail-on": { type: "string" },
    output: { type: "string", short: "o" },
    "no-color": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT.ok;
  }
  const format = pickChoice("scan", "format", values.format, FORMATS, "text");
  const failOn = pickChoice("scan", "fail-on", values["fail-on"], FAIL_ON, "none");
  const target = typeof values.target === "string" ? values.target : DEFAULT_PROFILE_ID;
  if (!findProfile(target)) {
    throw new UsageError(`unknown target "${target}"; one of: ${PROFILES.map((p) => p.id).join(", ")}`, "scan");
  }
  const cluster = typeof values.cluster === "string" ? values.cluster : undefined;
  if (cluster !== undefined && !/^[^/\s]+$/.test(cluster)) throw new UsageError("--cluster must be a name without '/' or spaces", "scan");
  if (positionals.length === 0) throw new UsageError("nothing to scan: give files, directories or - for stdin", "scan");

  const inputs = await collectInputs(positionals, io);
  const scanned = scan(inputs.files, { target, cluster });
  const result: ScanResult = { ...scanned, errors: [...inputs.errors, ...scanned.errors] };

  const output = typeof values.output === "string" ? values.output : undefined;
  const color = !output && !values["no-color"] && shouldColor(io.stdout, io.env);
  const report = format === "json" ? jsonReportChunks(result) : textReportChunks(result, { color });
  if (output) {
    try {
      const file = await open(resolve(io.cwd, output), "w");
      try {
        for (const batch of batched(report)) await file.write(batch);
      } finally {
        await file.close();
      }
    } catch (error) {
      // Only the file system's errors are the output's fault; anything else is a bug to report as one.
      if (!(error instanceof Error && "code" in error)) throw error;
      throw new OutputError(`cannot write ${output}: ${error.message}`);
    }
    io.stderr.write(`Wrote ${escapeControl(output)}: ${summaryLine(result)}\n`);
  } else {
    for (const batch of batched(report)) io.stdout.write(batch);
  }

  if (result.errors.length > 0) {
    if (format === "json" || output) io.stderr.write(`kata-readiness: ${result.errors.length} input error(s); see "errors" in the report\n`);
    return EXIT.inputErrors;
  }
  if (failOn !== "none" && failsGate(result, failOn)) {
    io.stderr.write(`kata-readiness: findings at or above "${failOn}" (--fail-on ${failOn})\n`);
    return EXIT.gateFailed;
  }
  return EXIT.ok;
}
