// The row model every export format reads: one workload with its findings, fingerprints, waivers,
// migration path and the people-side decisions (status, assignee, due, owner). The CLI builds it
// from a ScanResult (decisions unknown: null); the dashboard builds it from stored rows page by
// page and passes its own decisions. Formats take an iterable of these, never a whole report.
import type { Workload } from "../inventory/types";
import { fingerprint } from "../rules/fingerprint";
import type { Finding } from "../rules/types";
import type { ScannedWorkload, ScanResult, ScanSummary } from "../scan";
import { assessWorkload, type Readiness } from "../scoring/assess";
import { migrationPath, type MigrationPath } from "../scoring/migration-path";
import type { Sizing } from "../scoring/sizing";
import { waiversFor, type Waiver } from "../scoring/waivers";

export interface ExportWaiver {
  id: string;
  reason: string;
  approver: string;
  /** ISO instant the waiver stops applying. */
  expiresAt: string;
}

/** Decisions people took on a finding (issue 9's tracking); null where unknown. */
export interface FindingDecision {
  status: string | null;
  assignee: string | null;
  /** ISO date. */
  due: string | null;
}

export interface ExportFinding extends Pick<Finding, "ruleId" | "severity" | "remedy" | "container" | "path" | "message">, FindingDecision {
  fingerprint: string;
  /** The waiver in force for this finding's rule, or null: a waived finding counts for nothing. */
  waiver: ExportWaiver | null;
}

export interface ExportWorkload {
  /** Identity `cluster/namespace/Kind/name`. */
  id: string;
  cluster: string;
  platform: string;
  kind: string;
  namespace: string | null;
  name: string;
  team: string | null;
  owner: string | null;
  source: string;
  sources: string[];
  /** 1-based line where the object starts in `source`, when the parser knows it. */
  line: number | null;
  score: number;
  readiness: Readiness;
  migrationPath: MigrationPath;
  migrated: boolean;
  findings: ExportFinding[];
  sizing: Sizing | null;
  /** The normalised workload (patches read its object); null when unreadable. Not exported as such. */
  spec: Workload | null;
}

export interface ExportMeta {
  toolVersion: string;
  target: string;
  catalogVersion: string;
  scoreFormula: string;
  /** What was exported, for titles: a cluster name, "filtered workloads", ... */
  scope: string;
  /** Totals of the exported workloads when known up front (JUnit writes them on its root element). */
  summary?: ScanSummary;
}

export interface Decisions {
  /** Owner of a workload by identity. */
  owner?(identity: string): string | null | undefined;
  /** Decision on a finding by fingerprint. */
  finding?(fingerprint: string): FindingDecision | null | undefined;
}

export interface ExportOptions {
  cluster: string;
  waivers?: readonly Waiver[];
  /** The clock waivers expire against. */
  now?: Date;
  decisions?: Decisions;
}

const NO_DECISION: FindingDecision = { status: null, assignee: null, due: null };

function toExportWaiver(waiver: Waiver): ExportWaiver {
  return { id: waiver.id, reason: waiver.reason, approver: waiver.approver, expiresAt: waiver.expiresAt.toISOString() };
}

export interface WorkloadFacts {
  id: string;
  cluster: string;
  platform: string;
  kind: string;
  namespace: string | null;
  name: string;
  team: string | null;
  source: string;
  sources: string[];
  migrated: boolean;
  sizing: Sizing | null;
  /** The normalised workload (for fingerprints); null when unreadable. */
  workload: Workload | null;
  findings: readonly Finding[];
}

/**
 * One workload as exports see it: waivers applied (score, readiness and path from the unwaived
 * findings), fingerprints computed, decisions attached.
 */
export function toExportWorkload(facts: WorkloadFacts, options: Omit<ExportOptions, "cluster">): ExportWorkload {
  const used = options.waivers?.length
    ? waiversFor(
        { identity: facts.id, cluster: facts.cluster, namespace: facts.namespace, team: facts.team },
        options.waivers,
        options.now ?? new Date(),
      )
    : undefined;
  const waived = used ? new Set(used.keys()) : undefined;
  const assessment = assessWorkload(facts.findings, waived);
  const findings = facts.findings.map((finding): ExportFinding => {
    const print = facts.workload ? fingerprint(facts.workload, finding) : "";
    const waiver = used?.get(finding.ruleId);
    const { ruleId, severity, remedy, container, path, message } = finding;
    return {
      ruleId,
      severity,
      remedy,
      container,
      path,
      message,
      fingerprint: print,
      waiver: waiver ? toExportWaiver(waiver) : null,
      ...(options.decisions?.finding?.(print) ?? NO_DECISION),
    };
  });
  return {
    id: facts.id,
    cluster: facts.cluster,
    platform: facts.platform,
    kind: facts.kind,
    namespace: facts.namespace,
    name: facts.name,
    team: facts.team,
    owner: options.decisions?.owner?.(facts.id) ?? null,
    source: facts.source,
    sources: facts.sources,
    line: facts.workload?.source.line ?? null,
    score: assessment.score,
    readiness: assessment.readiness,
    migrationPath: migrationPath(facts.findings, waived),
    migrated: facts.migrated,
    findings,
    sizing: facts.sizing,
    spec: facts.workload,
  };
}

export function scannedFacts(workload: ScannedWorkload, cluster: string): WorkloadFacts {
  return { ...workload, cluster, workload: workload.workload };
}

/** The scan's workloads as export rows, one at a time. */
export function* exportWorkloads(result: ScanResult, options: Omit<ExportOptions, "cluster"> = {}): Generator<ExportWorkload> {
  for (const workload of result.workloads) yield toExportWorkload(scannedFacts(workload, result.cluster), options);
}

export function summarize(workloads: Iterable<Pick<ExportWorkload, "readiness" | "migrated">>): ScanSummary {
  const summary: ScanSummary = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  for (const w of workloads) {
    summary.workloads++;
    if (w.readiness === "ready") summary.ready++;
    else if (w.readiness === "needs-changes") summary.needsChanges++;
    else summary.blocked++;
    if (w.migrated) summary.migrated++;
  }
  return summary;
}

export function isCounted(finding: Pick<ExportFinding, "waiver">): boolean {
  return finding.waiver === null;
}

/** A format: text before the rows, per workload, and after them. Drivers below run it. */
export interface Encoder {
  start(): string;
  workload(workload: ExportWorkload): string;
  end(): string;
}

export function* encode(encoder: Encoder, workloads: Iterable<ExportWorkload>): Generator<string> {
  yield encoder.start();
  for (const workload of workloads) {
    const chunk = encoder.workload(workload);
    if (chunk) yield chunk;
  }
  yield encoder.end();
}

export async function* encodeAsync(encoder: Encoder, workloads: AsyncIterable<ExportWorkload>): AsyncGenerator<string> {
  yield encoder.start();
  for await (const workload of workloads) {
    const chunk = encoder.workload(workload);
    if (chunk) yield chunk;
  }
  yield encoder.end();
}
