import "server-only";
import { db } from "@/lib/db";
import type { InputError } from "@/lib/inventory/types";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { UPLOAD_FILES_PER_PAGE, type UploadsSearchParams } from "@/lib/validations/uploads";
import { readJson, readUploadFileErrors, uploadFileSkippedSchema } from "./stored-json";

/** The per-upload totals stored by lib/import.ts. */
export interface UploadCounts {
  workloadCount: number;
  readyCount: number;
  needsChangesCount: number;
  blockedCount: number;
  migratedCount: number;
  skippedCount: number;
  errorCount: number;
}

const UPLOAD_COUNTS_SELECT = {
  workloadCount: true,
  readyCount: true,
  needsChangesCount: true,
  blockedCount: true,
  migratedCount: true,
  skippedCount: true,
  errorCount: true,
} as const satisfies Record<keyof UploadCounts, true>;

export interface UploadListItem extends UploadCounts {
  id: number;
  cluster: string;
  createdAt: Date;
  target: string;
  /** The rule catalog that scored the upload (catalog 1 stored "1"). */
  catalogVersion: string;
  fileCount: number;
}

export interface UploadsListRow extends UploadListItem {
  /** "cluster": the snapshot the dashboard shows for its cluster; "series": current of its series (another target). */
  current: "cluster" | "series" | null;
  /** Against the previous upload of the series; null for a first snapshot. */
  readyChange: number | null;
  blockedChange: number | null;
}

export interface UploadsPage {
  uploads: UploadsListRow[];
  total: number;
  pageCount: number;
}

export async function getUploads({ page, perPage }: UploadsSearchParams): Promise<UploadsPage> {
  const [rows, total] = await db.$transaction([
    db.upload.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        createdAt: true,
        target: true,
        catalogVersion: true,
        ...UPLOAD_COUNTS_SELECT,
        seriesId: true,
        previousUploadId: true,
        series: { select: { currentUploadId: true } },
        cluster: { select: { name: true, currentSeriesId: true } },
        _count: { select: { files: true } },
      },
    }),
    db.upload.count(),
  ]);
  const previousIds = rows.flatMap((row) => (row.previousUploadId === null ? [] : [row.previousUploadId]));
  const previous = new Map(
    (await db.upload.findMany({ where: { id: { in: previousIds } }, select: { id: true, readyCount: true, blockedCount: true } })).map((row) => [row.id, row]),
  );
  const uploads = rows.map(({ cluster, series, _count, seriesId, previousUploadId, ...upload }): UploadsListRow => {
    const before = previousUploadId === null ? undefined : previous.get(previousUploadId);
    const seriesCurrent = series.currentUploadId === upload.id;
    return {
      ...upload,
      cluster: cluster.name,
      fileCount: _count.files,
      current: seriesCurrent ? (cluster.currentSeriesId === seriesId ? "cluster" : "series") : null,
      readyChange: before ? upload.readyCount - before.readyCount : null,
      blockedChange: before ? upload.blockedCount - before.blockedCount : null,
    };
  });
  return { uploads, total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

export async function hasUploads(): Promise<boolean> {
  return (await db.upload.findFirst({ select: { id: true } })) !== null;
}

export interface UploadFileDetail {
  id: number;
  name: string;
  sha256: string;
  bytes: number;
  format: string;
  syntax: string | null;
  objects: number;
  workloads: number;
  skipped: Record<string, number>;
  errors: InputError[];
}

export interface UploadDetail extends UploadListItem {
  scoreFormula: string;
  /** False for uploads stored before the inventory context was kept: re-scoring cannot re-evaluate inventory-level rules. */
  inventoryContextStored: boolean;
  contentSha256: string;
  /** The cluster's current upload (Cluster.currentSeriesId -> Series.currentUploadId): its workloads are the ones the workloads page shows. */
  isCurrent: boolean;
  /** What changed against the previous upload of the same series (cluster + target), counted when it was stored. */
  changes: UploadChanges;
  /** One page of the files, in upload order (`fileCount` is all of them). */
  files: UploadFileDetail[];
  filesPage: number;
  filesPageCount: number;
  inventoryFindings: {
    id: number;
    ruleId: string;
    severity: string;
    remedy: string | null;
    source: string;
    path: string;
    message: string;
  }[];
}

export interface UploadChanges {
  previousUploadId: number | null;
  newWorkloads: number;
  removedWorkloads: number;
  newFindings: number;
  resolvedFindings: number;
  regressedFindings: number;
  newRuleFindings: number;
  unchangedFindings: number;
}

/** An upload with one page of its files (1-based): 50,000 files once made this page 91 MB. */
export async function getUpload(id: number, filesPage = 1, filesPerPage = UPLOAD_FILES_PER_PAGE): Promise<UploadDetail | null> {
  const upload = await db.upload.findUnique({
    where: { id },
    select: {
      id: true,
      createdAt: true,
      target: true,
      catalogVersion: true,
      scoreFormula: true,
      contentSha256: true,
      inventoryContext: true,
      ...UPLOAD_COUNTS_SELECT,
      clusterId: true,
      seriesId: true,
      previousUploadId: true,
      newWorkloadCount: true,
      removedWorkloadCount: true,
      newFindingCount: true,
      resolvedFindingCount: true,
      regressedFindingCount: true,
      newRuleFindingCount: true,
      unchangedFindingCount: true,
      cluster: { select: { name: true, currentSeriesId: true } },
      series: { select: { currentUploadId: true } },
      _count: { select: { files: true } },
      inventoryFindings: {
        orderBy: { id: "asc" },
        select: { id: true, ruleId: true, severity: true, remedy: true, source: true, path: true, message: true },
      },
    },
  });
  if (!upload) return null;

  const fileCount = upload._count.files;
  const filesPageCount = Math.max(1, Math.ceil(fileCount / filesPerPage));
  const page = Math.min(Math.max(1, filesPage), filesPageCount);
  const files = await db.uploadFile.findMany({
    where: { uploadId: id },
    orderBy: { id: "asc" },
    skip: (page - 1) * filesPerPage,
    take: filesPerPage,
  });
  const {
    cluster,
    series,
    clusterId: _clusterId,
    seriesId,
    _count: _counts,
    inventoryContext,
    previousUploadId,
    newWorkloadCount,
    removedWorkloadCount,
    newFindingCount,
    resolvedFindingCount,
    regressedFindingCount,
    newRuleFindingCount,
    unchangedFindingCount,
    ...rest
  } = upload;
  return {
    ...rest,
    inventoryContextStored: inventoryContext !== null,
    cluster: cluster.name,
    isCurrent: series.currentUploadId === upload.id && cluster.currentSeriesId === seriesId,
    changes: {
      previousUploadId,
      newWorkloads: newWorkloadCount,
      removedWorkloads: removedWorkloadCount,
      newFindings: newFindingCount,
      resolvedFindings: resolvedFindingCount,
      regressedFindings: regressedFindingCount,
      newRuleFindings: newRuleFindingCount,
      unchangedFindings: unchangedFindingCount,
    },
    fileCount,
    filesPage: page,
    filesPageCount,
    files: files.map((file) => ({
      id: file.id,
      name: file.name,
      sha256: file.sha256,
      bytes: file.bytes,
      format: file.format,
      syntax: file.syntax,
      objects: file.objects,
      workloads: file.workloads,
      skipped: readJson(uploadFileSkippedSchema, file.skipped, {}),
      errors: readUploadFileErrors(file.errors),
    })),
  };
}

export interface OlderCatalogSnapshot {
  cluster: string;
  uploadId: number;
  catalogVersion: string;
}

/** Clusters whose current snapshot was scored by another catalog than the running one. */
export async function getSnapshotsScoredByOlderCatalog(): Promise<OlderCatalogSnapshot[]> {
  const clusters = await db.cluster.findMany({ orderBy: { name: "asc" }, select: { name: true, currentSeriesId: true } });
  const seriesIds = clusters.flatMap((cluster) => (cluster.currentSeriesId === null ? [] : [cluster.currentSeriesId]));
  const series = await db.series.findMany({ where: { id: { in: seriesIds } }, select: { id: true, currentUploadId: true } });
  const uploads = await db.upload.findMany({
    where: { id: { in: series.flatMap((s) => (s.currentUploadId === null ? [] : [s.currentUploadId])) }, catalogVersion: { not: CATALOG_VERSION } },
    select: { id: true, catalogVersion: true, seriesId: true },
  });
  const bySeries = new Map(uploads.map((upload) => [upload.seriesId, upload]));
  return clusters.flatMap(({ name, currentSeriesId }) => {
    const upload = currentSeriesId === null ? undefined : bySeries.get(currentSeriesId);
    return upload ? [{ cluster: name, uploadId: upload.id, catalogVersion: upload.catalogVersion }] : [];
  });
}
