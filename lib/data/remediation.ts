// Remediation items (one per cluster + finding fingerprint), their edits and the history. Every change
// writes one AuditEvent per changed field in the same transaction as the change.
import "server-only";
import { db } from "@/lib/db";
import { OPEN_REMEDIATION_STATUSES, SEVERITIES } from "@/lib/domain";
import { sqliteDate } from "@/lib/import-tracking";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatDay } from "@/lib/format";
import type { BulkRemediationInput, UpdateRemediationItemInput } from "@/lib/validations/remediation";
import type { WorkloadFilters } from "@/lib/validations/workloads";
import { buildWorkloadSqlWhere } from "./workloads";

type Client = Prisma.TransactionClient | typeof db;

export interface RemediationItemDto {
  id: number;
  fingerprint: string;
  status: string;
  assignee: string | null;
  dueDate: Date | null;
  note: string | null;
  resolvedInUploadId: number | null;
}

export interface AuditEventDto {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
  ruleId: string | null;
  identity: string | null;
  clusterName: string | null;
  /** The current workload with this cluster + identity, for a link; null when there is none. */
  workloadId: number | null;
}

const ITEM_SELECT = { id: true, fingerprint: true, status: true, assignee: true, dueDate: true, note: true, resolvedInUploadId: true } as const;


async function clusterIdOf(client: Client, clusterName: string): Promise<number | null> {
  return (await client.cluster.findUnique({ where: { name: clusterName }, select: { id: true } }))?.id ?? null;
}

/** The items of one workload's findings, by fingerprint. */
export async function getRemediationItems(clusterName: string, fingerprints: readonly string[]): Promise<Map<string, RemediationItemDto>> {
  const clusterId = await clusterIdOf(db, clusterName);
  if (clusterId === null || fingerprints.length === 0) return new Map();
  const items = await db.remediationItem.findMany({ where: { clusterId, fingerprint: { in: [...fingerprints] } }, select: ITEM_SELECT });
  return new Map(items.map((item) => [item.fingerprint, item]));
}

/** Items of this workload closed by an upload (their finding is gone): "fixed, verified by upload #N". */
export async function getResolvedItems(clusterName: string, identity: string): Promise<Array<RemediationItemDto & { ruleId: string }>> {
  const clusterId = await clusterIdOf(db, clusterName);
  if (clusterId === null) return [];
  return db.remediationItem.findMany({
    where: { clusterId, identity, resolvedInUploadId: { not: null } },
    select: { ...ITEM_SELECT, ruleId: true },
    orderBy: [{ resolvedInUploadId: "desc" }, { id: "asc" }],
    take: 100,
  });
}

/** One workload's history (its cluster + identity), newest first. */
export async function getWorkloadHistory(clusterName: string, identity: string, take = 200): Promise<AuditEventDto[]> {
  const clusterId = await clusterIdOf(db, clusterName);
  if (clusterId === null) return [];
  const events = await db.auditEvent.findMany({ where: { clusterId, identity }, orderBy: [{ at: "desc" }, { id: "desc" }], take });
  return events.map((event) => ({ ...event, clusterName, workloadId: null }));
}

export interface ActivityPage {
  events: AuditEventDto[];
  total: number;
  pageCount: number;
}

/** All audit events, newest first, one page at a time (paged in SQL). */
export async function getActivity(page: number, perPage: number): Promise<ActivityPage> {
  const [events, total] = await db.$transaction([
    db.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * perPage, take: perPage }),
    db.auditEvent.count(),
  ]);
  const clusterIds = [...new Set(events.flatMap((e) => (e.clusterId === null ? [] : [e.clusterId])))];
  const clusters = await db.cluster.findMany({ where: { id: { in: clusterIds } }, select: { id: true, name: true } });
  const nameOf = new Map(clusters.map((c) => [c.id, c.name]));
  const keys = events.flatMap((e) => (e.clusterId !== null && e.identity !== null && nameOf.has(e.clusterId) ? [{ clusterName: nameOf.get(e.clusterId)!, identity: e.identity }] : []));
  const workloads =
    keys.length === 0
      ? []
      : await db.workload.findMany({ where: { isCurrent: true, OR: keys }, select: { id: true, clusterName: true, identity: true } });
  const idOf = new Map(workloads.map((w) => [`${w.clusterName}\n${w.identity}`, w.id]));
  return {
    events: events.map((e) => {
      const clusterName = e.clusterId === null ? null : (nameOf.get(e.clusterId) ?? null);
      return { ...e, clusterName, workloadId: clusterName && e.identity ? (idOf.get(`${clusterName}\n${e.identity}`) ?? null) : null };
    }),
    total,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

type ItemRow = { id: number; clusterId: number; identity: string; fingerprint: string; ruleId: string; status: string; assignee: string | null; dueDate: Date | null; note: string | null };
type Field = "status" | "assignee" | "dueDate" | "note";

function stored(field: Field, value: string | Date | null): string | null {
  return value instanceof Date ? formatDay(value) : value;
}

function auditRow(item: ItemRow, field: Field, from: string | Date | null, to: string | Date | null, actor: string, now: Date, action: string): Prisma.AuditEventCreateManyInput {
  return {
    at: now,
    actor,
    action,
    clusterId: item.clusterId,
    identity: item.identity,
    fingerprint: item.fingerprint,
    ruleId: item.ruleId,
    entity: "remediation-item",
    entityId: item.id,
    field,
    fromValue: stored(field, from),
    toValue: stored(field, to),
  };
}

/** The fields whose value differs, as [field, from, to]. */
function changesOf(item: ItemRow, set: Partial<Pick<ItemRow, Field>>): Array<[Field, string | Date | null, string | Date | null]> {
  const out: Array<[Field, string | Date | null, string | Date | null]> = [];
  for (const field of ["status", "assignee", "dueDate", "note"] as const) {
    if (!(field in set) || set[field] === undefined) continue;
    const to = set[field] ?? null;
    if (stored(field, item[field]) !== stored(field, to)) out.push([field, item[field], to]);
  }
  return out;
}

export type UpdateResult = { ok: true; changed: Field[] } | { ok: false; message: string };

/** Edits one item: writes the fields that changed and one audit event each. */
export async function updateRemediationItem(input: UpdateRemediationItemInput, actor: string, now = new Date()): Promise<UpdateResult> {
  return db.$transaction(async (tx) => {
    const item = await tx.remediationItem.findUnique({ where: { id: input.itemId } });
    if (!item) return { ok: false, message: `Remediation item #${input.itemId} does not exist.` };
    const changes = changesOf(item, { status: input.status, assignee: input.assignee, dueDate: input.dueDate, note: input.note });
    if (changes.length === 0) return { ok: true, changed: [] };
    await tx.remediationItem.update({ where: { id: item.id }, data: { ...Object.fromEntries(changes.map(([field, , to]) => [field, to])), updatedAt: now } });
    await tx.auditEvent.createMany({ data: changes.map(([field, from, to]) => auditRow(item, field, from, to, actor, now, `set ${field}`)) });
    return { ok: true, changed: changes.map(([field]) => field) };
  });
}

/** Which workloads a bulk edit applies to: picked rows, or every row the filter matches (resolved here). */
export type BulkTarget = { kind: "ids"; workloadIds: readonly number[] } | { kind: "filter"; filters: WorkloadFilters };

export type BulkResult = { ok: true; workloads: number; items: number; changedItems: number } | { ok: false; message: string };

const CHUNK = 500;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

/** Current workload ids a bulk target names; a filter is resolved with the table's own SQL builder. */
export async function resolveBulkWorkloadIds(client: Client, target: BulkTarget, now = new Date()): Promise<number[]> {
  if (target.kind === "filter") {
    const rows = await client.$queryRaw<{ id: number | bigint }[]>`SELECT w."id" AS id FROM "Workload" w WHERE ${buildWorkloadSqlWhere(target.filters, undefined, now)}`;
    return rows.map((row) => Number(row.id));
  }
  const rows = await client.workload.findMany({ where: { id: { in: [...target.workloadIds] }, isCurrent: true }, select: { id: true } });
  return rows.map((row) => row.id);
}

/**
 * Sets status, assignee and/or due date on the remediation items of the findings (all, or blockers
 * only) of the target's current workloads: one transaction, one audit event per changed field and item.
 */
export async function bulkUpdateRemediation(target: BulkTarget, input: BulkRemediationInput, actor: string, now = new Date()): Promise<BulkResult> {
  return db.$transaction(
    async (tx) => {
      const workloadIds = await resolveBulkWorkloadIds(tx, target, now);
      if (workloadIds.length === 0) return { ok: false, message: "No current workload matches: nothing was changed." };
      const severities = input.scope === "blockers" ? ["blocker"] : [...SEVERITIES];
      const byCluster = new Map<string, Set<string>>();
      for (const ids of chunks(workloadIds)) {
        const findings = await tx.finding.findMany({
          where: { workloadId: { in: ids }, isCurrent: true, severity: { in: severities }, fingerprint: { not: "" } },
          select: { fingerprint: true, workload: { select: { clusterName: true } } },
        });
        for (const f of findings) {
          const set = byCluster.get(f.workload.clusterName) ?? new Set<string>();
          set.add(f.fingerprint);
          byCluster.set(f.workload.clusterName, set);
        }
      }
      const set: Partial<Pick<ItemRow, Field>> = {};
      if (input.status !== undefined) set.status = input.status;
      if (input.assignee !== undefined) set.assignee = input.assignee;
      if (input.dueDate !== undefined) set.dueDate = input.dueDate;
      let items = 0;
      let changedItems = 0;
      for (const [clusterName, prints] of byCluster) {
        const clusterId = await clusterIdOf(tx, clusterName);
        if (clusterId === null) continue;
        for (const batch of chunks([...prints])) {
          const rows = await tx.remediationItem.findMany({ where: { clusterId, fingerprint: { in: batch } } });
          items += rows.length;
          const audit: Prisma.AuditEventCreateManyInput[] = [];
          const changedIds: number[] = [];
          for (const row of rows) {
            const changes = changesOf(row, set);
            if (changes.length === 0) continue;
            changedIds.push(row.id);
            for (const [field, from, to] of changes) audit.push(auditRow(row, field, from, to, actor, now, `bulk: set ${field}`));
          }
          if (changedIds.length === 0) continue;
          changedItems += changedIds.length;
          // Every changed item gets the same values; an unchanged field is rewritten to what it was.
          await tx.remediationItem.updateMany({ where: { id: { in: changedIds } }, data: { ...set, updatedAt: now } });
          await tx.auditEvent.createMany({ data: audit });
        }
      }
      return { ok: true, workloads: workloadIds.length, items, changedItems };
    },
    { timeout: 60_000 },
  );
}

/** Overdue items of current findings, and the workloads they are on (the overview's card). */
export async function getOverdueCounts(cluster: string | null = null, now = new Date()): Promise<{ items: number; workloads: number }> {
  const inCluster = cluster === null ? Prisma.empty : Prisma.sql`AND w."clusterName" = ${cluster}`;
  const [row] = await db.$queryRaw<{ items: number | bigint; workloads: number | bigint }[]>`
    SELECT COUNT(DISTINCT ro."id") AS items, COUNT(DISTINCT w."id") AS workloads
    FROM "Workload" w JOIN "Finding" fo ON fo."workloadId" = w."id" AND fo."isCurrent" = 1
    JOIN "Cluster" co ON co."name" = w."clusterName"
    JOIN "RemediationItem" ro ON ro."clusterId" = co."id" AND ro."fingerprint" = fo."fingerprint"
    WHERE w."isCurrent" = 1 ${inCluster} AND ro."status" IN (${Prisma.join([...OPEN_REMEDIATION_STATUSES])}) AND ro."dueDate" < ${sqliteDate(now)}`;
  return { items: Number(row?.items ?? 0), workloads: Number(row?.workloads ?? 0) };
}
