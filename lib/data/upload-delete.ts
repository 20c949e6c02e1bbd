// Deleting an upload removes one snapshot and nothing decided: remediation items, waivers, owners and
// the history are keyed by cluster + identity and stay. The pointers fall back to what remains, and the
// upload that followed the deleted one is compared again with the one before it.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
