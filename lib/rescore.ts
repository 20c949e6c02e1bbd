// Re-scores a stored upload under the running catalog: the rules run again over the normalised
// workloads stored at import (Workload.spec) and the upload's inventory context, and the upload's
// findings, scores and counts are rewritten in one transaction. A failure changes nothing.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emptyContext } from "@/lib/inventory/parse";
import type { InventoryContext, Workload } from "@/lib/inventory/types";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { checkInventory, checkWorkload } from "@/lib/rules/engine";
import { assembleScannedWorkload, summarizeWorkloads, withDashboardDeclared, type ScanSummary } from "@/lib/scan";
import { DEFAULT_TEAM_LABEL_KEYS } from "@/lib/owners";
import type { Severity } from "@/lib/rules/types";
import { SCORE_FORMULA } from "@/lib/scoring/assess";
import { findProfile } from "@/lib/scoring/profiles";
import { trackScan, type PreviousSnapshot, type TrackingDecisions } from "@/lib/scoring/track";
import { sqliteDate, TEAM_LABEL_KEYS_SETTING, waiverFromRow } from "@/lib/import-tracking";
import { readInventoryContext, readJson, readWorkloadSpec, settingValueSchemas } from "@/lib/data/stored-json";

export type RescoreResult =
  | {
      ok: true;
      uploadId: number;
      previousCatalogVersion: string;
      catalogVersion: string;
      summary: ScanSummary;
      /** False when the upload predates stored inventory contexts: its inventory findings were kept as they were. */
      inventoryReevaluated: boolean;
    }
  | { ok: false; reason: "not-found" | "unreadable"; message: string };

type SqlValue = string | number | null;

// Same budget as the import: tens of thousands of rows are rewritten.
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

/** The stored context, with the parts an older version did not store filled in empty. */
function readContext(value: unknown): InventoryContext | string {
  const stored = readInventoryContext(value);
  if (stored === null) return "the stored inventory context is not an inventory context";
  const context = emptyContext();
  for (const key of Object.keys(context) as (keyof InventoryContext)[]) {
    if (stored[key] !== undefined) (context as unknown as Record<string, unknown>)[key] = stored[key];
  }
  return context;
}

/** A stored Workload.spec back as the normalised workload, or what is wrong with it. */
function readWorkload(id: number, value: unknown): Workload | string {
  return readWorkloadSpec(value) ?? `workload #${id}: its stored spec is not a normalised workload`;
}

export async function rescoreUpload(uploadId: number): Promise<RescoreResult> {
  const upload = await db.upload.findUnique({
    where: { id: uploadId },
    select: {
      id: true,
      clusterId: true,
      previousUploadId: true,
      target: true,
      catalogVersion: true,
      inventoryContext: true,
      cluster: { select: { name: true } },
    },
  });
  if (!upload) return { ok: false, reason: "not-found", message: `Upload #${uploadId} does not exist.` };
  const profile = findProfile(upload.target);
  if (!profile)
    return {
      ok: false,
      reason: "unreadable",
      message: `Upload #${uploadId} has an unknown target profile "${upload.target}": nothing was changed.`,
    };

  let inventory = emptyContext();
  if (upload.inventoryContext !== null) {
    const context = readContext(upload.inventoryContext);
    if (typeof context === "string")
      return { ok: false, reason: "unreadable", message: `Upload #${uploadId}: ${context}. Nothing was changed.` };
    inventory = context;
  }
  const inventoryReevaluated = upload.inventoryContext !== null;

  const rows = await db.workload.findMany({ where: { uploadId }, orderBy: { id: "asc" }, select: { id: true, spec: true } });
  const workloads: Workload[] = [];
  for (const row of rows) {
    const workload = readWorkload(row.id, row.spec);
    if (typeof workload === "string")
      return { ok: false, reason: "unreadable", message: `Upload #${uploadId}: ${workload}. Nothing was changed.` };
    workloads.push(workload);
  }

  // All the rule work happens before the transaction: it only writes.
  const context = { profile, inventory };
  const declared = new Map<string, string[]>();
  for (const row of await db.declaredRequirement.findMany({ where: { clusterId: upload.clusterId }, orderBy: { id: "asc" } })) {
    declared.set(row.identity, [...(declared.get(row.identity) ?? []), row.requirement]);
  }
  const scanned = workloads.map((workload) =>
    assembleScannedWorkload(
      workload,
      withDashboardDeclared(checkWorkload(workload, context), declared.get(workload.id)),
      profile,
      inventory,
    ),
  );
  const inventoryFindings = inventoryReevaluated ? checkInventory(context, workloads) : null;
  const summary = summarizeWorkloads(scanned);
  const clock = new Date();
  const tracked = trackScan(
    upload.cluster.name,
    scanned,
    await readDecisions(upload.clusterId, upload.cluster.name, clock),
    upload.previousUploadId === null ? null : await readPreviousSnapshot(upload.previousUploadId),
    await readResolvedBefore(upload.clusterId),
    clock,
  );
  const readiness = { ready: 0, needsChanges: 0, blocked: 0 };
  for (const w of tracked.workloads) {
    if (w.readiness === "ready") readiness.ready++;
    else if (w.readiness === "needs-changes") readiness.needsChanges++;
    else readiness.blocked++;
  }

  await db.$transaction(
    async (tx) => {
      await tx.finding.deleteMany({ where: { workload: { uploadId } } });
      const findingRows: SqlValue[][] = scanned.flatMap((w, index) =>
        w.findings.map((f, findingIndex) => {
          const track = tracked.workloads[index].findings[findingIndex];
          const waiverId = track.waiverId === null ? null : Number(track.waiverId);
          return [
            rows[index].id,
            f.ruleId,
            f.severity,
            f.remedy,
            f.container,
            f.path,
            f.message,
            uploadId,
            track.fingerprint,
            track.change,
            waiverId,
          ];
        }),
      );
      await insertFindings(tx, findingRows);
      await updateWorkloads(
        tx,
        scanned.map((w, index) => {
          const track = tracked.workloads[index];
          return [
            rows[index].id,
            track.score,
            track.readiness,
            w.migrated ? 1 : 0,
            w.counts.blocker,
            w.counts.warning,
            w.counts.info,
            track.migrationPath,
            track.raw.score,
            track.raw.readiness,
            track.raw.migrationPath,
            track.waiverCheckAt ? sqliteDate(track.waiverCheckAt) : null,
            track.team,
            track.owner,
          ];
        }),
      );
      if (inventoryFindings) {
        await tx.inventoryFinding.deleteMany({ where: { uploadId } });
        if (inventoryFindings.length > 0) {
          await tx.inventoryFinding.createMany({
            data: inventoryFindings.map((f) => ({
              uploadId,
              ruleId: f.ruleId,
              severity: f.severity,
              remedy: f.remedy,
              source: f.source,
              path: f.path,
              message: f.message,
            })),
          });
        }
      }
      await tx.upload.update({
        where: { id: uploadId },
        data: {
          catalogVersion: CATALOG_VERSION,
          scoreFormula: SCORE_FORMULA,
          readyCount: readiness.ready,
          needsChangesCount: readiness.needsChanges,
          blockedCount: readiness.blocked,
          newWorkloadCount: tracked.diff.newWorkloads.length,
          removedWorkloadCount: tracked.diff.removedWorkloads.length,
          newFindingCount: tracked.diff.counts.new,
          resolvedFindingCount: tracked.diff.counts.resolved,
          regressedFindingCount: tracked.diff.counts.regressed,
          newRuleFindingCount: tracked.diff.counts["new-rule"],
          unchangedFindingCount: tracked.diff.counts.unchanged,
          migratedCount: summary.migrated,
        },
      });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );

  return {
    ok: true,
    uploadId,
    previousCatalogVersion: upload.catalogVersion,
    catalogVersion: CATALOG_VERSION,
    summary,
    inventoryReevaluated,
  };
}

// Rows go in as one JSON array per statement, unpacked by json_each, as in lib/import.ts.
const CHUNK_SIZE = 2000;

/** Findings take isCurrent from their workload as it is inside the transaction (an import may have replaced the snapshot since). */
const INSERT_FINDINGS = `INSERT INTO "Finding" ("workloadId", "isCurrent", "ruleId", "severity", "remedy", "container", "path", "message", "uploadId", "fingerprint", "change", "waiverId")
  SELECT j.value ->> 0, w."isCurrent", j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
    j.value ->> 8, j.value ->> 9, j.value ->> 10
  FROM json_each(?) AS j JOIN "Workload" AS w ON w."id" = j.value ->> 0`;

const UPDATE_WORKLOADS = `UPDATE "Workload" SET "score" = j.value ->> 1, "readiness" = j.value ->> 2, "migrated" = j.value ->> 3,
  "blockerCount" = j.value ->> 4, "warningCount" = j.value ->> 5, "infoCount" = j.value ->> 6, "migrationPath" = j.value ->> 7,
  "rawScore" = j.value ->> 8, "rawReadiness" = j.value ->> 9, "rawMigrationPath" = j.value ->> 10, "waiverCheckAt" = j.value ->> 11,
  "team" = j.value ->> 12, "owner" = j.value ->> 13
  FROM json_each(?) AS j WHERE "Workload"."id" = j.value ->> 0`;

async function executeChunked(tx: Prisma.TransactionClient, sql: string, rows: SqlValue[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE)
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + CHUNK_SIZE)));
}

async function insertFindings(tx: Prisma.TransactionClient, rows: SqlValue[][]): Promise<void> {
  await executeChunked(tx, INSERT_FINDINGS, rows);
}

async function updateWorkloads(tx: Prisma.TransactionClient, rows: SqlValue[][]): Promise<void> {
  await executeChunked(tx, UPDATE_WORKLOADS, rows);
}

// What tracking reads, as the import worker reads it (lib/import-tracking.ts), through Prisma.
async function readDecisions(clusterId: number, cluster: string, now: Date): Promise<TrackingDecisions> {
  const [namespaceTeams, owners, waivers, labelKeys] = await Promise.all([
    db.namespaceTeam.findMany({ where: { clusterId }, select: { namespace: true, team: true } }),
    db.workloadOwner.findMany({ where: { clusterId }, select: { identity: true, team: true, owner: true } }),
    db.waiver.findMany({ where: { revokedAt: null, expiresAt: { gt: now }, OR: [{ cluster: null }, { cluster }] } }),
    db.setting.findUnique({ where: { key: TEAM_LABEL_KEYS_SETTING } }),
  ]);
  // An unreadable setting falls back to the defaults, as in the import.
  const teamLabelKeys = readJson(settingValueSchemas.teamLabelKeys, labelKeys?.value, DEFAULT_TEAM_LABEL_KEYS);
  return {
    teamLabelKeys,
    namespaceTeams: new Map(namespaceTeams.map((row) => [row.namespace, row.team])),
    owners: new Map(owners.map((row) => [row.identity, { team: row.team, owner: row.owner }])),
    waivers: waivers.map((row) => waiverFromRow({ ...row, expiresAt: row.expiresAt.toISOString() })),
  };
}

async function readPreviousSnapshot(uploadId: number): Promise<PreviousSnapshot | null> {
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { catalogVersion: true } });
  if (!upload) return null;
  const [workloads, findings] = await Promise.all([
    db.workload.findMany({ where: { uploadId }, select: { identity: true } }),
    db.finding.findMany({
      where: { uploadId, fingerprint: { not: "" } },
      select: { fingerprint: true, ruleId: true, severity: true, workload: { select: { identity: true } } },
    }),
  ]);
  return {
    catalogVersion: upload.catalogVersion,
    identities: workloads.map((w) => w.identity),
    findings: findings.map((f) => ({
      identity: f.workload.identity,
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      severity: f.severity as Severity,
    })),
  };
}

async function readResolvedBefore(clusterId: number): Promise<Set<string>> {
  const items = await db.remediationItem.findMany({
    where: { clusterId, resolvedInUploadId: { not: null } },
    select: { fingerprint: true },
  });
  return new Set(items.map((item) => item.fingerprint));
}
