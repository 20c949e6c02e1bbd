// Readiness and score of one workload from its findings (shared/spec/kata-rules.md, "Severity, readiness, score").
import { isMigrationFinding, type Readiness } from "../domain";
import type { Finding, RuleId, Severity } from "../rules/types";

export type { Readiness };

/** Stored with every score, so a later formula change never mixes with old scores. */
export const SCORE_FORMULA = "v1";
export const SCORE_FORMULA_TEXT = "max(0, 100 - 40 x distinct blocker rules - 10 x distinct warning rules)";

const PENALTY: Record<Severity, number> = { blocker: 40, warning: 10, info: 0 };
const RANK: Record<Severity, number> = { blocker: 2, warning: 1, info: 0 };

export interface ScoreBreakdownItem {
  ruleId: RuleId;
  /** The rule's highest severity in this workload. */
  severity: Exclude<Severity, "info">;
  /** Points taken off the score. */
  points: number;
  /** Findings of the rule in this workload (all containers). */
  findings: number;
}

/** Penalised rules, blockers first; what the UI shows as "score breakdown". */
export type ScoreBreakdown = ScoreBreakdownItem[];

export interface Assessment {
  score: number;
  readiness: Readiness;
  migrated: boolean;
  breakdown: ScoreBreakdown;
  /** Unwaived findings per severity. */
  counts: Record<Severity, number>;
}

const NO_WAIVERS: ReadonlySet<string> = new Set();

export function assessWorkload(findings: readonly Finding[], waivedRuleIds: ReadonlySet<string> = NO_WAIVERS): Assessment {
  // Most workloads of a scan have no finding at all.
  if (findings.length === 0) {
    return { score: 100, readiness: "ready", migrated: false, breakdown: [], counts: { blocker: 0, warning: 0, info: 0 } };
  }
  const highest = new Map<RuleId, { severity: Severity; findings: number }>();
  const counts: Record<Severity, number> = { blocker: 0, warning: 0, info: 0 };
  let migrated = false;
  for (const finding of findings) {
    if (isMigrationFinding(finding)) migrated = true;
    if (waivedRuleIds.has(finding.ruleId)) continue;
    counts[finding.severity]++;
    const seen = highest.get(finding.ruleId);
    if (!seen) highest.set(finding.ruleId, { severity: finding.severity, findings: 1 });
    else {
      seen.findings++;
      if (RANK[finding.severity] > RANK[seen.severity]) seen.severity = finding.severity;
    }
  }

  const breakdown: ScoreBreakdown = [];
  let penalty = 0;
  let blocked = false;
  for (const [ruleId, { severity, findings: count }] of highest) {
    if (severity === "info") continue;
    breakdown.push({ ruleId, severity, points: PENALTY[severity], findings: count });
    penalty += PENALTY[severity];
    if (severity === "blocker") blocked = true;
  }
  if (breakdown.length > 1) breakdown.sort(compareBreakdown);
  const readiness: Readiness = blocked ? "blocked" : breakdown.length > 0 ? "needs-changes" : "ready";
  return { score: Math.max(0, 100 - penalty), readiness, migrated, breakdown, counts };
}

function compareBreakdown(a: ScoreBreakdownItem, b: ScoreBreakdownItem): number {
  return b.points - a.points || a.ruleId.localeCompare(b.ruleId);
}

/** Does any finding reach `threshold` (for CI gates)? */
export function reachesSeverity(findings: readonly Pick<Finding, "severity">[], threshold: Severity): boolean {
  return findings.some((finding) => RANK[finding.severity] >= RANK[threshold]);
}

export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}
