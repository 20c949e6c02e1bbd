// The machine-readable report (shared/spec/kata-rules.md, "Machine-readable output"). Public:
// CI scripts parse it, so fields are only ever added, and `schemaVersion` changes on a break.
import type { InputError } from "../inventory/types";
import type { Finding, InventoryFinding } from "../rules/types";
import type { ScanResult, ScanSummary } from "../scan";
import type { Readiness } from "../scoring/assess";
import type { Sizing } from "../scoring/sizing";

export const JSON_SCHEMA_VERSION = 1;

export type JsonFinding = Pick<Finding, "ruleId" | "severity" | "remedy" | "container" | "path" | "message">;

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
  score: number;
  readiness: Readiness;
  migrated: boolean;
  findings: JsonFinding[];
  sizing: Sizing;
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

function toJsonWorkload(w: ScanResult["workloads"][number]): JsonWorkload {
  return {
    id: w.id,
    source: w.source,
    sources: [...w.sources],
    platform: w.platform,
    kind: w.kind,
    namespace: w.namespace,
    name: w.name,
    team: w.team,
    score: w.score,
    readiness: w.readiness,
    migrated: w.migrated,
    findings: w.findings.map(toJsonFinding),
    sizing: { ...w.sizing },
  };
}

export function toJsonReport(result: ScanResult): JsonReport {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    catalogVersion: result.catalogVersion,
    scoreFormula: result.scoreFormula,
    target: result.target,
    cluster: result.cluster,
    summary: { ...result.summary },
    workloads: result.workloads.map(toJsonWorkload),
    inventoryFindings: result.inventoryFindings.map(toJsonInventoryFinding),
    errors: result.errors.map(toJsonError),
  };
}

export function formatJsonReport(result: ScanResult): string {
  let text = "";
  for (const chunk of jsonReportChunks(result)) text += chunk;
  return text;
}

const EMPTY_WORKLOADS = '\n  "workloads": []';

/**
 * `formatJsonReport`'s text in pieces, one workload at a time: at 50k workloads the report is
 * ~50 MB, and building it as one value (plus its object copy) would double the CLI's peak memory.
 */
export function* jsonReportChunks(result: ScanResult): Generator<string> {
  const frame = JSON.stringify(toJsonReport({ ...result, workloads: [] }), null, 2);
  // The top-level key is the only one at this indentation: nested ones are indented deeper.
  const at = frame.indexOf(EMPTY_WORKLOADS);
  if (result.workloads.length === 0 || at === -1) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}\n  "workloads": [`;
  for (let i = 0; i < result.workloads.length; i++) {
    // Items of a top-level array sit 4 spaces in.
    const item = JSON.stringify(toJsonWorkload(result.workloads[i]), null, 2).replaceAll("\n", "\n    ");
    yield `${i === 0 ? "" : ","}\n    ${item}`;
  }
  yield `\n  ]${frame.slice(at + EMPTY_WORKLOADS.length)}\n`;
}
