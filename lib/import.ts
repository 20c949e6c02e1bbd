// Runs the pure pipeline over one upload and stores the result as the cluster's new snapshot.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InputError, InputFile } from "@/lib/inventory/types";
import { scan, type ScanResult } from "@/lib/scan";
import type { ProfileId } from "@/lib/scoring/profiles";

export interface ImportUploadInput {
  cluster: string;
  target: ProfileId;
  files: InputFile[];
}

export interface UploadCounts {
  workloads: number;
  ready: number;
  needsChanges: number;
  blocked: number;
  migrated: number;
  skipped: number;
}

export type ImportUploadResult =
  | { ok: true; uploadId: number; cluster: string; counts: UploadCounts; errors: InputError[] }
  | { ok: false; reason: "duplicate"; message: string; duplicateOf: number }
  | { ok: false; reason: "unreadable"; message: string; errors: InputError[] };

// Workloads and findings go in as one JSON array per statement, unpacked by SQLite's json_each:
// Prisma's createMany took ~1 ms per row (10k workloads: 11 s) and bound parameters cost ~10 µs each
// in the driver adapter. Column lists follow schema.prisma.
const CHUNK_SIZE = 2000;
const WORKLOAD_COLUMNS = [
  "id", "uploadId", "clusterName", "isCurrent", "identity", "platform", "kind", "namespace", "name", "team", "source",
  "score", "readiness", "migrated", "blockerCount", "warningCount", "infoCount", "spec", "sizing",
  "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu", "replicas", "perNode",
] as const;
const FINDING_COLUMNS = ["workloadId", "isCurrent", "ruleId", "severity", "remedy", "container", "path", "message"] as const;

type SqlValue = string | number | null;

// 50k workloads take a few seconds to write; Prisma's default interactive transaction timeout is 5 s.
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

const NO_OBJECTS_MESSAGE = "no Kubernetes, Docker or Compose objects found in this file";

export function hashContent(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Identical content is the same set of file contents, whatever the file names or order. */
export function hashUploadContent(fileHashes: readonly string[]): string {
  return hashContent([...fileHashes].sort().join("\n"));
}

export async function importUpload({ cluster, target, files }: ImportUploadInput): Promise<ImportUploadResult> {
  const fileHashes = files.map((file) => hashContent(file.content));
  const contentSha256 = hashUploadContent(fileHashes);
  // Two uploaded files may share a name (same basename, different folders): keep them in order.
  const hashesByName = new Map<string, string[]>();
  files.forEach((file, index) => hashesByName.set(file.name, [...(hashesByName.get(file.name) ?? []), fileHashes[index]]));

  const duplicateOf = await findDuplicate(cluster, target, contentSha256);
  if (duplicateOf !== null) return duplicateResult(cluster, target, duplicateOf);

  const result = scan(files, { cluster, target });
  if (result.files.every((file) => file.objects === 0)) {
    return {
      ok: false,
      reason: "unreadable",
      message: "None of the files could be read: nothing was imported.",
      errors: listUnreadableErrors(result),
    };
  }

  try {
    const uploadId = await db.$transaction((tx) => writeUpload(tx, result, contentSha256, hashesByName), {
      timeout: TRANSACTION_TIMEOUT_MS,
      maxWait: TRANSACTION_TIMEOUT_MS,
    });
    return { ok: true, uploadId, cluster, counts: countResult(result), errors: result.errors };
  } catch (error) {
    // Two identical uploads raced past the check above: the unique index let only one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findDuplicate(cluster, target, contentSha256);
      if (winner !== null) return duplicateResult(cluster, target, winner);
    }
    throw error;
  }
}

// The same content under another target profile is a new assessment, not a duplicate.
function duplicateResult(cluster: string, target: ProfileId, duplicateOf: number): ImportUploadResult {
  return {
    ok: false,
    reason: "duplicate",
    message: `Identical content was already uploaded for cluster "${cluster}" with target ${target} (upload #${duplicateOf}).`,
    duplicateOf,
  };
}

async function findDuplicate(cluster: string, target: ProfileId, contentSha256: string): Promise<number | null> {
  const upload = await db.upload.findFirst({
    where: { contentSha256, target, cluster: { name: cluster } },
    select: { id: true },
  });
  return upload?.id ?? null;
}

function listUnreadableErrors(result: ScanResult): InputError[] {
  const withErrors = new Set(result.errors.map((error) => error.source));
  const silent = result.files
    .filter((file) => !withErrors.has(file.source))
    .map((file): InputError => ({ source: file.source, message: NO_OBJECTS_MESSAGE }));
  return [...result.errors, ...silent];
}

function countSkipped(result: ScanResult): number {
  let skipped = 0;
  for (const file of result.files) for (const count of Object.values(file.skipped)) skipped += count;
  return skipped;
}

function countResult(result: ScanResult): UploadCounts {
  return { ...result.summary, skipped: countSkipped(result) };
}

function chunk<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

async function writeUpload(
  tx: Prisma.TransactionClient,
  result: ScanResult,
  contentSha256: string,
  fileHashes: ReadonlyMap<string, string[]>,
): Promise<number> {
  const counts = countResult(result);
  const cluster = await tx.cluster.upsert({
    where: { name: result.cluster },
    create: { name: result.cluster },
    update: {},
    select: { id: true, name: true },
  });

  // Findings first, while the flag still marks only the previous snapshot of this cluster.
  await tx.finding.updateMany({
    where: { isCurrent: true, workload: { isCurrent: true, clusterName: cluster.name } },
    data: { isCurrent: false },
  });
  await tx.workload.updateMany({
    where: { isCurrent: true, clusterName: cluster.name },
    data: { isCurrent: false },
  });

  const upload = await tx.upload.create({
    data: {
      clusterId: cluster.id,
      target: result.target,
      catalogVersion: result.catalogVersion,
      scoreFormula: result.scoreFormula,
      contentSha256,
      workloadCount: counts.workloads,
      readyCount: counts.ready,
      needsChangesCount: counts.needsChanges,
      blockedCount: counts.blocked,
      migratedCount: counts.migrated,
      skippedCount: counts.skipped,
      errorCount: result.errors.length,
      inventoryContext: JSON.stringify(result.inventory),
    },
    select: { id: true },
  });

  await tx.uploadFile.createMany({
    data: result.files.map((file) => ({
      uploadId: upload.id,
      name: file.source,
      sha256: fileHashes.get(file.source)?.shift() ?? "",
      bytes: file.bytes,
      format: file.format,
      syntax: file.syntax,
      objects: file.objects,
      workloads: file.workloads,
      skipped: JSON.stringify(file.skipped),
      errors: JSON.stringify(result.errors.filter((error) => error.source === file.source)),
    })),
  });

  // Explicit ids let findings reference their workload without reading rows back. Safe because the
  // writes above already hold SQLite's write lock: nobody else can insert until this transaction ends.
  const last = await tx.workload.aggregate({ _max: { id: true } });
  let nextId = (last._max.id ?? 0) + 1;
  const workloadIds = result.workloads.map(() => nextId++);

  const workloadRows = result.workloads.map((workload, index) => [
    workloadIds[index],
    upload.id,
    cluster.name,
    1,
    workload.id,
    workload.platform,
    workload.kind,
    // Docker containers have no namespace; "" keeps the column filterable and matches the identity.
    workload.namespace ?? "",
    workload.name,
    workload.team,
    workload.source,
    workload.score,
    workload.readiness,
    workload.migrated ? 1 : 0,
    workload.counts.blocker,
    workload.counts.warning,
    workload.counts.info,
    JSON.stringify(workload.workload),
    JSON.stringify(workload.sizing),
    Math.round(workload.sizing.vmMemoryMiB),
    workload.sizing.vmVcpus,
    Math.round(workload.sizing.overheadMemoryMiB),
    Math.round(workload.sizing.overheadMilliCpu),
    workload.sizing.replicas,
    workload.sizing.perNode ? 1 : 0,
  ]);
  await insertRows(tx, "Workload", WORKLOAD_COLUMNS, workloadRows);

  const findingRows = result.workloads.flatMap((workload, index) =>
    workload.findings.map((finding) => [
      workloadIds[index],
      1,
      finding.ruleId,
      finding.severity,
      finding.remedy,
      finding.container,
      finding.path,
      finding.message,
    ]),
  );
  await insertRows(tx, "Finding", FINDING_COLUMNS, findingRows);

  for (const batch of chunk(result.inventoryFindings)) {
    await tx.inventoryFinding.createMany({
      data: batch.map((finding) => ({
        uploadId: upload.id,
        ruleId: finding.ruleId,
        severity: finding.severity,
        remedy: finding.remedy,
        source: finding.source,
        path: finding.path,
        message: finding.message,
      })),
    });
  }

  return upload.id;
}

async function insertRows(tx: Prisma.TransactionClient, table: string, columns: readonly string[], rows: SqlValue[][]) {
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  const values = columns.map((_, index) => `value ->> ${index}`).join(", ");
  const sql = `INSERT INTO "${table}" (${columnList}) SELECT ${values} FROM json_each(?)`;
  for (const batch of chunk(rows)) await tx.$executeRawUnsafe(sql, JSON.stringify(batch));
}
