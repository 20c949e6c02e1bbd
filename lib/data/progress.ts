// The overview's progress figures: current workloads by migration path, blockers by team, and the
// burn-down across a series' snapshots (stored per-upload counts; per team from the workload rows of
// a bounded number of uploads).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MIGRATION_PATHS, type MigrationPath } from "@/lib/scoring/migration-path";

/** Snapshots a burn-down shows: the newest ones of the series. */
export const BURN_DOWN_UPLOADS = 24;
/** Uploads whose workload rows the per-team burn-down reads (each may hold 50k rows). */
export const TEAM_BURN_DOWN_UPLOADS = 8;
export const TEAM_LIMIT = 8;

const count = (value: bigint | number | null) => Number(value ?? 0);
const clusterFilter = (cluster: string | null) => (cluster === null ? Prisma.empty : Prisma.sql`AND "clusterName" = ${cluster}`);

export async function getMigrationPathCounts(cluster: string | null): Promise<Record<MigrationPath, number>> {
  const rows = await db.$queryRaw<{ path: string; n: bigint | number }[]>`
    SELECT "migrationPath" AS path, COUNT(*) AS n FROM "Workload" WHERE "isCurrent" = true ${clusterFilter(cluster)} GROUP BY "migrationPath"`;
  const counts = Object.fromEntries(MIGRATION_PATHS.map((path) => [path, 0])) as Record<MigrationPath, number>;
  for (const row of rows) if ((MIGRATION_PATHS as readonly string[]).includes(row.path)) counts[row.path as MigrationPath] += count(row.n);
  return counts;
}

export interface TeamBlockers {
  /** null: no team resolved (no label, mapping or override). */
  team: string | null;
  blocked: number;
}

/** Teams with the most blocked current workloads, and how many more teams have any. */
export async function getBlockersByTeam(cluster: string | null, limit = TEAM_LIMIT): Promise<{ teams: TeamBlockers[]; otherTeams: number }> {
  const rows = await db.$queryRaw<{ team: string | null; n: bigint | number }[]>`
    SELECT "team", COUNT(*) AS n FROM "Workload" WHERE "isCurrent" = true AND "readiness" = 'blocked' ${clusterFilter(cluster)}
    GROUP BY "team" ORDER BY n DESC, "team" LIMIT ${limit + 1}`;
  const total = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(DISTINCT COALESCE("team", '')) AS n FROM "Workload" WHERE "isCurrent" = true AND "readiness" = 'blocked' ${clusterFilter(cluster)}`;
  const teams = rows.slice(0, limit).map((row) => ({ team: row.team, blocked: count(row.n) }));
  return { teams, otherTeams: Math.max(0, count(total[0]?.n ?? 0) - teams.length) };
}

export interface BurnDownPoint {
  uploadId: number;
  createdAt: Date;
  ready: number;
  blocked: number;
  migrated: number;
  total: number;
}

export interface ClusterBurnDown {
  cluster: string;
  target: string;
  points: BurnDownPoint[];
}

/** Each cluster's current series, oldest to newest snapshot, from the counts stored per upload. */
export async function getClusterBurnDowns(cluster: string | null): Promise<ClusterBurnDown[]> {
  const clusters = await db.cluster.findMany({
    where: { currentSeriesId: { not: null }, ...(cluster === null ? {} : { name: cluster }) },
    orderBy: { name: "asc" },
    select: { name: true, currentSeriesId: true },
  });
  const series = await db.series.findMany({
    where: { id: { in: clusters.flatMap((c) => (c.currentSeriesId === null ? [] : [c.currentSeriesId])) } },
    select: {
      id: true,
      target: true,
      uploads: {
        orderBy: { id: "desc" },
        take: BURN_DOWN_UPLOADS,
        select: { id: true, createdAt: true, readyCount: true, blockedCount: true, migratedCount: true, workloadCount: true },
      },
    },
  });
  const bySeries = new Map(series.map((s) => [s.id, s]));
  return clusters.flatMap(({ name, currentSeriesId }) => {
    const found = currentSeriesId === null ? undefined : bySeries.get(currentSeriesId);
    if (!found) return [];
    const points = found.uploads
      .map((u) => ({ uploadId: u.id, createdAt: u.createdAt, ready: u.readyCount, blocked: u.blockedCount, migrated: u.migratedCount, total: u.workloadCount }))
      .reverse();
    return [{ cluster: name, target: found.target, points }];
  });
}

export interface TeamBurnDown {
  uploads: { uploadId: number; createdAt: Date }[];
  /** Per team, one point per upload (same order); the teams with the most blocked workloads now. */
  teams: { team: string | null; points: { ready: number; blocked: number; migrated: number }[] }[];
}

/** One cluster's current series, per team, over its last TEAM_BURN_DOWN_UPLOADS snapshots. */
export async function getTeamBurnDown(cluster: string, limit = TEAM_LIMIT): Promise<TeamBurnDown> {
  const found = await db.cluster.findUnique({ where: { name: cluster }, select: { currentSeriesId: true } });
  if (!found || found.currentSeriesId === null) return { uploads: [], teams: [] };
  const uploads = (
    await db.upload.findMany({
      where: { seriesId: found.currentSeriesId },
      orderBy: { id: "desc" },
      take: TEAM_BURN_DOWN_UPLOADS,
      select: { id: true, createdAt: true },
    })
  ).reverse();
  if (uploads.length === 0) return { uploads: [], teams: [] };
  const ids = uploads.map((u) => u.id);
  const rows = await db.$queryRaw<{ uploadId: number | bigint; team: string | null; ready: bigint | number; blocked: bigint | number; migrated: bigint | number }[]>`
    SELECT "uploadId", "team",
      SUM(CASE WHEN "readiness" = 'ready' THEN 1 ELSE 0 END) AS ready,
      SUM(CASE WHEN "readiness" = 'blocked' THEN 1 ELSE 0 END) AS blocked,
      SUM(CASE WHEN "migrated" = true THEN 1 ELSE 0 END) AS migrated
    FROM "Workload" WHERE "uploadId" IN (${Prisma.join(ids)}) GROUP BY "uploadId", "team"`;
  const byTeam = new Map<string | null, { ready: number; blocked: number; migrated: number }[]>();
  for (const row of rows) {
    const index = ids.indexOf(Number(row.uploadId));
    let points = byTeam.get(row.team);
    if (!points) byTeam.set(row.team, (points = ids.map(() => ({ ready: 0, blocked: 0, migrated: 0 }))));
    points[index] = { ready: count(row.ready), blocked: count(row.blocked), migrated: count(row.migrated) };
  }
  const last = ids.length - 1;
  const teams = [...byTeam]
    .map(([team, points]) => ({ team, points }))
    .sort((a, b) => b.points[last].blocked - a.points[last].blocked || b.points[0].blocked - a.points[0].blocked || String(a.team).localeCompare(String(b.team)))
    .slice(0, limit);
  return { uploads: uploads.map((u) => ({ uploadId: u.id, createdAt: u.createdAt })), teams };
}
