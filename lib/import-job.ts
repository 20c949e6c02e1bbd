// One upload's whole import, run inside a worker thread (lib/import-worker.ts): hash, scan, serialise
// the rows and write them in one SQLite transaction on the worker's own connection. The request thread
// only hands over the bytes and waits, so pages keep answering during a large import, and readers on
// the app's connection never see a half-written snapshot. No "server-only", Prisma or Next here: this
// file is bundled on its own (scripts/build-worker.mjs).
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type { InputError, InputFile } from "./inventory/types";
import {
  makeCurrent,
  readDecisions,
  readDeclaredRequirements,
  readPreviousSnapshot,
  readResolvedBefore,
  sqliteDate,
  upsertSeries,
  writeRemediationItems,
} from "./import-tracking";
import { scan, type ScanResult } from "./scan";
import { trackScan, type TrackedScan } from "./scoring/track";
import { searchTextOf } from "./workload-search";
import type { ProfileId } from "./scoring/profiles";
import type { RefusedRequest, UploadRequestBody } from "./upload-request";

export interface DatabaseSettings {
  databaseUrl: string;
  /** How long a write waits for another connection's lock before giving up (SQLite busy timeout). */
  busyTimeoutMs: number;
}

export interface ImportJobInput extends DatabaseSettings {
  cluster: string;
  target: ProfileId;
  files: InputFile[];
}

/** An upload still as its multipart body: the worker parses it first (lib/upload-request.ts). */
export interface RequestJobInput extends DatabaseSettings {
  request: UploadRequestBody;
}

export interface UploadCounts {
  workloads: number;
  ready: number;
  needsChanges: number;
  blocked: number;
  migrated: number;
  skipped: number;
}

/** An input error with the position of its file in the upload (null: not about one file). */
export interface UploadError extends InputError {
  file: number | null;
}

export type ImportJobResult =
  | { ok: true; uploadId: number; cluster: string; counts: UploadCounts; errors: UploadError[] }
  | { ok: false; reason: "duplicate"; message: string; duplicateOf: number }
  | { ok: false; reason: "unreadable"; message: string; errors: UploadError[] }
  | { ok: false; reason: "no-workloads"; message: string; errors: UploadError[]; counts: UploadCounts }
  | { ok: false; reason: "busy"; message: string }
  | ({ ok: false; reason: "invalid-request" } & RefusedRequest);

const NO_OBJECTS_MESSAGE = "no Kubernetes, Docker or Compose objects found in this file";
const NO_WORKLOADS_MESSAGE = "no workloads in this file";

// Rows go in as JSON arrays unpacked by SQLite's json_each. A batch closes at 2,000 rows or about 1 MB of
// JSON, so no single statement runs long.
const BATCH_ROWS = 2000;
const BATCH_CHARS = 1 << 20;

export function hashContent(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Identical content is the same set of file contents, whatever the file names or order. */
function hashUploadContent(fileHashes: readonly string[]): string {
  return hashContent([...fileHashes].sort().join("\n"));
}

/**
 * Display names that tell same-named files apart (browsers send base names: three docker-compose.yml
 * in one upload is normal): the second and later get " (2)", " (3)"…, in upload order. Errors and
 * sources are matched back to files through these names, so each file keeps only its own errors.
 */
export function distinctFileNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  // The next number to try per name: thousands of a.yaml stay linear.
  const nextNumber = new Map<string, number>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = nextNumber.get(name) ?? 2;
    while (taken.has(`${name} (${n})`)) n++;
    nextNumber.set(name, n + 1);
    const label = `${name} (${n})`;
    taken.add(label);
    seen.add(label);
    return label;
  });
}

export function runImportJob(input: ImportJobInput): ImportJobResult {
  const fileHashes = input.files.map((file) => hashContent(file.content));
  const contentSha256 = hashUploadContent(fileHashes);
  const sqlite = openDatabase(input.databaseUrl, input.busyTimeoutMs);
  try {
    const earlier = findDuplicate(sqlite, input.cluster, input.target, contentSha256);
    if (earlier !== null) return duplicateResult(input.cluster, input.target, earlier);

    const names = distinctFileNames(input.files.map((file) => file.name));
    const fileIndex = new Map(names.map((name, index) => [name, index]));
    const result = scan(
      input.files.map((file, index) => ({ name: names[index], content: file.content })),
      { cluster: input.cluster, target: input.target, declared: readDeclaredRequirements(sqlite, input.cluster) },
    );
    const errors: UploadError[] = result.errors.map((error) => ({ ...error, file: fileIndex.get(error.source) ?? null }));

    if (result.workloads.length === 0) return refuseEmpty(result, errors);

    const uploadId = writeUpload(sqlite, result, { contentSha256, fileHashes, errors });
    if (typeof uploadId !== "number") return duplicateResult(input.cluster, input.target, uploadId.duplicateOf);
    return { ok: true, uploadId, cluster: result.cluster, counts: countResult(result), errors };
  } catch (error) {
    if (isBusy(error)) {
      return { ok: false, reason: "busy", message: "The database is busy with another write. Retry in a few seconds." };
    }
    throw error;
  } finally {
    sqlite.close();
  }
}

function openDatabase(databaseUrl: string, busyTimeoutMs: number): Database.Database {
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""), { timeout: busyTimeoutMs });
  sqlite.pragma("foreign_keys = ON");
  // Write-ahead log (kept in the file once set): readers on the app's connection go on reading the last
  // committed snapshot while a large import writes and commits. In the default rollback journal a big
  // transaction spills to disk under an exclusive lock and pages waited for the whole commit.
  sqlite.pragma("journal_mode = WAL");
  return sqlite;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

// The same content under another target profile is a new assessment, not a duplicate.
function duplicateResult(cluster: string, target: ProfileId, duplicateOf: number): ImportJobResult {
  return {
    ok: false,
    reason: "duplicate",
    message: `Identical content was already uploaded for cluster "${cluster}" with target ${target} (upload #${duplicateOf}).`,
    duplicateOf,
  };
}

function findDuplicate(sqlite: Database.Database, cluster: string, target: string, contentSha256: string): number | null {
  const row = sqlite
    .prepare(
      `SELECT u."id" AS id FROM "Upload" u JOIN "Cluster" c ON c."id" = u."clusterId"
       WHERE c."name" = ? AND u."target" = ? AND u."contentSha256" = ? LIMIT 1`,
    )
    .get(cluster, target, contentSha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Nothing to show must never replace the current view. Every file unreadable: "unreadable" (the input
 * is wrong); readable but without a single workload (package.json, only ConfigMaps): "no-workloads".
 */
function refuseEmpty(result: ScanResult, errors: UploadError[]): ImportJobResult {
  const withErrors = new Set(errors.map((error) => error.file));
  const unreadable = result.files.every((file) => file.objects === 0);
  const silent = result.files.flatMap((file, index): UploadError[] =>
    withErrors.has(index)
      ? []
      : [{ source: file.source, file: index, message: unreadable || file.objects === 0 ? NO_OBJECTS_MESSAGE : NO_WORKLOADS_MESSAGE }],
  );
  const listed = [...errors, ...silent];
  if (unreadable) {
    return { ok: false, reason: "unreadable", message: "None of the files could be read: nothing was imported.", errors: listed };
  }
  return {
    ok: false,
    reason: "no-workloads",
    message: "No workloads found in this upload: nothing was imported and the cluster's current view is unchanged.",
    errors: listed,
    counts: countResult(result),
  };
}

function countSkipped(result: ScanResult): number {
  let skipped = 0;
  for (const file of result.files) for (const count of Object.values(file.skipped)) skipped += count;
  return skipped;
}

function countResult(result: ScanResult): UploadCounts {
  return { ...result.summary, skipped: countSkipped(result) };
}

type SqlValue = string | number | null;

/** JSON arrays of rows, each at most BATCH_ROWS rows or about BATCH_CHARS characters. */
function batchRows(rows: Iterable<SqlValue[]>): string[] {
  const batches: string[] = [];
  let parts: string[] = [];
  let chars = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    parts.push(json);
    chars += json.length + 1;
    if (parts.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      batches.push(`[${parts.join(",")}]`);
      parts = [];
      chars = 0;
    }
  }
  if (parts.length > 0) batches.push(`[${parts.join(",")}]`);
  return batches;
}

function unpack(count: number, from = 0): string {
  return Array.from({ length: count }, (_, index) => `value ->> ${from + index}`).join(", ");
}

// Column lists follow prisma/schema.prisma. `?` parameters are bound in the order they appear.
const WORKLOAD_DATA_COLUMNS = [
  "identity",
  "platform",
  "kind",
  "namespace",
  "name",
  "team",
  "owner",
  "source",
  "score",
  "readiness",
  "migrationPath",
  "rawScore",
  "rawReadiness",
  "rawMigrationPath",
  "waiverCheckAt",
  "migrated",
  "blockerCount",
  "warningCount",
  "infoCount",
  "spec",
  "sizing",
  "vmMemoryMiB",
  "vmVcpus",
  "overheadMemoryMiB",
  "overheadMilliCpu",
  "replicas",
  "perNode",
  "searchText",
] as const;
const FINDING_DATA_COLUMNS = ["ruleId", "severity", "remedy", "container", "path", "message", "fingerprint", "change", "waiverId"] as const;
const FILE_DATA_COLUMNS = ["name", "sha256", "bytes", "format", "syntax", "objects", "workloads", "skipped", "errors"] as const;
const INVENTORY_FINDING_DATA_COLUMNS = ["ruleId", "severity", "remedy", "source", "path", "message"] as const;

function columnList(columns: readonly string[]): string {
  return columns.map((column) => `"${column}"`).join(", ");
}

// Workload ids are the first free id plus the workload's index; findings reference them the same way.
const INSERT_WORKLOADS = `INSERT INTO "Workload" ("id", "uploadId", "clusterName", "isCurrent", ${columnList(WORKLOAD_DATA_COLUMNS)})
  SELECT ? + (value ->> 0), ?, ?, 1, ${unpack(WORKLOAD_DATA_COLUMNS.length, 1)} FROM json_each(?)`;
const INSERT_FINDINGS = `INSERT INTO "Finding" ("workloadId", "uploadId", "isCurrent", ${columnList(FINDING_DATA_COLUMNS)})
  SELECT ? + (value ->> 0), ?, 1, ${unpack(FINDING_DATA_COLUMNS.length, 1)} FROM json_each(?)`;
const INSERT_FILES = `INSERT INTO "UploadFile" ("uploadId", ${columnList(FILE_DATA_COLUMNS)})
  SELECT ?, ${unpack(FILE_DATA_COLUMNS.length)} FROM json_each(?)`;
const INSERT_INVENTORY_FINDINGS = `INSERT INTO "InventoryFinding" ("uploadId", ${columnList(INVENTORY_FINDING_DATA_COLUMNS)})
  SELECT ?, ${unpack(INVENTORY_FINDING_DATA_COLUMNS.length)} FROM json_each(?)`;

/** Readiness counts with the waivers in force, as the pages show them. */
function countReadiness(tracked: TrackedScan): { ready: number; needsChanges: number; blocked: number } {
  const counts = { ready: 0, needsChanges: 0, blocked: 0 };
  for (const workload of tracked.workloads) {
    if (workload.readiness === "ready") counts.ready++;
    else if (workload.readiness === "needs-changes") counts.needsChanges++;
    else counts.blocked++;
  }
  return counts;
}

function workloadRows(result: ScanResult, tracked: TrackedScan): string[] {
  return batchRows(
    result.workloads.map((workload, index) => {
      const track = tracked.workloads[index];
      return [
        index,
        workload.id,
        workload.platform,
        workload.kind,
        // Docker containers have no namespace; "" keeps the column filterable and matches the identity.
        workload.namespace ?? "",
        workload.name,
        track.team,
        track.owner,
        workload.source,
        track.score,
        track.readiness,
        track.migrationPath,
        track.raw.score,
        track.raw.readiness,
        track.raw.migrationPath,
        track.waiverCheckAt ? sqliteDate(track.waiverCheckAt) : null,
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
        searchTextOf(workload.workload),
      ];
    }),
  );
}

function findingRows(result: ScanResult, tracked: TrackedScan): string[] {
  return batchRows(
    (function* () {
      for (const [index, workload] of result.workloads.entries()) {
        const track = tracked.workloads[index].findings;
        for (const [findingIndex, finding] of workload.findings.entries()) {
          const { fingerprint, change, waiverId } = track[findingIndex];
          yield [
            index,
            finding.ruleId,
            finding.severity,
            finding.remedy,
            finding.container,
            finding.path,
            finding.message,
            fingerprint,
            change,
            waiverId === null ? null : Number(waiverId),
          ];
        }
      }
    })(),
  );
}

interface WriteInput {
  contentSha256: string;
  fileHashes: readonly string[];
  errors: readonly UploadError[];
}

/** The new upload's id, or the upload that won a race with identical content. */
function writeUpload(sqlite: Database.Database, result: ScanResult, input: WriteInput): number | { duplicateOf: number } {
  const counts = countResult(result);
  const errorsByFile = new Map<number, UploadError[]>();
  for (const error of input.errors) {
    if (error.file === null) continue;
    const list = errorsByFile.get(error.file) ?? [];
    list.push(error);
    errorsByFile.set(error.file, list);
  }
  // Serialised before the transaction starts, so the write lock is held only for the writes.
  const fileBatches = batchRows(
    result.files.map((file, index) => [
      file.source,
      input.fileHashes[index] ?? "",
      file.bytes,
      file.format,
      file.syntax,
      file.objects,
      file.workloads,
      JSON.stringify(file.skipped),
      JSON.stringify((errorsByFile.get(index) ?? []).map(({ file: _position, ...error }) => error)),
    ]),
  );
  const inventoryBatches = batchRows(
    result.inventoryFindings.map((finding) => [
      finding.ruleId,
      finding.severity,
      finding.remedy,
      finding.source,
      finding.path,
      finding.message,
    ]),
  );

  const write = sqlite.transaction((): number | { duplicateOf: number } => {
    // Checked again under the write lock: an identical upload may have committed since the first check.
    const earlier = findDuplicate(sqlite, result.cluster, result.target, input.contentSha256);
    if (earlier !== null) return { duplicateOf: earlier };

    const clock = new Date();
    const now = sqliteDate(clock);
    sqlite.prepare(`INSERT INTO "Cluster" ("name", "createdAt") VALUES (?, ?) ON CONFLICT ("name") DO NOTHING`).run(result.cluster, now);
    const cluster = sqlite.prepare(`SELECT "id" AS id FROM "Cluster" WHERE "name" = ?`).get(result.cluster) as { id: number };

    // Owners, waivers and the previous snapshot are read under the write lock, so they are the ones in force.
    const series = upsertSeries(sqlite, cluster.id, result.target, now);
    const previous = series.previousUploadId === null ? null : readPreviousSnapshot(sqlite, series.previousUploadId);
    const tracked = trackScan(
      result.cluster,
      result.workloads,
      readDecisions(sqlite, cluster.id, result.cluster, clock),
      previous,
      readResolvedBefore(sqlite, cluster.id),
      clock,
    );

    // Findings first, while the flag still marks only the previous snapshot of this cluster.
    sqlite
      .prepare(
        `UPDATE "Finding" SET "isCurrent" = 0 WHERE "isCurrent" = 1 AND "workloadId" IN
         (SELECT "id" FROM "Workload" WHERE "isCurrent" = 1 AND "clusterName" = ?)`,
      )
      .run(result.cluster);
    sqlite.prepare(`UPDATE "Workload" SET "isCurrent" = 0 WHERE "isCurrent" = 1 AND "clusterName" = ?`).run(result.cluster);

    const readiness = countReadiness(tracked);
    const diff = tracked.diff;
    const upload = sqlite
      .prepare(
        `INSERT INTO "Upload" ("clusterId", "seriesId", "previousUploadId", "createdAt", "target", "catalogVersion", "scoreFormula", "contentSha256",
           "workloadCount", "readyCount", "needsChangesCount", "blockedCount", "migratedCount", "skippedCount", "errorCount", "inventoryContext",
           "newWorkloadCount", "removedWorkloadCount", "newFindingCount", "resolvedFindingCount", "regressedFindingCount",
           "newRuleFindingCount", "unchangedFindingCount")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        cluster.id,
        series.seriesId,
        series.previousUploadId,
        now,
        result.target,
        result.catalogVersion,
        result.scoreFormula,
        input.contentSha256,
        counts.workloads,
        readiness.ready,
        readiness.needsChanges,
        readiness.blocked,
        counts.migrated,
        counts.skipped,
        result.errors.length,
        JSON.stringify(result.inventory),
        diff.newWorkloads.length,
        diff.removedWorkloads.length,
        diff.counts.new,
        diff.counts.resolved,
        diff.counts.regressed,
        diff.counts["new-rule"],
        diff.counts.unchanged,
      );
    const uploadId = Number(upload.lastInsertRowid);

    const insertFiles = sqlite.prepare(INSERT_FILES);
    for (const batch of fileBatches) insertFiles.run(uploadId, batch);

    // Explicit ids let findings reference their workload without reading rows back: safe, the writes
    // above hold SQLite's write lock until this transaction ends. AUTOINCREMENT's high-water mark, not
    // MAX(id): ids of deleted uploads' workloads are never handed out again.
    const last = sqlite
      .prepare(
        `SELECT MAX(COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Workload'), 0), COALESCE((SELECT MAX("id") FROM "Workload"), 0)) AS id`,
      )
      .get() as { id: number };
    const firstId = last.id + 1;
    const insertWorkloads = sqlite.prepare(INSERT_WORKLOADS);
    for (const batch of workloadRows(result, tracked)) insertWorkloads.run(firstId, uploadId, result.cluster, batch);
    const insertFindings = sqlite.prepare(INSERT_FINDINGS);
    for (const batch of findingRows(result, tracked)) insertFindings.run(firstId, uploadId, batch);
    const insertInventory = sqlite.prepare(INSERT_INVENTORY_FINDINGS);
    for (const batch of inventoryBatches) insertInventory.run(uploadId, batch);

    makeCurrent(sqlite, cluster.id, series.seriesId, uploadId);
    writeRemediationItems(sqlite, { clusterId: cluster.id, uploadId, result, tracked, now });
    return uploadId;
  });
  // IMMEDIATE: take the write lock at BEGIN, so the duplicate check and the id range hold until COMMIT.
  return write.immediate();
}
