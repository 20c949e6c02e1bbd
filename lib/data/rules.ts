import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATALOG, findRule } from "@/lib/rules/catalog";
import type { Reference, Remedy, Rule, Severity } from "@/lib/rules/types";
import type { Platform } from "@/lib/inventory/types";
import { PROFILES, type ProfileId } from "@/lib/scoring/profiles";
import { SEVERITIES } from "@/lib/domain";
import type { RuleSortColumn, RulesSearchParams } from "@/lib/validations/rules";

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
  /** One sentence: what the rule detects (the catalog search reads it). */
  summary: string;
  /** Where the severity depends on the platform (privileged: blocker on Docker, warning on Kubernetes). */
  severityByPlatform: PlatformSeverity[] | null;
}

export interface RuleDetail extends RuleSummary {
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
    summary: rule.summary,
    severityByPlatform: platformSeverities(rule),
  };
}

/** A rule's severity on each platform it checks, highest first; null when it is the same everywhere. */
export interface PlatformSeverity {
  severity: Severity;
  platforms: Platform[];
}

function platformSeverities(rule: Rule): PlatformSeverity[] | null {
  if (rule.scope !== "workload" || !rule.severityByPlatform) return null;
  const bySeverity = new Map<Severity, Platform[]>();
  for (const platform of rule.appliesTo) {
    const severity = rule.severityByPlatform[platform] ?? rule.severity;
    bySeverity.set(severity, [...(bySeverity.get(severity) ?? []), platform]);
  }
  if (bySeverity.size < 2) return null;
  return SEVERITIES.flatMap((severity) => {
    const platforms = bySeverity.get(severity);
    return platforms ? [{ severity, platforms }] : [];
  });
}

/** Does the rule report `severity` on some platform (its highest, or a platform's own)? */
export function ruleHasSeverity(rule: Pick<RuleSummary, "severity" | "severityByPlatform">, severity: Severity): boolean {
  return rule.severity === severity || (rule.severityByPlatform?.some((entry) => entry.severity === severity) ?? false);
}

export function isAffecting(rule: Pick<RuleSummary, "affectedWorkloads" | "affectedClusters">): boolean {
  return rule.affectedWorkloads > 0 || rule.affectedClusters > 0;
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };
const SCOPE_RANK: Record<Rule["scope"], number> = { workload: 0, declared: 1, inventory: 2 };
const REMEDY_RANK = { manifest: 0, platform: 1, "keep-on-runc": 2, none: 3 } as const;

function affected(rule: RuleSummary): number {
  return rule.scope === "inventory" ? rule.affectedClusters : rule.affectedWorkloads;
}

const COMPARE: Record<RuleSortColumn, (a: RuleSummary, b: RuleSummary) => number> = {
  id: (a, b) => a.id.localeCompare(b.id),
  title: (a, b) => a.title.localeCompare(b.title),
  severity: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  remedy: (a, b) => REMEDY_RANK[a.remedy ?? "none"] - REMEDY_RANK[b.remedy ?? "none"],
  scope: (a, b) => SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope],
  affected: (a, b) => affected(a) - affected(b),
};

/**
 * The rules the catalog page lists: affecting ones only unless `show=all`, then the search (id,
 * title, summary) and the severity and scope filters, sorted with severity then id breaking ties.
 */
export function selectRules(rules: readonly RuleSummary[], params: RulesSearchParams): RuleSummary[] {
  const needle = params.q.toLowerCase();
  const shown = rules.filter(
    (rule) =>
      (params.show === "all" || isAffecting(rule)) &&
      (!needle || [rule.id, rule.title, rule.summary].some((text) => text.toLowerCase().includes(needle))) &&
      (!params.severity || ruleHasSeverity(rule, params.severity)) &&
      (!params.scope || rule.scope === params.scope),
  );
  const direction = params.sort.desc ? -1 : 1;
  return shown.sort((a, b) => direction * COMPARE[params.sort.column](a, b) || COMPARE.severity(a, b) || COMPARE.id(a, b));
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
