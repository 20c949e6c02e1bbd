// A workload's figures with the waivers in force and without any: the one place that turns findings,
// waivers and the clock into score, readiness and migration path. Used when an upload is stored and
// when waivers change or expire (lib/data/tracking.ts), so both always agree.
import type { Finding } from "../rules/types";
import { assessWorkload, type Readiness, type ScoreBreakdown } from "./assess";
import { migrationPath, type MigrationPath } from "./migration-path";
import { waiversFor, type Waiver, type WaiverTarget } from "./waivers";

export interface Figures {
  score: number;
  readiness: Readiness;
  migrationPath: MigrationPath;
}

export interface EffectiveFigures extends Figures {
  /** Without any waiver ("scores without waivers"). */
  raw: Figures;
  breakdown: ScoreBreakdown;
  /** Rule id -> the waiver used for it. */
  waived: Map<string, Waiver>;
  /** The earliest expiry among the waivers used: the figures must be evaluated again from then on. */
  checkAt: Date | null;
}

const NONE: ReadonlySet<string> = new Set();

export function effectiveFigures(
  findings: readonly (Pick<Finding, "severity" | "remedy"> & { ruleId: string })[],
  target: WaiverTarget,
  waivers: readonly Waiver[],
  now: Date,
): EffectiveFigures {
  const rawAssessment = assessWorkload(findings as Finding[]);
  const raw: Figures = { score: rawAssessment.score, readiness: rawAssessment.readiness, migrationPath: migrationPath(findings) };
  const inForce = waivers.length > 0 && findings.length > 0 ? waiversFor(target, waivers, now) : new Map<string, Waiver>();
  // Only waivers of rules this workload has count as used.
  const waived = new Map<string, Waiver>();
  for (const finding of findings) {
    const waiver = inForce.get(finding.ruleId);
    if (waiver) waived.set(finding.ruleId, waiver);
  }
  if (waived.size === 0) return { ...raw, raw, breakdown: rawAssessment.breakdown, waived, checkAt: null };

  const ids: ReadonlySet<string> = waived.size > 0 ? new Set(waived.keys()) : NONE;
  const assessment = assessWorkload(findings as Finding[], ids);
  let checkAt: Date | null = null;
  for (const waiver of waived.values()) if (!checkAt || waiver.expiresAt < checkAt) checkAt = waiver.expiresAt;
  return {
    score: assessment.score,
    readiness: assessment.readiness,
    migrationPath: migrationPath(findings, ids),
    raw,
    breakdown: assessment.breakdown,
    waived,
    checkAt,
  };
}
