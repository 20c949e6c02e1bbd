-- JSON columns as Prisma Json (SQLite stores them as text, as before; the import worker keeps writing JSON text).
-- Prisma redefines the tables to change the declared type. Dropping a table drops its AUTOINCREMENT counter, and
-- the copy would restart from the largest remaining id: ids of deleted rows would be given out again. Keep them.
CREATE TEMP TABLE "_kept_sequence" AS SELECT "name", "seq" FROM "sqlite_sequence" WHERE "name" IN ('Upload', 'UploadFile', 'Workload');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Upload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "previousUploadId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "target" TEXT NOT NULL,
    "catalogVersion" TEXT NOT NULL,
    "scoreFormula" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "workloadCount" INTEGER NOT NULL,
    "readyCount" INTEGER NOT NULL,
    "needsChangesCount" INTEGER NOT NULL,
    "blockedCount" INTEGER NOT NULL,
    "migratedCount" INTEGER NOT NULL,
    "skippedCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "inventoryContext" JSONB,
    "newWorkloadCount" INTEGER NOT NULL DEFAULT 0,
    "removedWorkloadCount" INTEGER NOT NULL DEFAULT 0,
    "newFindingCount" INTEGER NOT NULL DEFAULT 0,
    "resolvedFindingCount" INTEGER NOT NULL DEFAULT 0,
    "regressedFindingCount" INTEGER NOT NULL DEFAULT 0,
    "newRuleFindingCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedFindingCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Upload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Upload" ("blockedCount", "catalogVersion", "clusterId", "contentSha256", "createdAt", "errorCount", "id", "inventoryContext", "migratedCount", "needsChangesCount", "newFindingCount", "newRuleFindingCount", "newWorkloadCount", "previousUploadId", "readyCount", "regressedFindingCount", "removedWorkloadCount", "resolvedFindingCount", "scoreFormula", "seriesId", "skippedCount", "target", "unchangedFindingCount", "workloadCount") SELECT "blockedCount", "catalogVersion", "clusterId", "contentSha256", "createdAt", "errorCount", "id", "inventoryContext", "migratedCount", "needsChangesCount", "newFindingCount", "newRuleFindingCount", "newWorkloadCount", "previousUploadId", "readyCount", "regressedFindingCount", "removedWorkloadCount", "resolvedFindingCount", "scoreFormula", "seriesId", "skippedCount", "target", "unchangedFindingCount", "workloadCount" FROM "Upload";
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE INDEX "Upload_clusterId_createdAt_idx" ON "Upload"("clusterId", "createdAt");
CREATE INDEX "Upload_seriesId_id_idx" ON "Upload"("seriesId", "id");
CREATE UNIQUE INDEX "Upload_clusterId_target_contentSha256_key" ON "Upload"("clusterId", "target", "contentSha256");
CREATE TABLE "new_UploadFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uploadId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "syntax" TEXT,
    "objects" INTEGER NOT NULL,
    "workloads" INTEGER NOT NULL,
    "skipped" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    CONSTRAINT "UploadFile_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_UploadFile" ("bytes", "errors", "format", "id", "name", "objects", "sha256", "skipped", "syntax", "uploadId", "workloads") SELECT "bytes", "errors", "format", "id", "name", "objects", "sha256", "skipped", "syntax", "uploadId", "workloads" FROM "UploadFile";
DROP TABLE "UploadFile";
ALTER TABLE "new_UploadFile" RENAME TO "UploadFile";
CREATE INDEX "UploadFile_uploadId_idx" ON "UploadFile"("uploadId");
CREATE TABLE "new_Workload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uploadId" INTEGER NOT NULL,
    "clusterName" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "identity" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "team" TEXT,
    "owner" TEXT,
    "source" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "readiness" TEXT NOT NULL,
    "migrationPath" TEXT NOT NULL DEFAULT 'ready',
    "rawScore" INTEGER NOT NULL DEFAULT 100,
    "rawReadiness" TEXT NOT NULL DEFAULT 'ready',
    "rawMigrationPath" TEXT NOT NULL DEFAULT 'ready',
    "waiverCheckAt" DATETIME,
    "migrated" BOOLEAN NOT NULL,
    "blockerCount" INTEGER NOT NULL,
    "warningCount" INTEGER NOT NULL,
    "infoCount" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "sizing" JSONB NOT NULL,
    "vmMemoryMiB" INTEGER NOT NULL,
    "vmVcpus" REAL NOT NULL,
    "overheadMemoryMiB" INTEGER NOT NULL,
    "overheadMilliCpu" INTEGER NOT NULL,
    "replicas" INTEGER NOT NULL DEFAULT 1,
    "perNode" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Workload_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Workload" ("blockerCount", "clusterName", "id", "identity", "infoCount", "isCurrent", "kind", "migrated", "migrationPath", "name", "namespace", "overheadMemoryMiB", "overheadMilliCpu", "owner", "perNode", "platform", "rawMigrationPath", "rawReadiness", "rawScore", "readiness", "replicas", "score", "sizing", "source", "spec", "team", "uploadId", "vmMemoryMiB", "vmVcpus", "waiverCheckAt", "warningCount") SELECT "blockerCount", "clusterName", "id", "identity", "infoCount", "isCurrent", "kind", "migrated", "migrationPath", "name", "namespace", "overheadMemoryMiB", "overheadMilliCpu", "owner", "perNode", "platform", "rawMigrationPath", "rawReadiness", "rawScore", "readiness", "replicas", "score", "sizing", "source", "spec", "team", "uploadId", "vmMemoryMiB", "vmVcpus", "waiverCheckAt", "warningCount" FROM "Workload";
DROP TABLE "Workload";
ALTER TABLE "new_Workload" RENAME TO "Workload";
CREATE INDEX "Workload_isCurrent_readiness_score_idx" ON "Workload"("isCurrent", "readiness", "score");
CREATE INDEX "Workload_isCurrent_score_idx" ON "Workload"("isCurrent", "score");
CREATE INDEX "Workload_isCurrent_rawScore_idx" ON "Workload"("isCurrent", "rawScore");
CREATE INDEX "Workload_isCurrent_name_idx" ON "Workload"("isCurrent", "name");
CREATE INDEX "Workload_isCurrent_clusterName_namespace_idx" ON "Workload"("isCurrent", "clusterName", "namespace");
CREATE INDEX "Workload_table_idx" ON "Workload"("isCurrent", "readiness", "clusterName", "namespace", "kind", "team", "name", "score", "blockerCount", "warningCount", "migrated", "rawReadiness");
CREATE INDEX "Workload_overview_idx" ON "Workload"("isCurrent", "clusterName", "namespace", "readiness", "score", "migrated", "replicas", "perNode", "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu", "migrationPath", "rawReadiness", "rawScore", "rawMigrationPath");
CREATE INDEX "Workload_uploadId_identity_team_readiness_migrated_idx" ON "Workload"("uploadId", "identity", "team", "readiness", "migrated");
CREATE INDEX "Workload_identity_idx" ON "Workload"("identity");
CREATE INDEX "Workload_isCurrent_waiverCheckAt_idx" ON "Workload"("isCurrent", "waiverCheckAt");
CREATE TABLE "new_Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Setting" ("key", "updatedAt", "value") SELECT "key", "updatedAt", "value" FROM "Setting";
DROP TABLE "Setting";
ALTER TABLE "new_Setting" RENAME TO "Setting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

DELETE FROM "sqlite_sequence" WHERE "name" IN (SELECT "name" FROM "_kept_sequence");
INSERT INTO "sqlite_sequence" ("name", "seq") SELECT "name", "seq" FROM "_kept_sequence";
DROP TABLE "_kept_sequence";
