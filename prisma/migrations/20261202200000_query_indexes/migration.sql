-- DropIndex
DROP INDEX "Workload_table_idx";

-- DropIndex
DROP INDEX "Workload_overview_idx";

-- DropIndex
DROP INDEX "Workload_uploadId_idx";

-- DropIndex
DROP INDEX "Finding_isCurrent_severity_ruleId_workloadId_idx";

-- CreateIndex
CREATE INDEX "Workload_isCurrent_rawScore_idx" ON "Workload"("isCurrent", "rawScore");

-- CreateIndex
CREATE INDEX "Workload_table_idx" ON "Workload"("isCurrent", "readiness", "clusterName", "namespace", "kind", "team", "name", "score", "blockerCount", "warningCount", "migrated", "rawReadiness");

-- CreateIndex
CREATE INDEX "Workload_overview_idx" ON "Workload"("isCurrent", "clusterName", "namespace", "readiness", "score", "migrated", "replicas", "perNode", "vmMemoryMiB", "vmVcpus", "overheadMemoryMiB", "overheadMilliCpu", "migrationPath", "rawReadiness", "rawScore", "rawMigrationPath");

-- CreateIndex
CREATE INDEX "Workload_uploadId_identity_team_readiness_migrated_idx" ON "Workload"("uploadId", "identity", "team", "readiness", "migrated");

-- CreateIndex
CREATE INDEX "Finding_uploadId_change_idx" ON "Finding"("uploadId", "change");

-- CreateIndex
CREATE INDEX "Finding_waiverId_isCurrent_workloadId_idx" ON "Finding"("waiverId", "isCurrent", "workloadId");

-- CreateIndex
CREATE INDEX "Finding_isCurrent_severity_ruleId_workloadId_waiverId_idx" ON "Finding"("isCurrent", "severity", "ruleId", "workloadId", "waiverId");

