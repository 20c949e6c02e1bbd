import "server-only";
import { db } from "@/lib/db";
import { isRemedy, isSeverity, SEVERITIES } from "@/lib/domain";
import { findRule } from "@/lib/rules/catalog";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Workload } from "@/lib/inventory/types";
import type { Finding, Remedy, Severity } from "@/lib/rules/types";
import {
  hasActiveFilters,
  NONE_VALUE,
  WORKLOAD_FACETS,
  type WorkloadFacet,
  type WorkloadFilters,
  type WorkloadSortColumn,
  type WorkloadsSearchParams,
} from "@/lib/validations/workloads";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain";
import { sqliteDate } from "@/lib/import-tracking";
import { readSizing, readWorkloadSpec } from "./stored-json";
import { refreshExpiredWaivers } from "./tracking";

export interface WorkloadRow {
  id: number;
  name: string;
  kind: string;
  namespace: string;
  clusterName: string;
  team: string | null;
  readiness: string;
  score: number;
  blockerCount: number;
  warningCount: number;
  migrated: boolean;
  /** The blocking and warning rules of the row (blockers first), waived ones left out unless `waivers=off`. */
  rules: RuleChip[];
}

export interface RuleChip {
  ruleId: string;
  /** The catalog's title; the id itself for a rule a later catalog dropped. */
  title: string;
  severity: ChipSeverity;
}

type ChipSeverity = Exclude<Severity, "info">;

export interface WorkloadPage {
  rows: WorkloadRow[];
  total: number;
  pageCount: number;
}

export interface FacetOption {
  value: string;
  count: number;
}

export type WorkloadFacets = Record<WorkloadFacet, FacetOption[]>;

const ROW_SELECT = {
  id: true,
  name: true,
  kind: true,
  namespace: true,
  clusterName: true,
  team: true,
  readiness: true,
  score: true,
  blockerCount: true,
  warningCount: true,
  migrated: true,
  rawScore: true,
  rawReadiness: true,
} satisfies Prisma.WorkloadSelect;

// The allow-list maps URL sort ids to columns; nothing from the URL reaches orderBy unchecked.
const SORT_FIELDS: Record<WorkloadSortColumn, SortField> = {
  name: "name",
  kind: "kind",
  namespace: "namespace",
  cluster: "clusterName",
  team: "team",
  score: "score",
  // "blocked" < "needs-changes" < "ready" alphabetically: the string order is the severity order.
  readiness: "readiness",
  blockers: "blockerCount",
  warnings: "warningCount",
};

type SortField =
  | "name"
  | "kind"
  | "namespace"
  | "clusterName"
  | "team"
  | "score"
  | "rawScore"
  | "readiness"
  | "rawReadiness"
  | "blockerCount"
  | "warningCount"
  | "id";

interface SortKey {
  field: SortField;
  desc: boolean;
}

/** Columns (SQL) behind the facets that are plain workload fields. */
const FACET_COLUMNS = {
  cluster: "clusterName",
  namespace: "namespace",
  kind: "kind",
  readiness: "readiness",
  team: "team",
} as const satisfies Partial<Record<WorkloadFacet, string>>;

/** With `waivers=off` the table reads, filters and sorts the figures without waivers. */
function withoutWaivers(filters: Pick<WorkloadFilters, "waivers">): boolean {
  return filters.waivers === "off";
}

function splitNone(values: readonly string[]): { values: string[]; hasNone: boolean } {
  return { values: values.filter((v) => v !== NONE_VALUE), hasNone: values.includes(NONE_VALUE) };
}

/**
 * The Prisma filter for the workloads table: current workloads only, every facet ANDed, values
 * within a facet ORed. `exclude` leaves one facet out (its own counts must not be narrowed by it).
 */
export function buildWorkloadWhere(filters: WorkloadFilters, exclude?: WorkloadFacet): Prisma.WorkloadWhereInput {
  const and: Prisma.WorkloadWhereInput[] = [{ isCurrent: true }];
  const active = (facet: WorkloadFacet) => facet !== exclude && filters[facet].length > 0;

  if (filters.q) and.push({ searchText: { contains: searchNeedle(filters.q) } });
  if (active("cluster")) and.push({ clusterName: { in: filters.cluster } });
  if (active("kind")) and.push({ kind: { in: filters.kind } });
  if (active("readiness")) and.push(withoutWaivers(filters) ? { rawReadiness: { in: filters.readiness } } : { readiness: { in: filters.readiness } });
  if (active("namespace")) {
    const { values, hasNone } = splitNone(filters.namespace);
    and.push({ OR: [{ namespace: { in: values } }, ...(hasNone ? [{ namespace: "" }] : [])] });
  }
  if (active("team")) {
    const { values, hasNone } = splitNone(filters.team);
    and.push({ OR: [{ team: { in: values } }, ...(hasNone ? [{ team: null }, { team: "" }] : [])] });
  }
  if (active("rule")) and.push({ findings: { some: { isCurrent: true, ruleId: { in: filters.rule } } } });
  if (active("severity")) and.push({ findings: { some: { isCurrent: true, severity: { in: filters.severity } } } });
  return { AND: and };
}

/** searchText is stored lower-cased, so a lower-cased needle matches without ILIKE (PostgreSQL) or LIKE's ASCII-only folding (SQLite). */
function searchNeedle(q: string): string {
  return q.toLowerCase();
}

/** Prisma's `contains` passes `%` and `_` on as LIKE wildcards: such a search runs as SQL, escaped. */
function hasLikeWildcard(q: string): boolean {
  return /[%_]/.test(q);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The same filter as `buildWorkloadWhere`, as SQL over `Workload w`, for the grouped facet counts
 * Prisma cannot express (distinct workloads per rule). Values are bound parameters.
 */
export function buildWorkloadSqlWhere(filters: WorkloadFilters, exclude?: WorkloadFacet, now = new Date()): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`w."isCurrent" = 1`];
  const active = (facet: WorkloadFacet) => facet !== exclude && filters[facet].length > 0;
  const inList = (values: readonly string[]) => (values.length > 0 ? Prisma.join(values) : Prisma.sql`NULL`);

  if (filters.q) and.push(Prisma.sql`w."searchText" LIKE ${`%${escapeLike(searchNeedle(filters.q))}%`} ESCAPE '\\'`);
  if (active("cluster")) and.push(Prisma.sql`w."clusterName" IN (${inList(filters.cluster)})`);
  if (active("kind")) and.push(Prisma.sql`w."kind" IN (${inList(filters.kind)})`);
  if (active("readiness")) and.push(Prisma.sql`w.${Prisma.raw(withoutWaivers(filters) ? `"rawReadiness"` : `"readiness"`)} IN (${inList(filters.readiness)})`);
  if (active("namespace")) {
    const { values, hasNone } = splitNone(filters.namespace);
    and.push(
      hasNone
        ? Prisma.sql`(w."namespace" IN (${inList(values)}) OR w."namespace" = '')`
        : Prisma.sql`w."namespace" IN (${inList(values)})`,
    );
  }
  if (active("team")) {
    const { values, hasNone } = splitNone(filters.team);
    and.push(
      hasNone
        ? Prisma.sql`(w."team" IN (${inList(values)}) OR w."team" IS NULL OR w."team" = '')`
        : Prisma.sql`w."team" IN (${inList(values)})`,
    );
  }
  if (active("rule")) {
    and.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Finding" f2 WHERE f2."workloadId" = w."id" AND f2."isCurrent" = 1 AND f2."ruleId" IN (${inList(filters.rule)}))`,
    );
  }
  if (active("severity")) {
    and.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Finding" f2 WHERE f2."workloadId" = w."id" AND f2."isCurrent" = 1 AND f2."severity" IN (${inList(filters.severity)}))`,
    );
  }
  if (filters.overdue) and.push(overdueSql(now));
  return Prisma.join(and, " AND ");
}

/**
 * SQL: the workload `w` has a current finding whose remediation item (same cluster + fingerprint) is
 * still to do and past its due date. Items are keyed by cluster, not by a workload row, so Prisma's
 * relation filters cannot express this: the table runs the SQL builder when it is on.
 */
export function overdueSql(now: Date): Prisma.Sql {
  // Driven from the items (index on status, due date): overdue items are few, workloads many.
  return Prisma.sql`w."id" IN (SELECT fo."workloadId" FROM "RemediationItem" ro
    JOIN "Cluster" co ON co."id" = ro."clusterId"
    JOIN "Finding" fo ON fo."isCurrent" = 1 AND fo."fingerprint" = ro."fingerprint"
    JOIN "Workload" wo ON wo."id" = fo."workloadId" AND wo."clusterName" = co."name"
    WHERE ro."status" IN (${Prisma.join([...OPEN_REMEDIATION_STATUSES])}) AND ro."dueDate" < ${sqliteDate(now)})`;
}

/**
 * The ORDER BY of a sort, as columns and directions, for both the Prisma and the SQL path.
 * Readiness (the default sort) breaks its ties by urgency: most blockers, most warnings, lowest
 * score; descending reverses all four. Name then id break the remaining ties, so paging is stable;
 * they stay ascending whatever the direction: equal scores read A→Z both ways.
 */
export function buildWorkloadSortKeys(sort: WorkloadsSearchParams["sort"], waivers: WorkloadFilters["waivers"] = "on"): SortKey[] {
  const raw = waivers === "off";
  const score: SortField = raw ? "rawScore" : "score";
  const tieBreak: SortKey[] = [
    { field: "name", desc: false },
    { field: "id", desc: false },
  ];
  if (sort.column === "name") return [{ field: "name", desc: sort.desc }, tieBreak[1]];
  if (sort.column === "readiness") {
    return [
      { field: raw ? "rawReadiness" : "readiness", desc: sort.desc },
      { field: "blockerCount", desc: !sort.desc },
      { field: "warningCount", desc: !sort.desc },
      { field: score, desc: sort.desc },
      ...tieBreak,
    ];
  }
  const field = sort.column === "score" ? score : SORT_FIELDS[sort.column];
  return [{ field, desc: sort.desc }, ...tieBreak];
}

/** A missing team sorts last in both directions, like an empty cell. */
const NULLABLE_SORT_FIELDS: ReadonlySet<SortField> = new Set(["team"]);

export function buildWorkloadOrderBy(sort: WorkloadsSearchParams["sort"], waivers: WorkloadFilters["waivers"] = "on"): Prisma.WorkloadOrderByWithRelationInput[] {
  return buildWorkloadSortKeys(sort, waivers).map(({ field, desc }) => {
    const direction = desc ? "desc" : "asc";
    return { [field]: NULLABLE_SORT_FIELDS.has(field) ? { sort: direction, nulls: "last" } : direction };
  });
}

export function buildWorkloadSqlOrderBy(sort: WorkloadsSearchParams["sort"], waivers: WorkloadFilters["waivers"] = "on"): Prisma.Sql {
  // Fields come from the SortField union, never from the URL.
  const terms = buildWorkloadSortKeys(sort, waivers).map(
    ({ field, desc }) => `w."${field}" ${desc ? "DESC" : "ASC"}${NULLABLE_SORT_FIELDS.has(field) ? " NULLS LAST" : ""}`,
  );
  return Prisma.raw(terms.join(", "));
}

export async function getWorkloads(
  params: WorkloadFilters & Pick<WorkloadsSearchParams, "sort" | "page" | "perPage">,
): Promise<WorkloadPage> {
  await refreshExpiredWaivers();
  if (params.overdue || hasLikeWildcard(params.q)) return getWorkloadsBySql(params);
  const where = buildWorkloadWhere(params);
  const [rows, total] = await db.$transaction([
    db.workload.findMany({
      where,
      orderBy: buildWorkloadOrderBy(params.sort, params.waivers),
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: ROW_SELECT,
    }),
    db.workload.count({ where }),
  ]);
  return { rows: await withRuleChips(shownFigures(rows, params), params), total, pageCount: Math.max(1, Math.ceil(total / params.perPage)) };
}

const CHIP_SEVERITIES = SEVERITIES.filter((severity): severity is ChipSeverity => severity !== "info");

/**
 * Adds each row's blocking and warning rules: one grouped read of the page's findings (at most
 * `perPage` workloads, through the Finding workloadId index), so it costs the same at any table size.
 */
async function withRuleChips<T extends { id: number }>(rows: T[], filters: Pick<WorkloadFilters, "waivers">): Promise<(T & { rules: RuleChip[] })[]> {
  if (rows.length === 0) return [];
  const groups = await db.finding.groupBy({
    by: ["workloadId", "ruleId", "severity"],
    where: {
      workloadId: { in: rows.map((row) => row.id) },
      severity: { in: [...CHIP_SEVERITIES] },
      // With waivers in force a waived finding no longer blocks: its chip would contradict the row.
      ...(withoutWaivers(filters) ? {} : { waiverId: null }),
    },
  });
  const byWorkload = new Map<number, Map<string, RuleChip>>();
  for (const group of groups) {
    const severity = group.severity === "blocker" ? "blocker" : "warning";
    const chips = byWorkload.get(group.workloadId) ?? new Map<string, RuleChip>();
    byWorkload.set(group.workloadId, chips);
    // A rule that fires at two severities in one workload shows once, at the higher.
    if (chips.get(group.ruleId)?.severity === "blocker") continue;
    chips.set(group.ruleId, { ruleId: group.ruleId, title: findRule(group.ruleId)?.title ?? group.ruleId, severity });
  }
  return rows.map((row) => ({
    ...row,
    rules: [...(byWorkload.get(row.id)?.values() ?? [])].sort(
      (a, b) => CHIP_SEVERITIES.indexOf(a.severity) - CHIP_SEVERITIES.indexOf(b.severity) || a.title.localeCompare(b.title),
    ),
  }));
}

/** Rows with the figures the table shows: with waivers, or without (`waivers=off`). */
function shownFigures<T extends { rawScore: number; rawReadiness: string; score: number; readiness: string }>(rows: T[], filters: Pick<WorkloadFilters, "waivers">) {
  const raw = withoutWaivers(filters);
  return rows.map(({ rawScore, rawReadiness, ...row }) => (raw ? { ...row, score: rawScore, readiness: rawReadiness } : row));
}

// The overdue filter and an escaped search have no Prisma form: page the ids in SQL (same order as buildWorkloadOrderBy), then read the rows.
async function getWorkloadsBySql(params: WorkloadFilters & Pick<WorkloadsSearchParams, "sort" | "page" | "perPage">): Promise<WorkloadPage> {
  const where = buildWorkloadSqlWhere(params);
  const order = buildWorkloadSqlOrderBy(params.sort, params.waivers);
  const [ids, [count]] = await Promise.all([
    db.$queryRaw<{ id: number | bigint }[]>`SELECT w."id" AS id FROM "Workload" w WHERE ${where} ORDER BY ${order} LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Workload" w WHERE ${where}`,
  ]);
  const pageIds = ids.map((row) => Number(row.id));
  const found = await db.workload.findMany({ where: { id: { in: pageIds } }, select: ROW_SELECT });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  const total = Number(count?.total ?? 0);
  return { rows: await withRuleChips(shownFigures(rows, params), params), total, pageCount: Math.max(1, Math.ceil(total / params.perPage)) };
}

interface FacetCountRow {
  facet: string;
  value: string | null;
  count: bigint | number;
}

function toFacetValue(facet: WorkloadFacet, value: string | null): string {
  if ((facet === "team" || facet === "namespace") && !value) return NONE_VALUE;
  return value ?? "";
}

// Without the hint SQLite often picks an index that matches the GROUP BY but not the filters, then
// reads 50k wide rows; the covering index answers every facet from the index alone.
const WORKLOAD_FACET_SOURCE = Prisma.sql`"Workload" w INDEXED BY "Workload_table_idx"`;

/**
 * Counts per facet value, each facet narrowed by every other active filter but not by itself,
 * so a user sees how many rows picking one more value would add. One statement, one round trip.
 */
export async function getWorkloadFacets(filters: WorkloadFilters): Promise<WorkloadFacets> {
  const parts: Prisma.Sql[] = [];
  for (const [facet, stored] of Object.entries(FACET_COLUMNS)) {
    const column = facet === "readiness" && withoutWaivers(filters) ? "rawReadiness" : stored;
    const where = buildWorkloadSqlWhere(filters, facet as WorkloadFacet);
    parts.push(
      Prisma.sql`SELECT ${facet} AS facet, w.${Prisma.raw(`"${column}"`)} AS value, COUNT(*) AS count FROM ${WORKLOAD_FACET_SOURCE} WHERE ${where} GROUP BY w.${Prisma.raw(`"${column}"`)}`,
    );
  }
  for (const [facet, column] of [
    ["rule", "ruleId"],
    ["severity", "severity"],
  ] as const) {
    const isNarrowed = hasActiveFilters({ ...filters, [facet]: [] });
    // A current finding belongs to a current workload: without other filters the Finding index
    // alone answers. With filters, an id list from the Workload indexes beats a join into wide rows.
    const workloads = isNarrowed
      ? Prisma.sql`AND f."workloadId" IN (SELECT w."id" FROM ${WORKLOAD_FACET_SOURCE} WHERE ${buildWorkloadSqlWhere(filters, facet)})`
      : Prisma.empty;
    parts.push(
      Prisma.sql`SELECT ${facet} AS facet, f.${Prisma.raw(`"${column}"`)} AS value, COUNT(DISTINCT f."workloadId") AS count FROM "Finding" f WHERE f."isCurrent" = 1 ${workloads} GROUP BY f.${Prisma.raw(`"${column}"`)}`,
    );
  }
  const rows = await db.$queryRaw<FacetCountRow[]>`${Prisma.join(parts, " UNION ALL ")}`;

  const facets = Object.fromEntries(WORKLOAD_FACETS.map((facet) => [facet, [] as FacetOption[]])) as WorkloadFacets;
  for (const row of rows) {
    const facet = row.facet as WorkloadFacet;
    const value = toFacetValue(facet, row.value);
    const existing = facets[facet].find((option) => option.value === value);
    // null and "" teams both read as "(none)": merge them.
    if (existing) existing.count += Number(row.count);
    else facets[facet].push({ value, count: Number(row.count) });
  }
  for (const facet of WORKLOAD_FACETS) {
    facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/** True when any current workload exists: tells "nothing uploaded yet" from "no matches". */
export async function hasAnyWorkloads(): Promise<boolean> {
  return (await db.workload.findFirst({ where: { isCurrent: true }, select: { id: true } })) !== null;
}

/** A stored finding: its rule id may name a rule a later catalog dropped, so it stays a string. */
export interface WorkloadFindingDto extends Omit<Finding, "ruleId"> {
  id: number;
  fingerprint: string;
  ruleId: string;
  /** The waiver in force that accepts it. */
  waiverId: number | null;
}

/** A waiver a workload's figures use. */
export interface WorkloadWaiver {
  id: number;
  ruleId: string;
  reason: string;
  approver: string;
  expiresAt: Date;
}

export interface WorkloadDetail {
  id: number;
  identity: string;
  clusterName: string;
  platform: string;
  kind: string;
  namespace: string;
  name: string;
  team: string | null;
  source: string;
  score: number;
  readiness: string;
  /** As stored by the import (lib/scoring/migration-path.ts); an unknown value reads as itself. */
  migrationPath: string;
  migrated: boolean;
  isCurrent: boolean;
  blockerCount: number;
  warningCount: number;
  infoCount: number;
  /** The stored normalised workload; null if the stored JSON is unreadable. */
  spec: Workload | null;
  /** The stored sizing estimate, parsed; null if unreadable. */
  sizing: unknown;
  upload: { id: number; createdAt: Date; target: string; catalogVersion: string; scoreFormula: string };
  findings: WorkloadFindingDto[];
  /** The waivers its stored figures use (by waiver id). */
  waivers: Map<number, WorkloadWaiver>;
}

export async function getWorkload(id: number): Promise<WorkloadDetail | null> {
  await refreshExpiredWaivers();
  const workload = await db.workload.findUnique({
    where: { id },
    select: {
      id: true,
      identity: true,
      clusterName: true,
      platform: true,
      kind: true,
      namespace: true,
      name: true,
      team: true,
      source: true,
      score: true,
      readiness: true,
      migrationPath: true,
      migrated: true,
      isCurrent: true,
      blockerCount: true,
      warningCount: true,
      infoCount: true,
      spec: true,
      sizing: true,
      upload: { select: { id: true, createdAt: true, target: true, catalogVersion: true, scoreFormula: true } },
      findings: {
        select: { id: true, ruleId: true, severity: true, remedy: true, container: true, path: true, message: true, fingerprint: true, waiverId: true },
        orderBy: [{ ruleId: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!workload) return null;
  const waiverIds = [...new Set(workload.findings.flatMap((f) => (f.waiverId === null ? [] : [f.waiverId])))];
  const waivers =
    waiverIds.length === 0
      ? []
      : await db.waiver.findMany({ where: { id: { in: waiverIds } }, select: { id: true, ruleId: true, reason: true, approver: true, expiresAt: true } });
  return {
    ...workload,
    waivers: new Map(waivers.map((waiver) => [waiver.id, waiver])),
    spec: readWorkloadSpec(workload.spec),
    sizing: readSizing(workload.sizing),
    findings: workload.findings.map((f) => ({ ...f, severity: toSeverity(f.severity), remedy: toRemedy(f.remedy) })),
  };
}

function toSeverity(value: string): Severity {
  return isSeverity(value) ? value : "info";
}

function toRemedy(value: string | null): Remedy | null {
  return isRemedy(value) ? value : null;
}
