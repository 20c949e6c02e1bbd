// The whole pure pipeline: parse -> rules -> score -> size. Shared by the CLI and the web import.
import type { FileSummary, InputError, InputSource, Platform, Workload } from "./inventory/types";
import { parseInventory } from "./inventory/parse";
import { CATALOG_VERSION } from "./rules/catalog";
import { checkInventory, checkWorkload } from "./rules/engine";
import type { Finding, InventoryFinding, Severity } from "./rules/types";
import { assessWorkload, SCORE_FORMULA, type Readiness, type ScoreBreakdown } from "./scoring/assess";
import { getProfile, type ProfileId } from "./scoring/profiles";
import { estimateSizing, type Sizing } from "./scoring/sizing";

export interface ScanOptions {
  target?: ProfileId | string;
  /** Cluster part of workload ids (default "local"). */
  cluster?: string;
}

export interface ScannedWorkload {
  id: string;
  platform: Platform;
  kind: string;
  namespace: string | null;
  name: string;
  source: string;
  team: string | null;
  score: number;
  readiness: Readiness;
  migrated: boolean;
  breakdown: ScoreBreakdown;
  /** Unwaived findings per severity. */
  counts: Record<Severity, number>;
  findings: Finding[];
  sizing: Sizing;
  workload: Workload;
}

export interface ScanSummary {
  workloads: number;
  ready: number;
  needsChanges: number;
  blocked: number;
  migrated: number;
}

export interface ScanResult {
  catalogVersion: string;
  scoreFormula: string;
  target: ProfileId;
  cluster: string;
  summary: ScanSummary;
  workloads: ScannedWorkload[];
  inventoryFindings: InventoryFinding[];
  files: FileSummary[];
  errors: InputError[];
}

export const DEFAULT_CLUSTER = "local";

export function scan(files: readonly InputSource[], options: ScanOptions = {}): ScanResult {
  const profile = getProfile(options.target);
  const cluster = options.cluster ?? DEFAULT_CLUSTER;
  const parsed = parseInventory(files, { cluster });
  const context = { profile, inventory: parsed.context };

  const summary: ScanSummary = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  const workloads = parsed.workloads.map((workload): ScannedWorkload => {
    const findings = checkWorkload(workload, context);
    const assessment = assessWorkload(findings);
    summary.workloads++;
    if (assessment.readiness === "ready") summary.ready++;
    else if (assessment.readiness === "needs-changes") summary.needsChanges++;
    else summary.blocked++;
    if (assessment.migrated) summary.migrated++;
    return {
      id: workload.id,
      platform: workload.platform,
      kind: workload.kind,
      namespace: workload.namespace,
      name: workload.name,
      source: workload.source.file,
      team: workload.team,
      score: assessment.score,
      readiness: assessment.readiness,
      migrated: assessment.migrated,
      breakdown: assessment.breakdown,
      counts: assessment.counts,
      findings,
      sizing: estimateSizing(workload, profile, parsed.context),
      workload,
    };
  });

  return {
    catalogVersion: CATALOG_VERSION,
    scoreFormula: SCORE_FORMULA,
    target: profile.id,
    cluster,
    summary,
    workloads,
    inventoryFindings: checkInventory(context),
    files: parsed.files,
    errors: parsed.errors,
  };
}
