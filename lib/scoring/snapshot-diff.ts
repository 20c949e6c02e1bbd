// What changed between two snapshots of one series (a cluster under one target profile): workloads
// added and removed, and per finding new / regressed / unchanged / new rule, plus the resolved ones.
// Findings are matched by fingerprint (lib/rules/fingerprint.ts), so reordering a manifest changes nothing.
import type { Severity } from "../rules/types";

export interface DiffFinding {
  identity: string;
  fingerprint: string;
  ruleId: string;
  severity: Severity;
}

export const FINDING_CHANGES = ["new", "regressed", "new-rule", "unchanged"] as const;
export type FindingChange = (typeof FINDING_CHANGES)[number];

export interface SnapshotDiffInput {
  previousWorkloads: Iterable<string>;
  currentWorkloads: Iterable<string>;
  previousFindings: readonly DiffFinding[];
  currentFindings: readonly DiffFinding[];
  /** Fingerprints seen in an earlier snapshot of the series but not in the previous one: resolved once. */
  resolvedBefore?: ReadonlySet<string>;
  /** Rules the previous snapshot's catalog did not have: their findings are "new rule", not "new". */
  isNewRule?: (ruleId: string) => boolean;
}

export interface SnapshotDiff {
  newWorkloads: string[];
  removedWorkloads: string[];
  /** Change of each current finding, by fingerprint. */
  changes: Map<string, FindingChange>;
  /** Findings of the previous snapshot gone from a workload that is still there. */
  resolved: DiffFinding[];
  counts: Record<FindingChange | "resolved", number>;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, blocker: 2 };

export function diffSnapshots(input: SnapshotDiffInput): SnapshotDiff {
  const previousWorkloads = new Set(input.previousWorkloads);
  const currentWorkloads = new Set(input.currentWorkloads);
  const previous = new Map<string, DiffFinding>();
  for (const finding of input.previousFindings) previous.set(finding.fingerprint, finding);
  const resolvedBefore = input.resolvedBefore ?? new Set<string>();
  const isNewRule = input.isNewRule ?? (() => false);

  const counts: SnapshotDiff["counts"] = { new: 0, regressed: 0, "new-rule": 0, unchanged: 0, resolved: 0 };
  const changes = new Map<string, FindingChange>();
  const current = new Set<string>();
  for (const finding of input.currentFindings) {
    current.add(finding.fingerprint);
    const before = previous.get(finding.fingerprint);
    let change: FindingChange;
    if (before) change = RANK[finding.severity] > RANK[before.severity] ? "regressed" : "unchanged";
    else if (resolvedBefore.has(finding.fingerprint)) change = "regressed";
    // A workload seen before that now trips a rule its old catalog did not have did not get worse.
    else if (previousWorkloads.has(finding.identity) && isNewRule(finding.ruleId)) change = "new-rule";
    else change = "new";
    changes.set(finding.fingerprint, change);
    counts[change]++;
  }

  const resolved: DiffFinding[] = [];
  for (const finding of previous.values()) {
    if (current.has(finding.fingerprint) || !currentWorkloads.has(finding.identity)) continue;
    resolved.push(finding);
  }
  counts.resolved = resolved.length;

  return {
    newWorkloads: [...currentWorkloads].filter((id) => !previousWorkloads.has(id)),
    removedWorkloads: [...previousWorkloads].filter((id) => !currentWorkloads.has(id)),
    changes,
    resolved,
    counts,
  };
}
