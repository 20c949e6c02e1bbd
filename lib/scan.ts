// The whole pure pipeline: parse -> rules -> score -> size. Shared by the CLI and the web import.
import type { FileSummary, InputError, InputSource, InventoryContext, Platform, Workload } from "./inventory/types";
import { InternalError } from "./internal-error";
import { parseInventory } from "./inventory/parse";
import { CATALOG_VERSION } from "./rules/catalog";
import { checkInventory, checkWorkload } from "./rules/engine";
import { dashboardDeclaredFindings } from "./rules/declared";
import type { Finding, InventoryFinding, Severity } from "./rules/types";
import { assessWorkload, SCORE_FORMULA, type Readiness, type ScoreBreakdown } from "./scoring/assess";
import { getProfile, type ProfileId, type TargetProfile } from "./scoring/profiles";
import { estimateSizing, type Sizing } from "./scoring/sizing";

export interface ScanOptions {
  target?: ProfileId | string;
  /** Cluster part of workload ids (default "local"). */
  cluster?: string;
  /** Requirements declared in the dashboard, by workload id: they become findings like the annotation's. */
  declared?: ReadonlyMap<string, readonly string[]>;
}

export interface ScannedWorkload {
  id: string;
  platform: Platform;
  kind: string;
  namespace: string | null;
  name: string;
  source: string;
  /** Every file that defines the workload, `source` first. */
  sources: string[];
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
  /** The non-workload facts the rules read (stored with an upload so it can be re-scored). */
  inventory: InventoryContext;
  files: FileSummary[];
  errors: InputError[];
}

export const DEFAULT_CLUSTER = "local";

/**
 * Parses, checks, scores and sizes the inputs. Input problems are listed under `errors`; a defect
 * of the engine (a rule or the parser throwing) is thrown as an `InternalError`, whose `cause` holds
 * the original error and stack.
 */
export function scan(files: readonly InputSource[], options: ScanOptions = {}): ScanResult {
  // An unknown target is the caller's mistake (the CLI and the upload form check it first).
  const profile = getProfile(options.target);
  try {
    return scanWith(profile, files, options);
  } catch (error) {
    throw InternalError.from(error, "scanning");
  }
}

function scanWith(profile: TargetProfile, files: readonly InputSource[], options: ScanOptions): ScanResult {
  const cluster = options.cluster ?? DEFAULT_CLUSTER;
  const parsed = parseInventory(files, { cluster });
  const context = { profile, inventory: parsed.context };

  const workloads = parsed.workloads.map((workload) =>
    assembleScannedWorkload(
      workload,
      withDashboardDeclared(checkWorkload(workload, context), options.declared?.get(workload.id)),
      profile,
      parsed.context,
    ),
  );

  return {
    catalogVersion: CATALOG_VERSION,
    scoreFormula: SCORE_FORMULA,
    target: profile.id,
    cluster,
    summary: summarizeWorkloads(workloads),
    workloads,
    inventoryFindings: checkInventory(context, parsed.workloads),
    inventory: parsed.context,
    files: parsed.files,
    errors: parsed.errors,
  };
}

/** A workload's findings plus the requirements declared for it in the dashboard. */
export function withDashboardDeclared(findings: Finding[], items: readonly string[] | undefined): Finding[] {
  const extra = dashboardDeclaredFindings(findings, items);
  return extra.length === 0 ? findings : [...findings, ...extra];
}

/** One workload's assessment and sizing from its findings (also used to build results in tests). */
export function assembleScannedWorkload(
  workload: Workload,
  findings: Finding[],
  profile: TargetProfile,
  inventory: InventoryContext,
): ScannedWorkload {
  const assessment = assessWorkload(findings);
  return {
    id: workload.id,
    platform: workload.platform,
    kind: workload.kind,
    namespace: workload.namespace,
    name: workload.name,
    source: workload.source.file,
    sources: workload.sources,
    team: workload.team,
    score: assessment.score,
    readiness: assessment.readiness,
    migrated: assessment.migrated,
    breakdown: assessment.breakdown,
    counts: assessment.counts,
    findings,
    sizing: estimateSizing(workload, profile, inventory),
    workload,
  };
}

export function summarizeWorkloads(workloads: readonly ScannedWorkload[]): ScanSummary {
  const summary: ScanSummary = { workloads: workloads.length, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  for (const workload of workloads) {
    if (workload.readiness === "ready") summary.ready++;
    else if (workload.readiness === "needs-changes") summary.needsChanges++;
    else summary.blocked++;
    if (workload.migrated) summary.migrated++;
  }
  return summary;
}
