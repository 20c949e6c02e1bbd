-- Progress tracking (issue: snapshot series, diffs, decisions that outlive uploads).
-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "currentSeriesId" INTEGER;

-- CreateTable
CREATE TABLE "Series" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentUploadId" INTEGER,
    CONSTRAINT "Series_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemediationItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "identity" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "assignee" TEXT,
    "dueDate" DATETIME,
    "note" TEXT,
    "firstSeenUploadId" INTEGER NOT NULL,
    "lastSeenUploadId" INTEGER NOT NULL,
    "resolvedInUploadId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RemediationItem_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Waiver" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ruleId" TEXT NOT NULL,
    "cluster" TEXT,
    "namespace" TEXT,
    "team" TEXT,
    "workload" TEXT,
    "reason" TEXT NOT NULL,
    "approver" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "NamespaceTeam" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "namespace" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NamespaceTeam_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkloadOwner" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "identity" TEXT NOT NULL,
    "team" TEXT,
    "owner" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkloadOwner_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeclaredRequirement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "identity" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeclaredRequirement_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "clusterId" INTEGER,
    "identity" TEXT,
    "fingerprint" TEXT,
    "ruleId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER,
    "field" TEXT,
    "fromValue" TEXT,
    "toValue" TEXT
);

-- Existing uploads: one series per cluster and target, its newest upload current.
INSERT INTO "Series" ("clusterId", "target", "createdAt", "currentUploadId")
SELECT "clusterId", "target", MIN("createdAt"), MAX("id") FROM "Upload" GROUP BY "clusterId", "target";
-- A cluster shows the series it was uploaded to last, as the newest upload decided before.
UPDATE "Cluster" SET "currentSeriesId" = (
  SELECT s."id" FROM "Series" s JOIN "Upload" u ON u."clusterId" = s."clusterId" AND u."target" = s."target"
  WHERE s."clusterId" = "Cluster"."id" ORDER BY u."id" DESC LIMIT 1
);

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
    "inventoryContext" TEXT,
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
INSERT INTO "new_Upload" ("blockedCount", "catalogVersion", "clusterId", "contentSha256", "createdAt", "errorCount", "id", "migratedCount", "needsChangesCount", "readyCount", "scoreFormula", "skippedCount", "target", "workloadCount", "inventoryContext", "seriesId", "previousUploadId")
SELECT u."blockedCount", u."catalogVersion", u."clusterId", u."contentSha256", u."createdAt", u."errorCount", u."id", u."migratedCount", u."needsChangesCount", u."readyCount", u."scoreFormula", u."skippedCount", u."target", u."workloadCount", u."inventoryContext",
  (SELECT s."id" FROM "Series" s WHERE s."clusterId" = u."clusterId" AND s."target" = u."target"),
  (SELECT MAX(p."id") FROM "Upload" p WHERE p."clusterId" = u."clusterId" AND p."target" = u."target" AND p."id" < u."id")
FROM "Upload" u;
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE INDEX "Upload_clusterId_createdAt_idx" ON "Upload"("clusterId", "createdAt");
CREATE INDEX "Upload_seriesId_id_idx" ON "Upload"("seriesId", "id");
CREATE UNIQUE INDEX "Upload_clusterId_target_contentSha256_key" ON "Upload"("clusterId", "target", "contentSha256");
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
    "spec" TEXT NOT NULL,
    "sizing" TEXT NOT NULL,
    "vmMemoryMiB" INTEGER NOT NULL,
    "vmVcpus" REAL NOT NULL,
    "overheadMemoryMiB" INTEGER NOT NULL,
    "overheadMilliCpu" INTEGER NOT NULL,
    "replicas" INTEGER NOT NULL DEFAULT 1,
    "perNode" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Workload_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Workload" ("blockerCount", "clusterName", "id", "identity", "infoCount", "isCurrent", "kind", "migrated", "name", "namespace", "overheadMemoryMiB", "overheadMilliCpu", "perNode", "platform", "readiness", "replicas", "score", "sizing", "source", "spec", "team", "uploadId", "vmMemoryMiB", "vmVcpus", "warningCount", "rawScore", "rawReadiness", "migrationPath", "rawMigrationPath")
SELECT w."blockerCount", w."clusterName", w."id", w."identity", w."infoCount", w."isCurrent", w."kind", w."migrated", w."name", w."namespace", w."overheadMemoryMiB", w."overheadMilliCpu", w."perNode", w."platform", w."readiness", w."replicas", w."score", w."sizing", w."source", w."spec", w."team", w."uploadId", w."vmMemoryMiB", w."vmVcpus", w."warningCount", w."score", w."readiness", p."path", p."path"
FROM "Workload" w JOIN (
  -- The migration path of lib/scoring/migration-path.ts, from the stored findings (no waivers existed yet).
  SELECT w2."id" AS "id", CASE
    WHEN EXISTS (SELECT 1 FROM "Finding" f WHERE f."workloadId" = w2."id" AND f."severity" = 'blocker' AND f."remedy" = 'keep-on-runc') THEN 'stays-on-runc'
    WHEN EXISTS (SELECT 1 FROM "Finding" f WHERE f."workloadId" = w2."id" AND f."severity" IN ('blocker', 'warning') AND f."remedy" = 'platform') THEN 'platform-work'
    WHEN EXISTS (SELECT 1 FROM "Finding" f WHERE f."workloadId" = w2."id" AND f."severity" IN ('blocker', 'warning')) THEN 'manifest-fixes'
    ELSE 'ready' END AS "path"
  FROM "Workload" w2
) p ON p."id" = w."id";
DROP TABLE "Workload";
ALTER TABLE "new_Workload" RENAME TO "Workload";
CREATE INDEX "Workload_isCurrent_readiness_score_idx" ON "Workload"("isCurrent", "readiness", "score");
CREATE INDEX "Workload_isCurrent_score_idx" ON "Workload"("isCurrent", "score");
CREATE INDEX "Workload_isCurrent_name_idx" ON "Workload"("isCurrent", "name");
CREATE INDEX "Workload_isCurrent_clusterName_namespace_idx" ON "Workload"("isCurrent", "clusterName", "namespace");
CREATE INDEX "Workload_table_idx" ON "Workload"("isCurrent", "readiness", "clusterName", "namespace", "kind", "team", "name", "score", "blockerCount", "warningCount", "migrated");
CREATE INDEX "Workload_overview_idx" ON "Workload"("isCurrent", "clusterName", "namespace", "readiness", "score", "migrated", "replicas", "perNode", "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu");
CREATE INDEX "Workload_uploadId_idx" ON "Workload"("uploadId");
CREATE INDEX "Workload_identity_idx" ON "Workload"("identity");
CREATE INDEX "Workload_isCurrent_waiverCheckAt_idx" ON "Workload"("isCurrent", "waiverCheckAt");
CREATE TABLE "new_Finding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workloadId" INTEGER NOT NULL,
    "uploadId" INTEGER NOT NULL DEFAULT 0,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "ruleId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "remedy" TEXT,
    "container" TEXT,
    "path" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL DEFAULT '',
    "change" TEXT,
    "waiverId" INTEGER,
    CONSTRAINT "Finding_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Finding" ("container", "id", "isCurrent", "message", "path", "remedy", "ruleId", "severity", "workloadId", "uploadId")
SELECT f."container", f."id", f."isCurrent", f."message", f."path", f."remedy", f."ruleId", f."severity", f."workloadId", w."uploadId" FROM "Finding" f JOIN "Workload" w ON w."id" = f."workloadId";
DROP TABLE "Finding";
ALTER TABLE "new_Finding" RENAME TO "Finding";
CREATE INDEX "Finding_workloadId_idx" ON "Finding"("workloadId");
CREATE INDEX "Finding_uploadId_fingerprint_idx" ON "Finding"("uploadId", "fingerprint");
CREATE INDEX "Finding_isCurrent_fingerprint_idx" ON "Finding"("isCurrent", "fingerprint");
CREATE INDEX "Finding_isCurrent_ruleId_workloadId_idx" ON "Finding"("isCurrent", "ruleId", "workloadId");
CREATE INDEX "Finding_isCurrent_severity_workloadId_idx" ON "Finding"("isCurrent", "severity", "workloadId");
CREATE INDEX "Finding_isCurrent_severity_ruleId_workloadId_idx" ON "Finding"("isCurrent", "severity", "ruleId", "workloadId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Series_currentUploadId_key" ON "Series"("currentUploadId");

-- CreateIndex
CREATE UNIQUE INDEX "Series_clusterId_target_key" ON "Series"("clusterId", "target");

-- CreateIndex
CREATE INDEX "RemediationItem_clusterId_identity_idx" ON "RemediationItem"("clusterId", "identity");

-- CreateIndex
CREATE INDEX "RemediationItem_status_dueDate_idx" ON "RemediationItem"("status", "dueDate");

-- CreateIndex
CREATE INDEX "RemediationItem_assignee_idx" ON "RemediationItem"("assignee");

-- CreateIndex
CREATE UNIQUE INDEX "RemediationItem_clusterId_fingerprint_key" ON "RemediationItem"("clusterId", "fingerprint");

-- CreateIndex
CREATE INDEX "Waiver_ruleId_idx" ON "Waiver"("ruleId");

-- CreateIndex
CREATE INDEX "Waiver_expiresAt_idx" ON "Waiver"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "NamespaceTeam_clusterId_namespace_key" ON "NamespaceTeam"("clusterId", "namespace");

-- CreateIndex
CREATE UNIQUE INDEX "WorkloadOwner_clusterId_identity_key" ON "WorkloadOwner"("clusterId", "identity");

-- CreateIndex
CREATE UNIQUE INDEX "DeclaredRequirement_clusterId_identity_requirement_key" ON "DeclaredRequirement"("clusterId", "identity", "requirement");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_clusterId_identity_at_idx" ON "AuditEvent"("clusterId", "identity", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_currentSeriesId_key" ON "Cluster"("currentSeriesId");

