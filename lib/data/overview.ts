import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/domain";
import { findRule } from "@/lib/rules/catalog";
import { isReadyToMove, type SizingSummary } from "@/lib/scoring/sizing";
import { refreshExpiredWaivers } from "./tracking";

const TOP_RULES_LIMIT = 8;
const TOP_NAMESPACES_LIMIT = 12;

export interface ReadinessCounts {
  total: number;
  ready: number;
  needsChanges: number;
  blocked: number;
}

export interface ReadinessGroup extends ReadinessCounts {
  label: string;
}

/** One namespace of one cluster: namespaces of the same name in two clusters are two groups. */
export interface NamespaceGroup extends ReadinessGroup {
  cluster: string;
  /** "" for Docker containers, which have no namespace. */
  namespace: string;
}

export interface OverviewTotals extends ReadinessCounts {
  migrated: number;
  /** Share of workloads that are ready, 0–100, rounded; 0 when there are none. */
  readinessPercent: number;
}

export interface RankedRule {
  ruleId: string;
  title: string;
  workloads: number;
}


export interface Overview {
  /** null: every cluster. */
  cluster: string | null;
  clusters: string[];
  totals: OverviewTotals;
  byCluster: ReadinessGroup[];
  /** The namespaces (per cluster) with the most workloads; `otherNamespaces` counts the rest. */
  byNamespace: NamespaceGroup[];
  otherNamespaces: number;
  topBlockingRules: RankedRule[];
  /** Warning rules of workloads that need changes (not blocked): what stands between them and ready. */
  topWarningRules: RankedRule[];
  /** Ready workloads not already on Kata: what moving them costs. */
  sizing: ReadySizing;
}

/** SizingSummary without the scheduler figures, which live only in the sizing JSON. */
export type ReadySizing = Omit<SizingSummary, "schedulerMemoryMiB" | "schedulerMilliCpu">;

export interface OverviewFilter {
  cluster?: string | null;
  /** Figures without any waiver (`waivers=off`). */
  withoutWaivers?: boolean;
}

/** One row per (cluster, namespace, readiness, migrated) of current workloads. */
interface CubeRow {
  clusterName: string;
  namespace: string;
  readiness: string;
  migrated: bigint | number;
  n: bigint | number;
  pods: bigint | number | null;
  perNode: bigint | number | null;
  overheadMemoryMiB: bigint | number | null;
  overheadMilliCpu: bigint | number | null;
  vmMemoryMiB: bigint | number | null;
  vmVcpus: bigint | number | null;
}

/**
 * Every aggregate of the overview page over current workloads. One grouped scan of
 * `Workload_overview_idx` (a covering index, so the wide spec/sizing rows are never read) yields all
 * counts, charts and sizing sums; two more queries rank blocking and warning rules.
 */
export async function getOverview({ cluster = null, withoutWaivers = false }: OverviewFilter = {}): Promise<Overview> {
  // The raw columns are outside the covering index: the "without waivers" view reads the rows.
  const readiness = Prisma.raw(withoutWaivers ? `w."rawReadiness"` : `w."readiness"`);
  await refreshExpiredWaivers();
  const clusterSql = cluster ? Prisma.sql`AND w."clusterName" = ${cluster}` : Prisma.empty;

  const [clusters, cube, topBlockingRules, topWarningRules] = await Promise.all([
    db.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
    // INDEXED BY: the planner would otherwise pick the narrower (isCurrent, clusterName, namespace) index.
    db.$queryRaw<CubeRow[]>`
      SELECT w."clusterName" AS clusterName, w."namespace" AS namespace, ${readiness} AS readiness, w."migrated" AS migrated,
        COUNT(*) AS n,
        SUM(w."replicas") AS pods,
        SUM(w."perNode") AS perNode,
        SUM(w."overheadMemoryMiB" * w."replicas") AS overheadMemoryMiB,
        SUM(w."overheadMilliCpu" * w."replicas") AS overheadMilliCpu,
        SUM(w."vmMemoryMiB" * w."replicas") AS vmMemoryMiB,
        SUM(w."vmVcpus" * w."replicas") AS vmVcpus
      FROM "Workload" AS w INDEXED BY "Workload_overview_idx"
      WHERE w."isCurrent" = 1 ${clusterSql}
      GROUP BY w."clusterName", w."namespace", ${readiness}, w."migrated"`,
    rankRules("blocker", { cluster, withoutWaivers }),
    rankRules("warning", { cluster, withoutWaivers }),
  ]);

  const totals = toReadinessCounts(cube);
  const namespaces = groupNamespaces(cube);
  const migrated = cube.reduce((sum, row) => sum + (Number(row.migrated) ? Number(row.n) : 0), 0);

  return {
    cluster,
    clusters: clusters.map((row) => row.name),
    totals: {
      ...totals,
      migrated,
      readinessPercent: totals.total === 0 ? 0 : Math.round((totals.ready / totals.total) * 100),
    },
    byCluster: groupBy(cube, (row) => row.clusterName),
    byNamespace: namespaces.slice(0, TOP_NAMESPACES_LIMIT),
    otherNamespaces: Math.max(0, namespaces.length - TOP_NAMESPACES_LIMIT),
    topBlockingRules,
    topWarningRules,
    sizing: toReadySizing(cube.filter((row) => isReadyToMove({ readiness: row.readiness, migrated: Number(row.migrated) !== 0 }))),
  };
}

function toReadySizing(rows: CubeRow[]): ReadySizing {
  const sum = (key: keyof CubeRow) => rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
  return {
    workloads: sum("n"),
    pods: sum("pods"),
    perNodeWorkloads: sum("perNode"),
    overheadMemoryMiB: sum("overheadMemoryMiB"),
    overheadMilliCpu: sum("overheadMilliCpu"),
    vmMemoryMiB: sum("vmMemoryMiB"),
    vmVcpus: Math.round(sum("vmVcpus") * 100) / 100,
  };
}

function toReadinessCounts(rows: CubeRow[]): ReadinessCounts {
  const counts: ReadinessCounts = { total: 0, ready: 0, needsChanges: 0, blocked: 0 };
  for (const row of rows) addToCounts(counts, row);
  return counts;
}

function addToCounts(counts: ReadinessCounts, row: CubeRow): void {
  const n = Number(row.n);
  counts.total += n;
  if (row.readiness === "ready") counts.ready += n;
  else if (row.readiness === "needs-changes") counts.needsChanges += n;
  else if (row.readiness === "blocked") counts.blocked += n;
}

/** One readiness breakdown per label, largest first. */
function groupBy(rows: CubeRow[], labelOf: (row: CubeRow) => string): ReadinessGroup[] {
  const byLabel = new Map<string, ReadinessCounts>();
  for (const row of rows) {
    const label = labelOf(row);
    const counts = byLabel.get(label) ?? { total: 0, ready: 0, needsChanges: 0, blocked: 0 };
    addToCounts(counts, row);
    byLabel.set(label, counts);
  }
  return [...byLabel]
    .map(([label, counts]) => ({ label, ...counts }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/** Namespaces per cluster, largest first (Docker containers share the cluster's "" namespace). */
function groupNamespaces(rows: CubeRow[]): NamespaceGroup[] {
  const byKey = new Map<string, NamespaceGroup>();
  for (const row of rows) {
    // A NUL cannot occur in a cluster name, so the key never confuses two pairs.
    const key = `${row.clusterName}\u0000${row.namespace}`;
    let group = byKey.get(key);
    if (!group) {
      group = { label: `${row.clusterName}/${row.namespace}`, cluster: row.clusterName, namespace: row.namespace, total: 0, ready: 0, needsChanges: 0, blocked: 0 };
      byKey.set(key, group);
    }
    addToCounts(group, row);
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/**
 * The rules with a finding of `severity` on the most distinct current workloads (a rule firing on
 * several containers counts once). Warnings count only on workloads that need changes: on a blocked
 * workload fixing them does not make it ready.
 */
async function rankRules(severity: Exclude<Severity, "info">, { cluster, withoutWaivers }: { cluster: string | null; withoutWaivers: boolean }): Promise<RankedRule[]> {
  const readiness = Prisma.raw(withoutWaivers ? `w."rawReadiness"` : `w."readiness"`);
  const scope = [
    cluster ? Prisma.sql`w."clusterName" = ${cluster}` : null,
    severity === "warning" ? Prisma.sql`${readiness} = 'needs-changes'` : null,
  ].filter((part) => part !== null);
  const rows = await db.$queryRaw<{ ruleId: string; n: bigint | number }[]>`
    SELECT f."ruleId" AS ruleId, COUNT(DISTINCT f."workloadId") AS n
    FROM "Finding" f
    WHERE f."isCurrent" = 1 AND f."severity" = ${severity} ${withoutWaivers ? Prisma.empty : Prisma.sql`AND f."waiverId" IS NULL`} ${
      scope.length > 0
        ? Prisma.sql`AND f."workloadId" IN (
            SELECT w."id" FROM "Workload" AS w INDEXED BY "Workload_overview_idx" WHERE w."isCurrent" = 1 AND ${Prisma.join(scope, " AND ")})`
        : Prisma.empty
    }
    GROUP BY f."ruleId" ORDER BY n DESC, f."ruleId" ASC LIMIT ${TOP_RULES_LIMIT}`;
  return rows.map((row) => ({ ruleId: row.ruleId, title: findRule(row.ruleId)?.title ?? row.ruleId, workloads: Number(row.n) }));
}
