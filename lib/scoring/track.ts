// What an upload means for progress tracking, computed from the scan and the decisions in force (pure):
// each workload's owner and figures with and without waivers, each finding's fingerprint, waiver and
// change against the previous snapshot of its series, and the diff's counts.
import { DEFAULT_TEAM_LABEL_KEYS, resolveTeam } from "../owners";
import { rulesNewerThan } from "../rules/catalog";
import { fingerprint } from "../rules/fingerprint";
import type { ScannedWorkload } from "../scan";
import { effectiveFigures, type Figures } from "./effective";
import { diffSnapshots, type DiffFinding, type FindingChange, type SnapshotDiff } from "./snapshot-diff";
import type { Waiver } from "./waivers";

export interface TrackingDecisions {
  teamLabelKeys?: readonly string[];
  /** namespace -> team, for this cluster. */
  namespaceTeams?: ReadonlyMap<string, string>;
  /** workload identity -> override, for this cluster. */
  owners?: ReadonlyMap<string, { team: string | null; owner: string | null }>;
  waivers?: readonly Waiver[];
}

export interface PreviousSnapshot {
  catalogVersion: string;
  identities: Iterable<string>;
  findings: readonly DiffFinding[];
}

export interface TrackedFinding {
  fingerprint: string;
  change: FindingChange;
  /** The waiver that accepts it, if any (Waiver.id). */
  waiverId: string | null;
}

export interface TrackedWorkload extends Figures {
  team: string | null;
  owner: string | null;
  raw: Figures;
  waiverCheckAt: Date | null;
  findings: TrackedFinding[];
}

export interface TrackedScan {
  workloads: TrackedWorkload[];
  diff: SnapshotDiff;
}

export function trackScan(
  cluster: string,
  workloads: readonly ScannedWorkload[],
  decisions: TrackingDecisions,
  previous: PreviousSnapshot | null,
  resolvedBefore: ReadonlySet<string>,
  now: Date,
): TrackedScan {
  const labelKeys = decisions.teamLabelKeys ?? DEFAULT_TEAM_LABEL_KEYS;
  const waivers = decisions.waivers ?? [];
  const prints: string[][] = [];
  const current: DiffFinding[] = [];
  const partial = workloads.map((scanned) => {
    const override = decisions.owners?.get(scanned.id);
    const namespaceTeam = scanned.namespace === null ? null : (decisions.namespaceTeams?.get(scanned.namespace) ?? null);
    const { team } = resolveTeam({ labels: scanned.workload.labels, labelKeys, namespaceTeam, override: override?.team });
    const figures = effectiveFigures(scanned.findings, { identity: scanned.id, cluster, namespace: scanned.namespace, team }, waivers, now);
    const workloadPrints = scanned.findings.map((finding) => fingerprint(scanned.workload, finding));
    prints.push(workloadPrints);
    scanned.findings.forEach((finding, index) =>
      current.push({ identity: scanned.id, fingerprint: workloadPrints[index], ruleId: finding.ruleId, severity: finding.severity }),
    );
    return { scanned, team, owner: override?.owner ?? null, figures };
  });

  const newRules = previous ? new Set<string>(rulesNewerThan(previous.catalogVersion).map((rule) => rule.id)) : new Set<string>();
  const diff = diffSnapshots({
    previousWorkloads: previous?.identities ?? [],
    currentWorkloads: workloads.map((w) => w.id),
    previousFindings: previous?.findings ?? [],
    currentFindings: current,
    resolvedBefore,
    isNewRule: (ruleId) => newRules.has(ruleId),
  });

  return {
    diff,
    workloads: partial.map(({ scanned, team, owner, figures }, index) => ({
      team,
      owner,
      score: figures.score,
      readiness: figures.readiness,
      migrationPath: figures.migrationPath,
      raw: figures.raw,
      waiverCheckAt: figures.checkAt,
      findings: scanned.findings.map((finding, findingIndex) => {
        const print = prints[index][findingIndex];
        return { fingerprint: print, change: diff.changes.get(print) ?? "new", waiverId: figures.waived.get(finding.ruleId)?.id ?? null };
      }),
    })),
  };
}
