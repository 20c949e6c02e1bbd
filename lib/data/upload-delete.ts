// Deleting an upload removes one snapshot and nothing decided: remediation items, waivers, owners and
// the history are keyed by cluster + identity and stay. The pointers fall back to what remains, and the
// upload that followed the deleted one is compared again with the one before it.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isSeverity } from "@/lib/domain";
import { rulesNewerThan } from "@/lib/rules/catalog";
import { diffSnapshots, FINDING_CHANGES, type DiffFinding } from "@/lib/scoring/snapshot-diff";
import { recomputeFigures } from "./tracking";

type Tx = Prisma.TransactionClient;

export type DeleteUploadResult =
  | { ok: true; cluster: string; currentUploadId: number | null; recomparedUploadId: number | null }
  | { ok: false; message: string };

const BATCH = 500;

/** The cluster's current upload: Cluster.currentSeriesId -> Series.currentUploadId. */
async function clusterCurrentUpload(tx: Tx, clusterId: number): Promise<number | null> {
  const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { currentSeriesId: true } });
  if (!cluster || cluster.currentSeriesId === null) return null;
  const series = await tx.series.findUnique({ where: { id: cluster.currentSeriesId }, select: { currentUploadId: true } });
  return series?.currentUploadId ?? null;
}

async function snapshotFindings(tx: Tx, uploadId: number): Promise<DiffFinding[]> {
  const rows = await tx.finding.findMany({
    where: { uploadId, fingerprint: { not: "" } },
    select: { fingerprint: true, ruleId: true, severity: true, workload: { select: { identity: true } } },
  });
  return rows.flatMap((row) =>
    isSeverity(row.severity) ? [{ identity: row.workload.identity, fingerprint: row.fingerprint, ruleId: row.ruleId, severity: row.severity }] : [],
  );
}

/** Compares `uploadId` with `previousUploadId` again from the stored rows and stores its counts and Finding.change. */
export async function recompareUpload(tx: Tx, uploadId: number, previousUploadId: number | null, seriesId: number): Promise<void> {
  const identities = async (id: number) => (await tx.workload.findMany({ where: { uploadId: id }, select: { identity: true } })).map((w) => w.identity);
  const previous = previousUploadId === null ? null : await tx.upload.findUnique({ where: { id: previousUploadId }, select: { catalogVersion: true } });
  // Resolved once: seen in an older upload of the series, absent from the previous one.
  const resolvedBefore = new Set<string>();
  if (previousUploadId !== null) {
    const older = await tx.$queryRaw<{ fingerprint: string }[]>`
      SELECT DISTINCT f."fingerprint" AS fingerprint FROM "Finding" f JOIN "Upload" u ON u."id" = f."uploadId"
      WHERE u."seriesId" = ${seriesId} AND u."id" < ${previousUploadId} AND f."fingerprint" <> ''
        AND NOT EXISTS (SELECT 1 FROM "Finding" p WHERE p."uploadId" = ${previousUploadId} AND p."fingerprint" = f."fingerprint")`;
    for (const row of older) resolvedBefore.add(row.fingerprint);
  }
  const newRules = new Set<string>(previous ? rulesNewerThan(previous.catalogVersion).map((rule) => rule.id) : []);
  const diff = diffSnapshots({
    previousWorkloads: previousUploadId === null ? [] : await identities(previousUploadId),
    currentWorkloads: await identities(uploadId),
    previousFindings: previousUploadId === null ? [] : await snapshotFindings(tx, previousUploadId),
    currentFindings: await snapshotFindings(tx, uploadId),
    resolvedBefore,
    isNewRule: (ruleId) => newRules.has(ruleId),
  });
  await tx.upload.update({
    where: { id: uploadId },
    data: {
      previousUploadId,
      newWorkloadCount: diff.newWorkloads.length,
      removedWorkloadCount: diff.removedWorkloads.length,
      newFindingCount: diff.counts.new,
      resolvedFindingCount: diff.counts.resolved,
      regressedFindingCount: diff.counts.regressed,
      newRuleFindingCount: diff.counts["new-rule"],
      unchangedFindingCount: diff.counts.unchanged,
    },
  });
  for (const change of FINDING_CHANGES) {
    const prints = [...diff.changes].flatMap(([print, value]) => (value === change ? [print] : []));
    for (let start = 0; start < prints.length; start += BATCH) {
      await tx.finding.updateMany({ where: { uploadId, fingerprint: { in: prints.slice(start, start + BATCH) } }, data: { change } });
    }
  }
}

/**
 * Remediation items keep their decisions but must not point at the deleted upload (pages would link a
 * 404). First / last seen move to the remaining uploads that show the finding (null if none does). A
 * fix the deleted upload verified is verified by the upload that followed if it still lacks the finding
 * on the same workload; if the finding is in the cluster's current snapshot again, the item reopens.
 */
async function repointItems(
  tx: Tx,
  deleted: { id: number; clusterId: number; cluster: string; nextUploadId: number | null },
  actor: string,
): Promise<void> {
  const { id, clusterId, cluster, nextUploadId } = deleted;
  for (const [column, aggregate] of [
    ["firstSeenUploadId", "MIN"],
    ["lastSeenUploadId", "MAX"],
  ] as const) {
    await tx.$executeRaw`
      UPDATE "RemediationItem" SET ${Prisma.raw(`"${column}"`)} = (
        SELECT ${Prisma.raw(aggregate)}(f."uploadId") FROM "Upload" u JOIN "Finding" f ON f."uploadId" = u."id"
        WHERE u."clusterId" = "RemediationItem"."clusterId" AND f."fingerprint" = "RemediationItem"."fingerprint")
      WHERE "clusterId" = ${clusterId} AND ${Prisma.raw(`"${column}"`)} = ${id}`;
  }

  const verified = await tx.remediationItem.findMany({
    where: { clusterId, resolvedInUploadId: id },
    select: { id: true, identity: true, fingerprint: true, ruleId: true, status: true },
  });
  const now = new Date();
  for (const item of verified) {
    const current = await tx.finding.findFirst({
      where: { isCurrent: true, fingerprint: item.fingerprint, workload: { clusterName: cluster } },
      select: { id: true },
    });
    if (current) {
      const reopen = item.status === "fixed";
      await tx.remediationItem.update({ where: { id: item.id }, data: { resolvedInUploadId: null, ...(reopen ? { status: "open", updatedAt: now } : {}) } });
      if (reopen) {
        await tx.auditEvent.create({
          data: {
            at: now,
            actor,
            action: `reopened: upload #${id} that verified the fix was deleted`,
            clusterId,
            identity: item.identity,
            fingerprint: item.fingerprint,
            ruleId: item.ruleId,
            entity: "remediation-item",
            entityId: item.id,
            field: "status",
            fromValue: "fixed",
            toValue: "open",
          },
        });
      }
      continue;
    }
    const stillFixed =
      nextUploadId !== null &&
      (await tx.workload.findFirst({ where: { uploadId: nextUploadId, identity: item.identity }, select: { id: true } })) !== null &&
      (await tx.finding.findFirst({ where: { uploadId: nextUploadId, fingerprint: item.fingerprint }, select: { id: true } })) === null;
    await tx.remediationItem.update({ where: { id: item.id }, data: { resolvedInUploadId: stillFixed ? nextUploadId : null } });
  }
}

/** Deletes one upload in one transaction; `actor` is recorded in the history. */
export async function deleteUpload(id: number, actor: string): Promise<DeleteUploadResult> {
  return db.$transaction(
    async (tx) => {
      const upload = await tx.upload.findUnique({
        where: { id },
        select: { id: true, clusterId: true, seriesId: true, previousUploadId: true, target: true, cluster: { select: { name: true, currentSeriesId: true } } },
      });
      if (!upload) return { ok: false, message: `Upload #${id} does not exist (it may have been deleted already).` };
      const clusterCurrentBefore = await clusterCurrentUpload(tx, upload.clusterId);
      const next = await tx.upload.findFirst({ where: { previousUploadId: id }, select: { id: true } });

      // Rows of the snapshot only; decisions are keyed by cluster + identity and are not touched.
      await tx.finding.deleteMany({ where: { uploadId: id } });
      await tx.workload.deleteMany({ where: { uploadId: id } });
      await tx.inventoryFinding.deleteMany({ where: { uploadId: id } });
      await tx.uploadFile.deleteMany({ where: { uploadId: id } });
      await tx.series.updateMany({ where: { currentUploadId: id }, data: { currentUploadId: null } });
      await tx.upload.delete({ where: { id } });

      // The series falls back to its newest remaining upload.
      const newest = await tx.upload.findFirst({ where: { seriesId: upload.seriesId }, orderBy: { id: "desc" }, select: { id: true } });
      const series = await tx.series.findUniqueOrThrow({ where: { id: upload.seriesId }, select: { currentUploadId: true } });
      if (series.currentUploadId === null) await tx.series.update({ where: { id: upload.seriesId }, data: { currentUploadId: newest?.id ?? null } });

      // The cluster shows the series uploaded to last among those that still have an upload.
      if (upload.cluster.currentSeriesId === upload.seriesId && newest === null) {
        const latest = await tx.upload.findFirst({ where: { clusterId: upload.clusterId }, orderBy: { id: "desc" }, select: { seriesId: true } });
        await tx.cluster.update({ where: { id: upload.clusterId }, data: { currentSeriesId: latest?.seriesId ?? null } });
      }

      const clusterCurrentAfter = await clusterCurrentUpload(tx, upload.clusterId);
      if (clusterCurrentAfter !== clusterCurrentBefore && clusterCurrentAfter !== null) {
        // The flags are a copy of the pointers: only this cluster's current snapshot carries them.
        await tx.finding.updateMany({ where: { isCurrent: true, workload: { clusterName: upload.cluster.name } }, data: { isCurrent: false } });
        await tx.workload.updateMany({ where: { isCurrent: true, clusterName: upload.cluster.name }, data: { isCurrent: false } });
        await tx.workload.updateMany({ where: { uploadId: clusterCurrentAfter }, data: { isCurrent: true } });
        await tx.finding.updateMany({ where: { uploadId: clusterCurrentAfter }, data: { isCurrent: true } });
        // Waivers may have changed since that snapshot was stored.
        await recomputeFigures(tx, { uploadId: clusterCurrentAfter });
      }

      if (next) await recompareUpload(tx, next.id, upload.previousUploadId, upload.seriesId);
      await repointItems(tx, { id, clusterId: upload.clusterId, cluster: upload.cluster.name, nextUploadId: next?.id ?? null }, actor);

      await tx.auditEvent.create({
        data: {
          actor,
          action: `deleted upload #${id}`,
          clusterId: upload.clusterId,
          entity: "upload",
          entityId: id,
          field: "currentUploadId",
          fromValue: clusterCurrentBefore === null ? null : String(clusterCurrentBefore),
          toValue: clusterCurrentAfter === null ? null : String(clusterCurrentAfter),
        },
      });
      return { ok: true, cluster: upload.cluster.name, currentUploadId: clusterCurrentAfter, recomparedUploadId: next?.id ?? null };
    },
    { timeout: 10 * 60 * 1000 },
  );
}
