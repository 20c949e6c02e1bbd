import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATALOG, findRule } from "@/lib/rules/catalog";
import type { Reference, Remedy, Rule, Severity } from "@/lib/rules/types";
import type { Platform } from "@/lib/inventory/types";
import { PROFILES, type ProfileId } from "@/lib/scoring/profiles";

export const AFFECTED_WORKLOADS_LIMIT = 50;

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  remedy: Remedy | null;
  scope: Rule["scope"];
  /** The catalog version that introduced the rule. */
  since: Rule["since"];
  /** Platforms a workload rule checks; empty for declared and inventory rules. */
  platforms: Platform[];
  /** Target profiles the rule runs under; null when it runs under all of them. */
  profiles: ProfileId[] | null;
  /** Current workloads with a finding of the rule (workload and declared rules). */
  affectedWorkloads: number;
  /** Clusters whose current upload has the finding (inventory rules). */
  affectedClusters: number;
}

export interface RuleDetail extends RuleSummary {
  summary: string;
  why: string;
  remediation: string;
  references: Reference[];
}

export interface AffectedWorkload {
  id: number;
  name: string;
  kind: string;
  namespace: string;
  clusterName: string;
  readiness: string;
  score: number;
  findings: { severity: string; container: string | null; path: string; message: string }[];
}

export interface AffectedCluster {
  uploadId: number;
  clusterName: string;
  findings: { severity: string; source: string; path: string; message: string }[];
}

export interface RulePageData {
  rule: RuleDetail;
  workloads: AffectedWorkload[];
  clusters: AffectedCluster[];
}

interface CountRow {
  ruleId: string;
  n: bigint | number;
}

/** The whole catalog with affected counts: two grouped queries, whatever the catalog's size. */
export async function getRules(): Promise<RuleSummary[]> {
  const [workloadCounts, clusterCounts] = await Promise.all([countAffectedWorkloads(), countAffectedClusters()]);
  return CATALOG.map((rule) => toSummary(rule, workloadCounts.get(rule.id) ?? 0, clusterCounts.get(rule.id) ?? 0));
}

/** One rule with the first affected workloads (lowest score first); null for an unknown id. */
export async function getRulePage(id: string): Promise<RulePageData | null> {
  const rule = findRule(id);
  if (!rule) return null;

  const [workloadCounts, clusterCounts, workloads, clusters] = await Promise.all([
    countAffectedWorkloads(id),
    countAffectedClusters(id),
    getAffectedWorkloads(id),
    rule.scope === "inventory" ? getAffectedClusters(id) : Promise.resolve([]),
  ]);

  return {
    rule: {
      ...toSummary(rule, workloadCounts.get(id) ?? 0, clusterCounts.get(id) ?? 0),
      summary: rule.summary,
      why: rule.why,
      remediation: rule.remediation,
      references: rule.references,
    },
    workloads,
    clusters,
  };
}

// Pick the page from the covering overview index (never the wide rows), then load only those 50.
async function getAffectedWorkloads(ruleId: string): Promise<AffectedWorkload[]> {
  const ids = await db.$queryRaw<{ id: bigint | number }[]>`
    SELECT w."id" AS id FROM "Workload" AS w INDEXED BY "Workload_overview_idx"
    WHERE w."isCurrent" = 1
      AND w."id" IN (SELECT f."workloadId" FROM "Finding" f WHERE f."isCurrent" = 1 AND f."ruleId" = ${ruleId})
    ORDER BY w."score" ASC, w."clusterName" ASC, w."namespace" ASC, w."id" ASC
    LIMIT ${AFFECTED_WORKLOADS_LIMIT}`;
  const order = new Map(ids.map((row, index) => [Number(row.id), index]));
  const workloads = await db.workload.findMany({
    where: { id: { in: [...order.keys()] } },
    select: {
      id: true,
      name: true,
      kind: true,
      namespace: true,
      clusterName: true,
      readiness: true,
      score: true,
      findings: {
        where: { ruleId },
        select: { severity: true, container: true, path: true, message: true },
        orderBy: { id: "asc" },
        take: 3,
      },
    },
  });
  return workloads.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function toSummary(rule: Rule, affectedWorkloads: number, affectedClusters: number): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    remedy: rule.remedy,
    scope: rule.scope,
    since: rule.since,
    platforms: rule.scope === "workload" ? [...rule.appliesTo] : [],
    profiles: rule.scope === "workload" && rule.profiles ? PROFILES.filter(rule.profiles).map((profile) => profile.id) : null,
    affectedWorkloads,
    affectedClusters,
  };
}

async function countAffectedWorkloads(ruleId?: string): Promise<Map<string, number>> {
  // A rule firing on several containers of one workload affects that workload once.
  const rows = ruleId
    ? await db.$queryRaw<CountRow[]>`
        SELECT "ruleId" AS ruleId, COUNT(DISTINCT "workloadId") AS n FROM "Finding"
        WHERE "isCurrent" = 1 AND "ruleId" = ${ruleId} GROUP BY "ruleId"`
    : await db.$queryRaw<CountRow[]>`
        SELECT "ruleId" AS ruleId, COUNT(DISTINCT "workloadId") AS n FROM "Finding"
        WHERE "isCurrent" = 1 GROUP BY "ruleId"`;
  return new Map(rows.map((row) => [row.ruleId, Number(row.n)]));
}

// A cluster's current state is the current upload of its current series.
const CURRENT_UPLOAD_IDS = Prisma.sql`SELECT s."currentUploadId" FROM "Cluster" c JOIN "Series" s ON s."id" = c."currentSeriesId" WHERE s."currentUploadId" IS NOT NULL`;

async function countAffectedClusters(ruleId?: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<CountRow[]>`
    SELECT f."ruleId" AS ruleId, COUNT(DISTINCT u."clusterId") AS n
    FROM "InventoryFinding" f JOIN "Upload" u ON u."id" = f."uploadId"
    WHERE u."id" IN (${CURRENT_UPLOAD_IDS})
      AND (${ruleId ?? null} IS NULL OR f."ruleId" = ${ruleId ?? null})
    GROUP BY f."ruleId"`;
  return new Map(rows.map((row) => [row.ruleId, Number(row.n)]));
}

async function getAffectedClusters(ruleId: string): Promise<AffectedCluster[]> {
  const latest = await db.$queryRaw<{ id: bigint | number }[]>`SELECT "currentUploadId" AS id FROM (${CURRENT_UPLOAD_IDS}) AS current`;
  const uploads = await db.upload.findMany({
    where: { id: { in: latest.map((row) => Number(row.id)) }, inventoryFindings: { some: { ruleId } } },
    select: {
      id: true,
      cluster: { select: { name: true } },
      inventoryFindings: {
        where: { ruleId },
        select: { severity: true, source: true, path: true, message: true },
        orderBy: { id: "asc" },
        take: 5,
      },
    },
    orderBy: { cluster: { name: "asc" } },
    take: AFFECTED_WORKLOADS_LIMIT,
  });
  return uploads.map((upload) => ({ uploadId: upload.id, clusterName: upload.cluster.name, findings: upload.inventoryFindings }));
}
