-- The workloads table's default order, most urgent first: blocked, most blockers, most warnings, lowest score, name.
-- CreateIndex
CREATE INDEX "Workload_urgency_idx" ON "Workload"("isCurrent", "readiness", "blockerCount" DESC, "warningCount" DESC, "score", "name");

-- Its reverse, least urgent first, with names still A to Z.
-- CreateIndex
CREATE INDEX "Workload_urgency_desc_idx" ON "Workload"("isCurrent", "readiness" DESC, "blockerCount", "warningCount", "score" DESC, "name");
