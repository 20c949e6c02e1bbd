import { isAbsolute, relative } from "node:path";
import packageJson from "../../package.json";
import { SEVERITIES } from "../domain";
import { CSV_KINDS } from "../export/csv";
import { exportEncoder } from "../export/formats";
import { htmlReportChunks } from "../export/report-html";
import { reportModelFromScan } from "../export/report-model";
import { jsonFrame } from "../export/json";
import { encode, exportWorkloads, summarize, type ExportMeta, type ExportWorkload } from "../export/model";
import { sourceUri } from "../export/sarif";
import { escapeControl } from "../export/terminal";
import { formatErrorLocation } from "../format";
import { summaryLine, textReportChunks } from "../export/text";
import type { InputSource } from "../inventory/types";
import { lineFinder, MAX_LINE_LOOKUP_BYTES, type LineFinder } from "../remediation/source-lines";
import type { Severity } from "../rules/types";
import { scan, summarizeWorkloads, type ScanResult } from "../scan";
import { assessWorkload, reachesSeverity } from "../scoring/assess";
import { DEFAULT_PROFILE_ID, findProfile, PROFILES } from "../scoring/profiles";
import { waiversFor, type Waiver } from "../scoring/waivers";
import { parseCommandArgs, pickChoice, SCAN_FORMATS } from "./args";
import { EXIT, UsageError } from "./errors";
import { SCAN_HELP } from "./help";
import { collectInputs } from "./inputs";
import { shouldColor, type CliIo } from "./io";
import { writeReport } from "./output";
import { loadWaivers } from "./waivers";

const FAIL_ON = [...SEVERITIES, "none"] as const;

/** Does any workload or inventory finding reach the `--fail-on` level? */
export function failsGate(result: ScanResult, threshold: Severity): boolean {
  return (
    result.workloads.some((workload) => reachesSeverity(workload.findings, threshold)) ||
    reachesSeverity(result.inventoryFindings, threshold)
  );
}

/**
 * The result as the text report and the gate see it: waived findings dropped, score, readiness and
 * summary recomputed. (The export formats keep waived findings, marked as waived.)
 */
export function withoutWaived(result: ScanResult, waivers: readonly Waiver[], now: Date): ScanResult {
  if (waivers.length === 0) return result;
  const workloads = result.workloads.map((w) => {
    const used = waiversFor({ identity: w.id, cluster: result.cluster, namespace: w.namespace, team: w.team }, waivers, now);
    if (used.size === 0) return w;
    const findings = w.findings.filter((f) => !used.has(f.ruleId));
    const { score, readiness, migrated, breakdown, counts } = assessWorkload(w.findings, new Set(used.keys()));
    return { ...w, findings, score, readiness, migrated, breakdown, counts };
  });
  return { ...result, workloads, summary: summarizeWorkloads(workloads) };
}

/** Field lines for SARIF from the scanned files, one file parsed at a time (workloads come in file order). */
function fieldLines(files: readonly InputSource[], summaries: ScanResult["files"]): (w: ExportWorkload, path: string) => number | null {
  const byName = new Map(files.map((file) => [file.name, file]));
  // Sizes as read by the scan: a large file is not loaded again at all.
  const small = new Set(summaries.filter((f) => f.bytes <= MAX_LINE_LOOKUP_BYTES).map((f) => f.source));
  let cached: { name: string; find: LineFinder | null } | null = null;
  return (w, path) => {
    if (cached?.name !== w.source) {
      const file = small.has(w.source) ? byName.get(w.source) : undefined;
      let find: LineFinder | null = null;
      try {
        const content = file ? ("content" in file ? file.content : file.load()) : null;
        const text = typeof content === "string" ? content : content ? Buffer.from(content).toString("utf8") : null;
        if (text !== null && text.length <= MAX_LINE_LOOKUP_BYTES) find = lineFinder(text);
      } catch {
        find = null;
      }
      cached = { name: w.source, find };
    }
    return cached.find ? cached.find(w.line, path) : w.line;
  };
}

export async function runScan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("scan", args, {
    format: { type: "string", short: "f" },
    target: { type: "string", short: "t" },
    cluster: { type: "string", short: "c" },
    "fail-on": { type: "string" },
    output: { type: "string", short: "o" },
    waivers: { type: "string" },
    csv: { type: "string" },
    "no-color": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return EXIT.ok;
  }
  const format = pickChoice("scan", "format", values.format, SCAN_FORMATS, "text");
  const csvKind = pickChoice("scan", "csv", values.csv, CSV_KINDS, "findings");
  if (values.csv !== undefined && format !== "csv") throw new UsageError("--csv applies to --format csv only", "scan");
  const failOn = pickChoice("scan", "fail-on", values["fail-on"], FAIL_ON, "none");
  const target = typeof values.target === "string" ? values.target : DEFAULT_PROFILE_ID;
  if (!findProfile(target)) {
    throw new UsageError(`unknown target "${target}"; one of: ${PROFILES.map((p) => p.id).join(", ")}`, "scan");
  }
  const cluster = typeof values.cluster === "string" ? values.cluster : undefined;
  if (cluster !== undefined && !/^[^/\s]+$/.test(cluster)) throw new UsageError("--cluster must be a name without '/' or spaces", "scan");
  if (positionals.length === 0) throw new UsageError("nothing to scan: give files, directories or - for stdin", "scan");

  const waivers = typeof values.waivers === "string" ? await loadWaivers(values.waivers, io) : [];
  const now = new Date();

  const inputs = await collectInputs(positionals, io);
  const scanned = scan(inputs.files, { target, cluster });
  const result: ScanResult = { ...scanned, errors: [...inputs.errors, ...scanned.errors] };
  const counted = withoutWaived(result, waivers, now);

  const output = typeof values.output === "string" ? values.output : undefined;
  const color = !output && !values["no-color"] && shouldColor(io.stdout, io.env);
  let report: Iterable<string>;
  if (format === "text") report = textReportChunks(counted, { color });
  else if (format === "html") report = htmlReportChunks(reportModelFromScan(result, { waivers, now }));
  else {
    const options = { waivers, now };
    const meta: ExportMeta = {
      toolVersion: packageJson.version,
      target: result.target,
      catalogVersion: result.catalogVersion,
      scoreFormula: result.scoreFormula,
      scope: `cluster ${result.cluster}`,
      summary: waivers.length > 0 ? summarize(exportWorkloads(result, options)) : result.summary,
    };
    const encoder = exportEncoder(format, meta, {
      csv: csvKind,
      jsonFrame: format === "json" ? jsonFrame(result, options) : undefined,
      sarif: {
        // Relative to the working directory (the repository root in CI), as code-scanning expects.
        uri: (source) => sourceUri(isAbsolute(source) ? relative(io.cwd, source) : source),
        line: fieldLines(inputs.files, result.files),
        inventoryFindings: result.inventoryFindings,
      },
      patches: { target: result.target },
    });
    report = encode(encoder, exportWorkloads(result, options));
  }
  await writeReport(io, output, report, () => summaryLine(counted));

  if (result.errors.length > 0) {
    if (format === "json" || (format === "text" && output))
      io.stderr.write(`kata-readiness: ${result.errors.length} input error(s); see "errors" in the report\n`);
    else if (format !== "text") {
      // Formats without a place for input errors: they go to standard error, one line each.
      for (const error of result.errors)
        io.stderr.write(`kata-readiness: ${escapeControl(`${formatErrorLocation(error)}: ${error.message}`)}\n`);
    }
    return EXIT.inputErrors;
  }
  if (failOn !== "none" && failsGate(counted, failOn)) {
    io.stderr.write(`kata-readiness: findings at or above "${failOn}" (--fail-on ${failOn})\n`);
    return EXIT.gateFailed;
  }
  return EXIT.ok;
}
