// The lists behind an upload's diff counts, one page at a time in SQL: new and removed workloads, the
// findings whose Finding.change says new / regressed / new rule, and the previous upload's findings
// that are gone from workloads still present (resolved).
import "server-only";
import { db } from "@/lib/db";
import type { UploadDiffList } from "@/lib/validations/uploads";

export interface DiffWorkloadRow {
  workloadId: number;
  identity: string;
  namespace: string;
  kind: string;
  name: string;
  readiness: string;
}

export interface DiffFindingRow {
  findingId: number;
  workloadId: number;
  identity: string;
  ruleId: string;
  severity: string;
  message: string;
}

export type UploadDiffPage =
  | { list: "new-workloads" | "removed-workloads"; workloads: DiffWorkloadRow[] }
  | { list: "new" | "regressed" | "new-rule" | "resolved"; findings: DiffFindingRow[] };

/** Rows `offset`..`offset + limit` of one list; `previousUploadId` null means everything is new. */
export async function getUploadDiffPage(
  uploadId: number,
  previousUploadId: number | null,
  list: UploadDiffList,
  offset: number,
  limit: number,
): Promise<UploadDiffPage> {
  const previous = previousUploadId ?? -1;
  if (list === "new-workloads" || list === "removed-workloads") {
    const [from, other] = list === "new-workloads" ? [uploadId, previous] : [previous, uploadId];
    const workloads = await db.$queryRaw<DiffWorkloadRow[]>`
      SELECT w."id" AS "workloadId", w."identity", w."namespace", w."kind", w."name", w."readiness" FROM "Workload" w
      WHERE w."uploadId" = ${from}
        AND NOT EXISTS (SELECT 1 FROM "Workload" o WHERE o."uploadId" = ${other} AND o."identity" = w."identity")
      ORDER BY w."identity" LIMIT ${limit} OFFSET ${offset}`;
    return { list, workloads: workloads.map((row) => ({ ...row, workloadId: Number(row.workloadId) })) };
  }
  let findings: DiffFindingRow[];
  if (list === "resolved") {
    // Linked to the workload as it is in this upload: it is still there. Driven from this upload's
    // workloads in identity order (index uploadId, identity), so a page stops reading once it is full.
    findings = await db.$queryRaw<DiffFindingRow[]>`
      SELECT p."id" AS "findingId", w."id" AS "workloadId", w."identity", p."ruleId", p."severity", p."message"
      FROM "Workload" w
      JOIN "Workload" pw ON pw."uploadId" = ${previous} AND pw."identity" = w."identity"
      JOIN "Finding" p ON p."workloadId" = pw."id"
      WHERE w."uploadId" = ${uploadId} AND p."fingerprint" <> ''
        AND NOT EXISTS (SELECT 1 FROM "Finding" f WHERE f."uploadId" = ${uploadId} AND f."fingerprint" = p."fingerprint")
      ORDER BY w."identity", p."ruleId", p."id" LIMIT ${limit} OFFSET ${offset}`;
  } else {
    findings = await db.$queryRaw<DiffFindingRow[]>`
      SELECT f."id" AS "findingId", w."id" AS "workloadId", w."identity", f."ruleId", f."severity", f."message"
      FROM "Finding" f JOIN "Workload" w ON w."id" = f."workloadId"
      WHERE f."uploadId" = ${uploadId} AND f."change" = ${list}
      ORDER BY w."identity", f."ruleId", f."id" LIMIT ${limit} OFFSET ${offset}`;
  }
  return { list, findings: findings.map((row) => ({ ...row, findingId: Number(row.findingId), workloadId: Number(row.workloadId) })) };
}

