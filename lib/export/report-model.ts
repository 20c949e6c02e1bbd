// The readiness report (issue 10, "Reports"): one model, built from a scan (CLI) or from the database
// (lib/data/reports.ts), rendered to HTML by report-html.ts and printed to PDF from that HTML.
import { findRule } from "../rules/catalog";
import type { Remedy, Severity } from "../rules/types";
import type { ScanResult, ScannedWorkload } from "../scan";
import { MIGRATION_PATHS, migrationPath, type MigrationPath } from "../scoring/migration-path";
import { summarizeReadyToMove, type SizingSummary } from "../scoring/sizing";
import { isExpired, scopeKind, waiversFor, type Waiver } from "../scoring/waivers";

/** Blocked workloads listed in full in the document; the rest are counted ("and N more"). */
export const REPORT_BLOCKED_LIMIT = 200;
export const REPORT_TOP_RULES_LIMIT = 10;

export interface ReportScope {
  /** null: every cluster. */
  cluster: string | null;
  /** null: every team. */
  team: string | null;
}

export interface ReportCounts {
  workloads: number;
  ready: number;
  needsChanges: number;
  blocked: number;
  migrated: number;
}

export type PathCounts = Record<MigrationPath, number>;

export interface ReportGroup extends ReportCounts {
  /** The team or cluster; null: workloads without a team. */
  label: string | null;
  paths: PathCounts;
}

export interface ReportRule {
  ruleId: string;
  title: string;
  severity: Severity;
  remedy: Remedy | null;
  /** Distinct workloads the rule blocks. */
  workloads: number;
  /** Markdown, from the catalog. */
  remediation: string;
}

export interface ReportBlocker {
  ruleId: string;
  container: string | null;
  path: string;
  message: string;
  remedy: Remedy | null;
  /** Markdown: the first step of the rule's remediation. */
  fix: string;
}

export interface ReportBlockedWorkload {
  identity: string;
  cluster: string;
  namespace: string | null;
  kind: string;
  name: string;
  team: string | null;
  score: number;
  path: MigrationPath;
  blockers: ReportBlocker[];
}

export interface ReportTrendPoint {
  at: Date;
  workloads: number;
  ready: number;
  needsChanges: number;
  blocked: number;
}

export interface ReportTrend {
  cluster: string;
  /** Oldest first. */
  points: ReportTrendPoint[];
}

export interface ReportAcceptedRisk {
  ruleId: string;
  /** "workload shop/web", "team payments", ... */
  scope: string;
  reason: string;
  approver: string;
  expiresAt: Date;
  /** Workloads in the report with a finding of this rule inside the waiver's scope. */
  workloads: number;
}

/** The ready-to-move sizing; the database keeps no scheduler totals, so they are left out. */
export type ReportSizing = Omit<SizingSummary, "schedulerMemoryMiB" | "schedulerMilliCpu">;

export interface ReportModel {
  title: string;
  scope: ReportScope;
  generatedAt: Date;
  /** Target profiles of the snapshots in the report. */
  targets: string[];
  catalogVersion: string;
  counts: ReportCounts;
  /** Share of workloads that are ready, 0–100, rounded (the overview's definition). */
  readinessPercent: number;
  paths: PathCounts;
  /** Clusters with more than one snapshot. */
  trend: ReportTrend[];
  topBlockingRules: ReportRule[];
  teams: ReportGroup[];
  clusters: ReportGroup[];
  blocked: { workloads: ReportBlockedWorkload[]; total: number };
  /** Rendered only when given: the accepted risks (waivers) in force, with their expiry. */
  acceptedRisks?: ReportAcceptedRisk[];
  sizing: ReportSizing;
}

export function emptyPathCounts(): PathCounts {
  return Object.fromEntries(MIGRATION_PATHS.map((path) => [path, 0])) as PathCounts;
}

export function readinessPercent(counts: Pick<ReportCounts, "workloads" | "ready">): number {
  return counts.workloads === 0 ? 0 : Math.round((counts.ready / counts.workloads) * 100);
}

export function reportTitle(scope: ReportScope): string {
  if (scope.cluster && scope.team) return `Kata readiness: team ${scope.team} in cluster ${scope.cluster}`;
  if (scope.cluster) return `Kata readiness: cluster ${scope.cluster}`;
  if (scope.team) return `Kata readiness: team ${scope.team}`;
  return "Kata readiness: all clusters";
}

/** The rule's catalog text for a ranked rule (an id the catalog no longer has keeps its id as title). */
export function reportRule(ruleId: string, workloads: number): ReportRule {
  const rule = findRule(ruleId);
  return {
    ruleId,
    title: rule?.title ?? ruleId,
    severity: rule?.severity ?? "blocker",
    remedy: rule?.remedy ?? null,
    workloads,
    remediation: rule?.remediation ?? "",
  };
}

export function describeWaiverScope(waiver: Pick<Waiver, "scope">): string {
  const kind = scopeKind(waiver.scope);
  const { cluster, namespace, team, workload } = waiver.scope;
  const value =
    kind === "workload"
      ? workload
      : kind === "namespace"
        ? cluster
          ? `${cluster}/${namespace}`
          : namespace
        : kind === "team"
          ? team
          : cluster;
  return `${kind} ${value ?? ""}`.trim();
}

export interface ScanReportOptions {
  /** Keep only this team's workloads (the cluster is the scan's own). */
  team?: string | null;
  /** Waivers (e.g. from `--waivers`): the accepted-risks section lists those in force; waived rules do not count toward a migration path. */
  waivers?: readonly Waiver[];
  now?: Date;
  blockedLimit?: number;
}

/** The report of one scan (the CLI's `--format html`). */
export function reportModelFromScan(result: ScanResult, options: ScanReportOptions = {}): ReportModel {
  const now = options.now ?? new Date();
  const team = options.team ?? null;
  const workloads = team === null ? result.workloads : result.workloads.filter((w) => w.team === team);
  const waivers = options.waivers;

  const counts = countWorkloads(workloads);
  const paths = emptyPathCounts();
  const teams = new Map<string | null, ReportGroup>();
  const ruleWorkloads = new Map<string, number>();
  const blocked: ReportBlockedWorkload[] = [];
  const riskWorkloads = new Map<string, number>();
  let blockedTotal = 0;

  for (const workload of workloads) {
    const target = { identity: workload.id, cluster: result.cluster, namespace: workload.namespace, team: workload.team };
    const waived = waivers ? waiversFor(target, waivers, now) : new Map<string, Waiver>();
    const path = migrationPath(workload.findings, new Set(waived.keys()));
    paths[path]++;
    addToGroup(teams, workload.team, workload, path);
    for (const waiver of new Set(waived.values())) {
      if (workload.findings.some((f) => f.ruleId === waiver.ruleId)) riskWorkloads.set(waiver.id, (riskWorkloads.get(waiver.id) ?? 0) + 1);
    }

    const blockerRules = new Set(workload.findings.filter((f) => f.severity === "blocker").map((f) => f.ruleId));
    for (const ruleId of blockerRules) ruleWorkloads.set(ruleId, (ruleWorkloads.get(ruleId) ?? 0) + 1);
    if (workload.readiness !== "blocked") continue;
    blockedTotal++;
    if (blocked.length < (options.blockedLimit ?? REPORT_BLOCKED_LIMIT)) blocked.push(toBlockedWorkload(workload, result.cluster, path));
  }

  const topBlockingRules = [...ruleWorkloads]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, REPORT_TOP_RULES_LIMIT)
    .map(([ruleId, n]) => reportRule(ruleId, n));

  const { schedulerMemoryMiB: _memory, schedulerMilliCpu: _cpu, ...sizing } = summarizeReadyToMove(workloads);
  const scope = { cluster: result.cluster, team };
  return {
    title: reportTitle(scope),
    scope,
    generatedAt: now,
    targets: [result.target],
    catalogVersion: result.catalogVersion,
    counts,
    readinessPercent: readinessPercent(counts),
    paths,
    trend: [],
    topBlockingRules,
    teams: sortGroups([...teams.values()]),
    clusters: [{ label: result.cluster, ...counts, paths: { ...paths } }],
    blocked: { workloads: blocked, total: blockedTotal },
    acceptedRisks: waivers
      ?.filter((waiver) => !isExpired(waiver, now))
      .map((waiver) => ({
        ruleId: waiver.ruleId,
        scope: describeWaiverScope(waiver),
        reason: waiver.reason,
        approver: waiver.approver,
        expiresAt: waiver.expiresAt,
        workloads: riskWorkloads.get(waiver.id) ?? 0,
      }))
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.ruleId.localeCompare(b.ruleId)),
    sizing,
  };
}

function countWorkloads(workloads: readonly ScannedWorkload[]): ReportCounts {
  const counts: ReportCounts = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  for (const workload of workloads) addCounts(counts, workload.readiness, workload.migrated, 1);
  return counts;
}

export function addCounts(counts: ReportCounts, readiness: string, migrated: boolean, n: number): void {
  counts.workloads += n;
  if (readiness === "ready") counts.ready += n;
  else if (readiness === "needs-changes") counts.needsChanges += n;
  else if (readiness === "blocked") counts.blocked += n;
  if (migrated) counts.migrated += n;
}

function addToGroup(groups: Map<string | null, ReportGroup>, label: string | null, workload: ScannedWorkload, path: MigrationPath): void {
  const group = groups.get(label) ?? { label, workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0, paths: emptyPathCounts() };
  addCounts(group, workload.readiness, workload.migrated, 1);
  group.paths[path]++;
  groups.set(label, group);
}

/** Largest first; the no-team group last. */
export function sortGroups(groups: ReportGroup[]): ReportGroup[] {
  return groups.sort((a, b) => {
    if ((a.label === null) !== (b.label === null)) return a.label === null ? 1 : -1;
    return b.workloads - a.workloads || (a.label ?? "").localeCompare(b.label ?? "");
  });
}

function toBlockedWorkload(workload: ScannedWorkload, cluster: string, path: MigrationPath): ReportBlockedWorkload {
  return {
    identity: workload.id,
    cluster,
    namespace: workload.namespace,
    kind: workload.kind,
    name: workload.name,
    team: workload.team,
    score: workload.score,
    path,
    blockers: workload.findings.filter((f) => f.severity === "blocker").map((f) => toBlocker(f)),
  };
}

export function toBlocker(finding: Omit<ReportBlocker, "fix">): ReportBlocker {
  return { ...finding, fix: suggestedFix(finding.ruleId) };
}

const fixCache = new Map<string, string>();

/** The first step of a rule's remediation: its first list item or paragraph, as markdown. */
export function suggestedFix(ruleId: string): string {
  const cached = fixCache.get(ruleId);
  if (cached !== undefined) return cached;
  const lines = (findRule(ruleId)?.remediation ?? "").split("\n");
  const start = lines.findIndex((line) => line.trim() !== "");
  const taken: string[] = [];
  for (let i = Math.max(start, 0); start >= 0 && i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || line.trimStart().startsWith("```") || (i > start && LIST_ITEM.test(line))) break;
    taken.push(line.replace(LIST_ITEM, "").trim());
  }
  // "Remove it and publish the ports:" introduces a code block the short form leaves out.
  const fix = taken.join(" ").replace(/:$/, ".");
  fixCache.set(ruleId, fix);
  return fix;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
