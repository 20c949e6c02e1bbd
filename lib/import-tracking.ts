// The progress-tracking side of an import, on the import worker's own SQLite connection and inside its
// write transaction: the series and its previous snapshot, the decisions in force (owners, waivers),
// and afterwards the pointers to the new current snapshot and the remediation items.
import type Database from "better-sqlite3";
import { DEFAULT_TEAM_LABEL_KEYS } from "./owners";
import type { PreviousSnapshot, TrackedScan, TrackingDecisions } from "./scoring/track";
import type { Waiver } from "./scoring/waivers";
import type { ScanResult } from "./scan";
import type { Severity } from "./rules/types";

export const TEAM_LABEL_KEYS_SETTING = "teamLabelKeys";

/** Dates as Prisma's SQLite adapter writes them. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export interface SeriesState {
  seriesId: number;
  previousUploadId: number | null;
}

export function upsertSeries(sqlite: Database.Database, clusterId: number, target: string, now: string): SeriesState {
  sqlite
    .prepare(`INSERT INTO "Series" ("clusterId", "target", "createdAt") VALUES (?, ?, ?) ON CONFLICT ("clusterId", "target") DO NOTHING`)
    .run(clusterId, target, now);
  const row = sqlite
    .prepare(`SELECT "id", "currentUploadId" FROM "Series" WHERE "clusterId" = ? AND "target" = ?`)
    .get(clusterId, target) as {
    id: number;
    currentUploadId: number | null;
  };
  return { seriesId: row.id, previousUploadId: row.currentUploadId };
}

function readLabelKeys(sqlite: Database.Database): readonly string[] {
  const row = sqlite.prepare(`SELECT "value" FROM "Setting" WHERE "key" = ?`).get(TEAM_LABEL_KEYS_SETTING) as { value: string } | undefined;
  if (!row) return DEFAULT_TEAM_LABEL_KEYS;
  try {
    const value: unknown = JSON.parse(row.value);
    return Array.isArray(value) && value.every((key) => typeof key === "string") ? value : DEFAULT_TEAM_LABEL_KEYS;
  } catch {
    return DEFAULT_TEAM_LABEL_KEYS;
  }
}

interface WaiverRow {
  id: number;
  ruleId: string;
  cluster: string | null;
  namespace: string | null;
  team: string | null;
  workload: string | null;
  reason: string;
  approver: string;
  expiresAt: string;
}

export function waiverFromRow(row: WaiverRow): Waiver {
  const scope: Waiver["scope"] = {};
  if (row.cluster !== null) scope.cluster = row.cluster;
  if (row.namespace !== null) scope.namespace = row.namespace;
  if (row.team !== null) scope.team = row.team;
  if (row.workload !== null) scope.workload = row.workload;
  return { id: String(row.id), ruleId: row.ruleId, scope, reason: row.reason, approver: row.approver, expiresAt: new Date(row.expiresAt) };
}

/** Requirements declared in the dashboard for a cluster's workloads, by identity (scan option `declared`). */
export function readDeclaredRequirements(sqlite: Database.Database, cluster: string): Map<string, string[]> {
  const rows = sqlite
    .prepare(
      `SELECT d."identity" AS identity, d."requirement" AS requirement FROM "DeclaredRequirement" d
       JOIN "Cluster" c ON c."id" = d."clusterId" WHERE c."name" = ? ORDER BY d."id"`,
    )
    .all(cluster) as { identity: string; requirement: string }[];
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.identity, [...(out.get(row.identity) ?? []), row.requirement]);
  return out;
}

export function readDecisions(sqlite: Database.Database, clusterId: number, cluster: string, now: Date): TrackingDecisions {
  const namespaceTeams = new Map(
    (
      sqlite.prepare(`SELECT "namespace", "team" FROM "NamespaceTeam" WHERE "clusterId" = ?`).all(clusterId) as {
        namespace: string;
        team: string;
      }[]
    ).map((row) => [row.namespace, row.team]),
  );
  const owners = new Map(
    (
      sqlite.prepare(`SELECT "identity", "team", "owner" FROM "WorkloadOwner" WHERE "clusterId" = ?`).all(clusterId) as {
        identity: string;
        team: string | null;
        owner: string | null;
      }[]
    ).map((row) => [row.identity, { team: row.team, owner: row.owner }]),
  );
  // Waivers of other clusters cannot match: leave them out early.
  const waivers = (
    sqlite
      .prepare(
        `SELECT "id", "ruleId", "cluster", "namespace", "team", "workload", "reason", "approver", "expiresAt" FROM "Waiver"
         WHERE "revokedAt" IS NULL AND ("cluster" IS NULL OR "cluster" = ?)`,
      )
      .all(cluster) as WaiverRow[]
  )
    .map(waiverFromRow)
    .filter((waiver) => waiver.expiresAt > now);
  return { teamLabelKeys: readLabelKeys(sqlite), namespaceTeams, owners, waivers };
}

export function readPreviousSnapshot(sqlite: Database.Database, uploadId: number): PreviousSnapshot | null {
  const upload = sqlite.prepare(`SELECT "catalogVersion" FROM "Upload" WHERE "id" = ?`).get(uploadId) as
    { catalogVersion: string } | undefined;
  if (!upload) return null;
  const identities = (sqlite.prepare(`SELECT "identity" FROM "Workload" WHERE "uploadId" = ?`).all(uploadId) as { identity: string }[]).map(
    (row) => row.identity,
  );
  const findings = sqlite
    .prepare(
      `SELECT w."identity" AS identity, f."fingerprint" AS fingerprint, f."ruleId" AS ruleId, f."severity" AS severity
       FROM "Finding" f JOIN "Workload" w ON w."id" = f."workloadId" WHERE f."uploadId" = ? AND f."fingerprint" <> ''`,
    )
    .all(uploadId) as { identity: string; fingerprint: string; ruleId: string; severity: Severity }[];
  return { catalogVersion: upload.catalogVersion, identities, findings };
}

export function readResolvedBefore(sqlite: Database.Database, clusterId: number): Set<string> {
  const rows = sqlite
    .prepare(`SELECT "fingerprint" FROM "RemediationItem" WHERE "clusterId" = ? AND "resolvedInUploadId" IS NOT NULL`)
    .all(clusterId) as { fingerprint: string }[];
  return new Set(rows.map((row) => row.fingerprint));
}

/** The new upload becomes its series' and its cluster's current snapshot. */
export function makeCurrent(sqlite: Database.Database, clusterId: number, seriesId: number, uploadId: number): void {
  sqlite.prepare(`UPDATE "Series" SET "currentUploadId" = ? WHERE "id" = ?`).run(uploadId, seriesId);
  sqlite.prepare(`UPDATE "Cluster" SET "currentSeriesId" = ? WHERE "id" = ?`).run(seriesId, clusterId);
}

const BATCH = 2000;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += BATCH) yield items.slice(start, start + BATCH);
}

/**
 * Every finding of the new snapshot has a remediation item (one per cluster and fingerprint). An item
 * whose finding came back after it was resolved reopens; one whose finding is gone from a workload
 * that is still there closes as fixed, verified by this upload. Automatic changes are in the history.
 */
export function writeRemediationItems(
  sqlite: Database.Database,
  input: { clusterId: number; uploadId: number; result: ScanResult; tracked: TrackedScan; now: string },
): void {
  const { clusterId, uploadId, result, tracked, now } = input;
  const actor = `upload #${uploadId}`;
  const seen = new Map<string, [string, string, string]>();
  result.workloads.forEach((workload, index) =>
    workload.findings.forEach((finding, findingIndex) => {
      const print = tracked.workloads[index].findings[findingIndex].fingerprint;
      if (!seen.has(print)) seen.set(print, [workload.id, finding.ruleId, print]);
    }),
  );
  const rows = [...seen.values()];

  const audit = sqlite.prepare(
    `INSERT INTO "AuditEvent" ("at", "actor", "action", "clusterId", "identity", "fingerprint", "ruleId", "entity", "entityId", "field", "fromValue", "toValue")
     VALUES (?, ?, ?, ?, ?, ?, ?, 'remediation-item', ?, 'status', ?, ?)`,
  );
  const findItem = sqlite.prepare(`SELECT "id", "status" FROM "RemediationItem" WHERE "clusterId" = ? AND "fingerprint" = ?`);

  // Regressed: items closed as fixed whose finding is back.
  for (const print of tracked.diff.changes.keys()) {
    if (tracked.diff.changes.get(print) !== "regressed") continue;
    const item = findItem.get(clusterId, print) as { id: number; status: string } | undefined;
    if (item?.status === "fixed") {
      const [identity, ruleId] = seen.get(print) ?? [null, null];
      audit.run(now, actor, "reopened: the finding is back", clusterId, identity, print, ruleId, item.id, "fixed", "open");
    }
  }

  const upsert = sqlite.prepare(
    `INSERT INTO "RemediationItem" ("clusterId", "identity", "ruleId", "fingerprint", "firstSeenUploadId", "lastSeenUploadId", "createdAt", "updatedAt")
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, ?, ?, ?, ? FROM json_each(?) WHERE true
     ON CONFLICT ("clusterId", "fingerprint") DO UPDATE SET
       "lastSeenUploadId" = excluded."lastSeenUploadId",
       "resolvedInUploadId" = NULL,
       "status" = CASE WHEN "RemediationItem"."status" = 'fixed' THEN 'open' ELSE "RemediationItem"."status" END,
       "updatedAt" = CASE WHEN "RemediationItem"."status" = 'fixed' THEN excluded."updatedAt" ELSE "RemediationItem"."updatedAt" END`,
  );
  for (const batch of batches(rows)) upsert.run(clusterId, uploadId, uploadId, now, now, JSON.stringify(batch));

  const close = sqlite.prepare(
    `UPDATE "RemediationItem" SET "resolvedInUploadId" = ?, "updatedAt" = ?,
       "status" = CASE WHEN "status" IN ('open', 'in-progress') THEN 'fixed' ELSE "status" END
     WHERE "id" = ?`,
  );
  for (const finding of tracked.diff.resolved) {
    const item = findItem.get(clusterId, finding.fingerprint) as { id: number; status: string } | undefined;
    if (!item) continue;
    close.run(uploadId, now, item.id);
    if (item.status === "open" || item.status === "in-progress") {
      audit.run(
        now,
        actor,
        `fixed: verified by upload #${uploadId}`,
        clusterId,
        finding.identity,
        finding.fingerprint,
        finding.ruleId,
        item.id,
        item.status,
        "fixed",
      );
    }
  }
}
