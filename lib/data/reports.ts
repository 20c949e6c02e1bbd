import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  addCounts,
  emptyPathCounts,
  readinessPercent,
  REPORT_BLOCKED_LIMIT,
  REPORT_TOP_RULES_LIMIT,
  reportRule,
  reportTitle,
  sortGroups,
  toBlocker,
  type ReportAcceptedRisk,
  type ReportBlockedWorkload,
  type ReportCounts,
  type ReportGroup,
  type ReportModel,
  type ReportScope,
  type ReportTrend,
} from "@/lib/export/report-model";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import type { Remedy } from "@/lib/rules/types";
import { type MigrationPath } from "@/lib/scoring/migration-path";
import { isReadyToMove } from "@/lib/scoring/sizing";

/** Snapshots per cluster shown in the trend (the newest). */
const TREND_POINTS_LIMIT = 24;

export interface ReportFilter {
  cluster?: string | null;
  team?: string | null;
}

export interface ReportOptions {
  now?: Date;
  blockedLimit?: number;
  /** Accepted risks (waivers) in force; the section is rendered only when given. */
  acceptedRisks?: ReportAcceptedRisk[];
}

/**
 * lib/scoring/migration-path.ts in SQL, per workload: the highest rank of its current findings
 * (3 stays-on-runc, 2 platform-work, 1 manifest-fixes, none: ready). reports.test.ts checks that the
 * two agree on every combination.
 */
const PATH_RANK_SQL = Prisma.sql`(
  SELECT MAX(CASE
    WHEN f."severity" = 'blocker' AND f."remedy" = 'keep-on-runc' THEN 3
    WHEN f."severity" <> 'info' AND f."remedy" = 'platform' THEN 2
    WHEN f."severity" <> 'info' THEN 1
    ELSE 0 END)
  FROM "Finding" f WHERE f."workloadId" = w."id")`;
const PATH_BY_RANK: readonly MigrationPath[] = ["ready", "manifest-fixes", "platform-work", "stays-on-runc"];

type Num = bigint | number | null;

interface CubeRow {
  clusterName: string;
  team: string | null;
  readiness: string;
  migrated: Num;
  pathRank: Num;
  n: Num;
  pods: Num;
  perNode: Num;
  overheadMemoryMiB: Num;
  overheadMilliCpu: Num;
  vmMemoryMiB: Num;
  vmVcpus: Num;
}

function whereSql({ cluster, team }: ReportFilter): Prisma.Sql {
  const parts = [Prisma.sql`w."isCurrent" = 1`];
  if (cluster) parts.push(Prisma.sql`w."clusterName" = ${cluster}`);
  if (team) parts.push(Prisma.sql`w."team" = ${team}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The readiness report over the current snapshot(s), filtered by cluster and/or team. Counts, paths,
 * team and cluster tables, rule ranking and sizing are aggregated in SQL; only the listed blocked
 * workloads (at most `blockedLimit`) are read row by row, so 50k workloads are never loaded.
 */
export async function getReportModel(filter: ReportFilter = {}, options: ReportOptions = {}): Promise<ReportModel> {
  const scope: ReportScope = { cluster: filter.cluster || null, team: filter.team || null };
  const where = whereSql(scope);
  const blockedLimit = options.blockedLimit ?? REPORT_BLOCKED_LIMIT;

  const [cube, ruleRows, blockedRows, targetRows, trend] = await Promise.all([
    db.$queryRaw<CubeRow[]>`
      SELECT w."clusterName" AS clusterName, w."team" AS team, w."readiness" AS readiness, w."migrated" AS migrated,
        COALESCE(${PATH_RANK_SQL}, 0) AS pathRank,
        COUNT(*) AS n,
        SUM(w."replicas") AS pods,
        SUM(w."perNode") AS perNode,
        SUM(w."overheadMemoryMiB" * w."replicas") AS overheadMemoryMiB,
        SUM(w."overheadMilliCpu" * w."replicas") AS overheadMilliCpu,
        SUM(w."vmMemoryMiB" * w."replicas") AS vmMemoryMiB,
        SUM(w."vmVcpus" * w."replicas") AS vmVcpus
      FROM "Workload" w
      WHERE ${where}
      GROUP BY w."clusterName", w."team", w."readiness", w."migrated", pathRank`,
    // A rule firing on several containers of one workload blocks that workload once.
    db.$queryRaw<{ ruleId: string; n: Num }[]>`
      SELECT f."ruleId" AS ruleId, COUNT(DISTINCT f."workloadId") AS n
      FROM "Finding" f JOIN "Workload" w ON w."id" = f."workloadId"
      WHERE f."isCurrent" = 1 AND f."severity" = 'blocker' AND ${where}
      GROUP BY f."ruleId" ORDER BY n DESC, f."ruleId" ASC LIMIT ${REPORT_TOP_RULES_LIMIT}`,
    db.$queryRaw<{ id: number; identity: string; clusterName: string; namespace: string; kind: string; name: string; team: string | null; score: Num; pathRank: Num }[]>`
      SELECT w."id" AS id, w."identity" AS identity, w."clusterName" AS clusterName, w."namespace" AS namespace, w."kind" AS kind,
        w."name" AS name, w."team" AS team, w."score" AS score, COALESCE(${PATH_RANK_SQL}, 0) AS pathRank
      FROM "Workload" w
      WHERE ${where} AND w."readiness" = 'blocked'
      ORDER BY w."score" ASC, w."blockerCount" DESC, w."identity" ASC
      LIMIT ${blockedLimit}`,
    db.$queryRaw<{ target: string }[]>`
      SELECT DISTINCT u."target" AS target FROM "Upload" u
      WHERE EXISTS (SELECT 1 FROM "Workload" w WHERE w."uploadId" = u."id" AND ${where})
      ORDER BY u."target"`,
    getTrend(scope),
  ]);

  const findings = await db.finding.findMany({
    where: { workloadId: { in: blockedRows.map((row) => row.id) }, severity: "blocker" },
    select: { workloadId: true, ruleId: true, container: true, path: true, message: true, remedy: true },
    orderBy: [{ workloadId: "asc" }, { id: "asc" }],
  });
  const blockersOf = new Map<number, typeof findings>();
  for (const finding of findings) blockersOf.set(finding.workloadId, [...(blockersOf.get(finding.workloadId) ?? []), finding]);

  const counts: ReportCounts = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  const paths = emptyPathCounts();
  const teams = new Map<string | null, ReportGroup>();
  const clusters = new Map<string | null, ReportGroup>();
  const sizing = { workloads: 0, pods: 0, perNodeWorkloads: 0, overheadMemoryMiB: 0, overheadMilliCpu: 0, vmMemoryMiB: 0, vmVcpus: 0 };
  for (const row of cube) {
    const n = Number(row.n);
    const migrated = Number(row.migrated) !== 0;
    const path = PATH_BY_RANK[Number(row.pathRank)] ?? "ready";
    addCounts(counts, row.readiness, migrated, n);
    paths[path] += n;
    // null and "" teams both read as "no team".
    addToGroup(teams, row.team || null, row.readiness, migrated, path, n);
    addToGroup(clusters, row.clusterName, row.readiness, migrated, path, n);
    if (isReadyToMove({ readiness: row.readiness, migrated })) {
      sizing.workloads += n;
      sizing.pods += Number(row.pods ?? 0);
      sizing.perNodeWorkloads += Number(row.perNode ?? 0);
      sizing.overheadMemoryMiB += Number(row.overheadMemoryMiB ?? 0);
      sizing.overheadMilliCpu += Number(row.overheadMilliCpu ?? 0);
      sizing.vmMemoryMiB += Number(row.vmMemoryMiB ?? 0);
      sizing.vmVcpus += Number(row.vmVcpus ?? 0);
    }
  }
  sizing.vmVcpus = Math.round(sizing.vmVcpus * 100) / 100;

  const blocked: ReportBlockedWorkload[] = blockedRows.map((row) => ({
    identity: row.identity,
    cluster: row.clusterName,
    namespace: row.namespace,
    kind: row.kind,
    name: row.name,
    team: row.team || null,
    score: Number(row.score),
    path: PATH_BY_RANK[Number(row.pathRank)] ?? "ready",
    blockers: (blockersOf.get(row.id) ?? []).map((f) =>
      toBlocker({ ruleId: f.ruleId, container: f.container, path: f.path, message: f.message, remedy: (f.remedy as Remedy | null) ?? null }),
    ),
  }));

  return {
    title: reportTitle(scope),
    scope,
    generatedAt: options.now ?? new Date(),
    targets: targetRows.map((row) => row.target),
    catalogVersion: CATALOG_VERSION,
    counts,
    readinessPercent: readinessPercent(counts),
    paths,
    trend,
    topBlockingRules: ruleRows.map((row) => reportRule(row.ruleId, Number(row.n))),
    teams: sortGroups([...teams.values()]),
    clusters: sortGroups([...clusters.values()]),
    blocked: { workloads: blocked, total: counts.blocked },
    acceptedRisks: options.acceptedRisks,
    sizing,
  };
}

function addToGroup(groups: Map<string | null, ReportGroup>, label: string | null, readiness: string, migrated: boolean, path: MigrationPath, n: number) {
  const group = groups.get(label) ?? { label, workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0, paths: emptyPathCounts() };
  addCounts(group, readiness, migrated, n);
  group.paths[path] += n;
  groups.set(label, group);
}

/**
 * Readiness per snapshot for the clusters in scope that have several. Without a team filter the
 * upload's stored counts are the snapshot; with one, its workloads are counted per upload.
 */
async function getTrend({ cluster, team }: ReportScope): Promise<ReportTrend[]> {
  const clusterSql = cluster ? Prisma.sql`AND c."name" = ${cluster}` : Prisma.empty;
  const rows = team
    ? await db.$queryRaw<{ cluster: string; uploadId: number; at: Date | string | number; workloads: Num; ready: Num; needsChanges: Num; blocked: Num }[]>`
        SELECT c."name" AS cluster, u."id" AS uploadId, u."createdAt" AS at, COUNT(*) AS workloads,
          SUM(w."readiness" = 'ready') AS ready, SUM(w."readiness" = 'needs-changes') AS needsChanges, SUM(w."readiness" = 'blocked') AS blocked
        FROM "Upload" u JOIN "Cluster" c ON c."id" = u."clusterId" JOIN "Workload" w ON w."uploadId" = u."id"
        WHERE w."team" = ${team} ${clusterSql}
        GROUP BY u."id" ORDER BY c."name", u."createdAt", u."id"`
    : await db.$queryRaw<{ cluster: string; uploadId: number; at: Date | string | number; workloads: Num; ready: Num; needsChanges: Num; blocked: Num }[]>`
        SELECT c."name" AS cluster, u."id" AS uploadId, u."createdAt" AS at, u."workloadCount" AS workloads,
          u."readyCount" AS ready, u."needsChangesCount" AS needsChanges, u."blockedCount" AS blocked
        FROM "Upload" u JOIN "Cluster" c ON c."id" = u."clusterId"
        WHERE 1 = 1 ${clusterSql}
        ORDER BY c."name", u."createdAt", u."id"`;

  const byCluster = new Map<string, ReportTrend>();
  for (const row of rows) {
    const series = byCluster.get(row.cluster) ?? { cluster: row.cluster, points: [] };
    series.points.push({
      at: new Date(row.at),
      workloads: Number(row.workloads),
      ready: Number(row.ready ?? 0),
      needsChanges: Number(row.needsChanges ?? 0),
      blocked: Number(row.blocked ?? 0),
    });
    byCluster.set(row.cluster, series);
  }
  return [...byCluster.values()]
    .filter((series) => series.points.length > 1)
    .map((series) => ({ ...series, points: series.points.slice(-TREND_POINTS_LIMIT) }));
}

/** What the Reports page offers to pick: clusters and teams of the current snapshots. */
export async function getReportScopes(): Promise<{ clusters: string[]; teams: string[] }> {
  const [clusters, teams] = await Promise.all([
    db.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ team: string }[]>`
      SELECT DISTINCT w."team" AS team FROM "Workload" w
      WHERE w."isCurrent" = 1 AND w."team" IS NOT NULL AND w."team" <> '' ORDER BY w."team"`,
  ]);
  return { clusters: clusters.map((row) => row.name), teams: teams.map((row) => row.team) };
}
