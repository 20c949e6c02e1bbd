-- Remediation items whose every showing upload is deleted keep their decisions with no upload to point at.
-- As in 20261202210000_json_columns: redefining the table must not reset its AUTOINCREMENT counter.
CREATE TEMP TABLE "_kept_sequence" AS SELECT "name", "seq" FROM "sqlite_sequence" WHERE "name" = 'RemediationItem';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RemediationItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "identity" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "assignee" TEXT,
    "dueDate" DATETIME,
    "note" TEXT,
    "firstSeenUploadId" INTEGER,
    "lastSeenUploadId" INTEGER,
    "resolvedInUploadId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RemediationItem_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RemediationItem" ("assignee", "clusterId", "createdAt", "dueDate", "fingerprint", "firstSeenUploadId", "id", "identity", "lastSeenUploadId", "note", "resolvedInUploadId", "ruleId", "status", "updatedAt") SELECT "assignee", "clusterId", "createdAt", "dueDate", "fingerprint", "firstSeenUploadId", "id", "identity", "lastSeenUploadId", "note", "resolvedInUploadId", "ruleId", "status", "updatedAt" FROM "RemediationItem";
DROP TABLE "RemediationItem";
ALTER TABLE "new_RemediationItem" RENAME TO "RemediationItem";
CREATE INDEX "RemediationItem_clusterId_identity_idx" ON "RemediationItem"("clusterId", "identity");
CREATE INDEX "RemediationItem_status_dueDate_idx" ON "RemediationItem"("status", "dueDate");
CREATE INDEX "RemediationItem_assignee_idx" ON "RemediationItem"("assignee");
CREATE UNIQUE INDEX "RemediationItem_clusterId_fingerprint_key" ON "RemediationItem"("clusterId", "fingerprint");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


DELETE FROM "sqlite_sequence" WHERE "name" IN (SELECT "name" FROM "_kept_sequence");
INSERT INTO "sqlite_sequence" ("name", "seq") SELECT "name", "seq" FROM "_kept_sequence";
DROP TABLE "_kept_sequence";
