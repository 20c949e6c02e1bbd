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

export function toJsonReport(result: ScanResult): JsonReport {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    catalogVersion: result.catalogVersion,
    scoreFormula: result.scoreFormula,
    target: result.target,
    cluster: result.cluster,
    summary: { ...result.summary },
    workloads: result.workloads.map((w) => ({
      id: w.id,
      source: w.source,
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
    })),
    inventoryFindings: result.inventoryFindings.map(toJsonInventoryFinding),
    errors: result.errors.map(toJsonError),
  };
}

export function formatJsonReport(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
