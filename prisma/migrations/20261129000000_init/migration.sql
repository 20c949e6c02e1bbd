-- CreateTable
CREATE TABLE "Cluster" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
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
    CONSTRAINT "Upload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UploadFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uploadId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "syntax" TEXT,
    "objects" INTEGER NOT NULL,
    "workloads" INTEGER NOT NULL,
    "skipped" TEXT NOT NULL,
    "errors" TEXT NOT NULL,
    CONSTRAINT "UploadFile_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Workload" (
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
    "source" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "readiness" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Finding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workloadId" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "ruleId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "remedy" TEXT,
    "container" TEXT,
    "path" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "Finding_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InventoryFinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uploadId" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "remedy" TEXT,
    "source" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "InventoryFinding_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "Upload_clusterId_createdAt_idx" ON "Upload"("clusterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_clusterId_target_contentSha256_key" ON "Upload"("clusterId", "target", "contentSha256");

-- CreateIndex
CREATE INDEX "UploadFile_uploadId_idx" ON "UploadFile"("uploadId");

-- CreateIndex
CREATE INDEX "Workload_isCurrent_readiness_score_idx" ON "Workload"("isCurrent", "readiness", "score");

-- CreateIndex
CREATE INDEX "Workload_isCurrent_score_idx" ON "Workload"("isCurrent", "score");

-- CreateIndex
CREATE INDEX "Workload_isCurrent_name_idx" ON "Workload"("isCurrent", "name");

-- CreateIndex
CREATE INDEX "Workload_isCurrent_clusterName_namespace_idx" ON "Workload"("isCurrent", "clusterName", "namespace");

-- CreateIndex
CREATE INDEX "Workload_table_idx" ON "Workload"("isCurrent", "readiness", "clusterName", "namespace", "kind", "team", "name", "score", "blockerCount", "warningCount", "migrated");

-- CreateIndex
CREATE INDEX "Workload_overview_idx" ON "Workload"("isCurrent", "clusterName", "namespace", "readiness", "score", "migrated", "replicas", "perNode", "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu");

-- CreateIndex
CREATE INDEX "Workload_uploadId_idx" ON "Workload"("uploadId");

-- CreateIndex
CREATE INDEX "Workload_identity_idx" ON "Workload"("identity");

-- CreateIndex
CREATE INDEX "Finding_workloadId_idx" ON "Finding"("workloadId");

-- CreateIndex
CREATE INDEX "Finding_isCurrent_ruleId_workloadId_idx" ON "Finding"("isCurrent", "ruleId", "workloadId");

-- CreateIndex
CREATE INDEX "Finding_isCurrent_severity_workloadId_idx" ON "Finding"("isCurrent", "severity", "workloadId");

-- CreateIndex
CREATE INDEX "Finding_isCurrent_severity_ruleId_workloadId_idx" ON "Finding"("isCurrent", "severity", "ruleId", "workloadId");

-- CreateIndex
CREATE INDEX "InventoryFinding_uploadId_idx" ON "InventoryFinding"("uploadId");

