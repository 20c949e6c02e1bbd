// Waivers: a rule accepted for a scope (workload, namespace, team or cluster) with a reason, an
// approver and an expiry. Shared by the CLI (`--waivers file`) and the dashboard, so a CI gate and
// the dashboard agree. Expiry is judged against a clock passed in: nothing runs on a schedule.
import { z } from "zod";

export interface WaiverScope {
  cluster?: string;
  namespace?: string;
  team?: string;
  /** Workload identity `cluster/namespace/Kind/name`. */
  workload?: string;
}

export interface Waiver {
  /** Stable id: the dashboard's row id, or `file.yaml#3` for the CLI. */
  id: string;
  ruleId: string;
  scope: WaiverScope;
  reason: string;
  approver: string;
  /** The waiver stops applying at this instant. */
  expiresAt: Date;
}

/** What a waiver is matched against. */
export interface WaiverTarget {
  identity: string;
  cluster: string;
  namespace: string | null;
  team: string | null;
}

export type WaiverScopeKind = "workload" | "namespace" | "team" | "cluster";

/** The narrowest field a scope names (what the UI calls its scope). */
export function scopeKind(scope: WaiverScope): WaiverScopeKind {
  if (scope.workload !== undefined) return "workload";
  if (scope.namespace !== undefined) return "namespace";
  if (scope.team !== undefined) return "team";
  return "cluster";
}

/** Every field the scope gives must match. */
export function scopeMatches(scope: WaiverScope, target: WaiverTarget): boolean {
  if (scope.workload !== undefined && scope.workload !== target.identity) return false;
  if (scope.cluster !== undefined && scope.cluster !== target.cluster) return false;
  if (scope.namespace !== undefined && scope.namespace !== (target.namespace ?? "")) return false;
  if (scope.team !== undefined && scope.team !== target.team) return false;
  return true;
}

export function isExpired(waiver: Pick<Waiver, "expiresAt">, now: Date): boolean {
  return waiver.expiresAt.getTime() <= now.getTime();
}

/**
 * The waivers in force for a target's rules: rule id -> the waiver used (the one expiring last, so
 * a report names the waiver that holds longest). Expired waivers never apply.
 */
export function waiversFor(target: WaiverTarget, waivers: readonly Waiver[], now: Date): Map<string, Waiver> {
  const used = new Map<string, Waiver>();
  for (const waiver of waivers) {
    if (isExpired(waiver, now) || !scopeMatches(waiver.scope, target)) continue;
    const held = used.get(waiver.ruleId);
    if (!held || held.expiresAt < waiver.expiresAt) used.set(waiver.ruleId, waiver);
  }
  return used;
}

// The file format (`kata-readiness scan --waivers waivers.yaml`), documented in the README.
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const nonEmpty = z.string().trim().min(1).max(1000);
const fileWaiverSchema = z
  .object({
    rule: z.string().trim().min(1).max(100),
    workload: z.string().min(1).max(600).optional(),
    cluster: z.string().min(1).max(253).optional(),
    namespace: z.string().min(1).max(253).optional(),
    team: z.string().min(1).max(253).optional(),
    reason: nonEmpty,
    approver: nonEmpty,
    // YAML readers turn a bare date into a Date; a string is an ISO date or date-time.
    expires: z.union([z.date(), z.string().trim().min(1)]),
  })
  .strict()
  .refine((w) => w.workload !== undefined || w.cluster !== undefined || w.namespace !== undefined || w.team !== undefined, {
    message: "give a scope: workload, namespace, team or cluster",
  });
export const waiverFileSchema = z.object({ waivers: z.array(fileWaiverSchema).max(100_000) }).strict();

/**
 * The expiry instant of a date as users write it: a bare date means "through that day" (UTC), so
 * `expires: 2027-01-31` still applies on the 31st.
 */
export function parseExpiry(value: Date | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : endOfUtcDayIfMidnight(value);
  if (dateOnly.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    // Date rolls 2027-02-30 over into March: a day that does not exist is a typo, not a date.
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return null;
    return new Date(day.getTime() + 24 * 3600 * 1000);
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function endOfUtcDayIfMidnight(date: Date): Date {
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  return midnight ? new Date(date.getTime() + 24 * 3600 * 1000) : date;
}

export type WaiverFileResult = { ok: true; waivers: Waiver[] } | { ok: false; errors: string[] };

/** Waivers from a parsed waiver file (`source` names the file in ids and errors). */
export function readWaiverFile(value: unknown, source: string): WaiverFileResult {
  const parsed = waiverFileSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${source}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`),
    };
  }
  const errors: string[] = [];
  const waivers: Waiver[] = [];
  parsed.data.waivers.forEach((entry, index) => {
    const expiresAt = parseExpiry(entry.expires);
    if (!expiresAt) {
      errors.push(`${source}: waivers.${index}.expires: not a date (write YYYY-MM-DD)`);
      return;
    }
    const scope: WaiverScope = {};
    for (const key of ["workload", "cluster", "namespace", "team"] as const) if (entry[key] !== undefined) scope[key] = entry[key];
    waivers.push({ id: `${source}#${index + 1}`, ruleId: entry.rule, scope, reason: entry.reason, approver: entry.approver, expiresAt });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, waivers };
}
