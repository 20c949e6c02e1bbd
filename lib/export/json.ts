// The machine-readable report (shared/spec/kata-rules.md, "Machine-readable output"). Public:
// CI scripts parse it, so fields are only ever added, and `schemaVersion` changes on a break.
// Added without a break: `migrationPath` and `owner` per workload; `fingerprint`, `waiver`,
// `status`, `assignee` and `due` per finding (decisions are null where unknown, as in the CLI).
import type { InputError } from "../inventory/types";
import type { Finding, InventoryFinding } from "../rules/types";
import type { ScanResult, ScanSummary } from "../scan";
import type { Readiness } from "../scoring/assess";
import type { MigrationPath } from "../scoring/migration-path";
import type { Sizing } from "../scoring/sizing";
import type { Waiver } from "../scoring/waivers";
import { encode, exportWorkloads, summarize, type Encoder, type ExportFinding, type ExportWorkload } from "./model";

export const JSON_SCHEMA_VERSION = 1;

export type JsonFinding = Pick<Finding, "ruleId" | "severity" | "remedy" | "container" | "path" | "message">;

export type JsonWorkloadFinding = JsonFinding & Pick<ExportFinding, "fingerprint" | "waiver" | "status" | "assignee" | "due">;

export interface JsonWorkload {
  id: string;
  source: string;
  /** Every file that defines it (catalog 1.1: more than one when the identity is duplicated). */
  sources: string[];
  platform: string;
  kind: string;
  namespace: string | null;
  name: string;
  team: string | null;
  owner: string | null;
  /** Score, readiness and migration path count unwaived findings only. */
  score: number;
  readiness: Readiness;
  migrationPath: MigrationPath;
  migrated: boolean;
  findings: JsonWorkloadFinding[];
  sizing: Sizing | null;
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  catalogVersion: string;
  scoreFormula: string;
  target: string;
  cluster: string;
  summary: ScanSummary;
  workloads: JsonWorkload[];
  inventoryFindings: (JsonFinding & { source: string })[];
  errors: InputError[];
}

export type JsonFrame = Omit<JsonReport, "workloads">;

export interface JsonReportOptions {
  waivers?: readonly Waiver[];
  now?: Date;
}

function toJsonFinding(finding: Finding): JsonFinding {
  const { ruleId, severity, remedy, container, path, message } = finding;
  return { ruleId, severity, remedy, container, path, message };
}

function toJsonInventoryFinding(finding: InventoryFinding): JsonFinding & { source: string } {
  return { ...toJsonFinding(finding), source: finding.source };
}

function toJsonError(error: InputError): InputError {
  const { source, line, column, message } = error;
  return { source, ...(line !== undefined && { line }), ...(column !== undefined && { column }), message };
}

export function toJsonWorkload(w: ExportWorkload): JsonWorkload {
  return {
    id: w.id,
    source: w.source,
    sources: [...w.sources],
    platform: w.platform,
    kind: w.kind,
    namespace: w.namespace,
    name: w.name,
    team: w.team,
    owner: w.owner,
    score: w.score,
    readiness: w.readiness,
    migrationPath: w.migrationPath,
    migrated: w.migrated,
    findings: w.findings.map(({ ruleId, severity, remedy, container, path, message, fingerprint, waiver, status, assignee, due }) => ({
      ruleId,
      severity,
      remedy,
      container,
      path,
      message,
      fingerprint,
      waiver,
      status,
      assignee,
      due,
    })),
    sizing: w.sizing ? { ...w.sizing } : null,
  };
}

/** The report's frame (everything but the workloads), with the summary counting waivers. */
export function jsonFrame(result: ScanResult, options: JsonReportOptions = {}): JsonFrame {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    catalogVersion: result.catalogVersion,
    scoreFormula: result.scoreFormula,
    target: result.target,
    cluster: result.cluster,
    summary: options.waivers?.length ? summarize(exportWorkloads(result, options)) : { ...result.summary },
    inventoryFindings: result.inventoryFindings.map(toJsonInventoryFinding),
    errors: result.errors.map(toJsonError),
  };
}

export function toJsonReport(result: ScanResult, options: JsonReportOptions = {}): JsonReport {
  const { inventoryFindings, errors, ...head } = jsonFrame(result, options);
  return { ...head, workloads: [...exportWorkloads(result, options)].map(toJsonWorkload), inventoryFindings, errors };
}

export function formatJsonReport(result: ScanResult, options: JsonReportOptions = {}): string {
  let text = "";
  for (const chunk of jsonReportChunks(result, options)) text += chunk;
  return text;
}

/**
 * The report as an encoder, one workload at a time: at 50k workloads the report is ~50 MB, and
 * building it as one value (plus its object copy) would double the peak memory. The frame's
 * `summary` must already describe the workloads that follow.
 */
export function jsonEncoder(frame: JsonFrame): Encoder {
  const { inventoryFindings, errors, ...head } = frame;
  // Stringify the frame with an empty list, then split it where the list goes: key order is kept.
  const text = JSON.stringify({ ...head, workloads: [], inventoryFindings, errors }, null, 2);
  const marker = '\n  "workloads": []';
  // The top-level key is the only one at this indentation: nested ones are indented deeper.
  const at = text.indexOf(marker);
  let count = 0;
  return {
    start: () => `${text.slice(0, at)}\n  "workloads": [`,
    workload(w) {
      // Items of a top-level array sit 4 spaces in.
      const item = JSON.stringify(toJsonWorkload(w), null, 2).replaceAll("\n", "\n    ");
      return `${count++ === 0 ? "" : ","}\n    ${item}`;
    },
    end: () => `${count === 0 ? "]" : "\n  ]"}${text.slice(at + marker.length)}\n`,
  };
}

export function jsonReportChunks(result: ScanResult, options: JsonReportOptions = {}): Generator<string> {
  return encode(jsonEncoder(jsonFrame(result, options)), exportWorkloads(result, options));
}
