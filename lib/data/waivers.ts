// Waivers in the database: create and revoke (each with an AuditEvent, and the figures of the workloads
// in scope re-evaluated in the same transaction), and the list the /waivers page shows.
import "server-only";
import { db } from "@/lib/db";
import type { WaiverStatus } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { waiverFromRow } from "@/lib/import-tracking";
import type { ReportAcceptedRisk } from "@/lib/export/report-model";
import { describeWaiverScope } from "@/lib/export/report-model";
import { isExpired, scopeKind, type WaiverScopeKind } from "@/lib/scoring/waivers";
import type { CreateWaiverInput } from "@/lib/validations/waivers";
import { currentActor, recomputeFigures } from "./tracking";

type Client = Prisma.TransactionClient | typeof db;

const RECOMPUTE_TIMEOUT_MS = 10 * 60 * 1000;

interface ScopeFields {
  ruleId: string;
  cluster: string | null;
  namespace: string | null;
  team: string | null;
  workload: string | null;
}

/**
 * The current workloads a waiver can change: those in its scope with a finding of its rule, and those
 * whose findings it is stored against (their team may have changed since).
 */
export function waiverWorkloadsWhere(waiver: ScopeFields & { id?: number }): Prisma.WorkloadWhereInput {
  const inScope: Prisma.WorkloadWhereInput[] = [{ findings: { some: { ruleId: waiver.ruleId } } }];
  if (waiver.workload !== null) inScope.push({ identity: waiver.workload });
  if (waiver.cluster !== null) inScope.push({ clusterName: waiver.cluster });
  if (waiver.namespace !== null) inScope.push({ namespace: waiver.namespace });
  if (waiver.team !== null) inScope.push({ team: waiver.team });
  if (waiver.id === undefined) return { AND: inScope };
  return { OR: [{ AND: inScope }, { findings: { some: { waiverId: waiver.id } } }] };
}

function describe(waiver: ScopeFields): string {
  return `${waiver.ruleId} for ${describeWaiverScope(waiverFromRow({ ...waiver, id: 0, reason: "", approver: "", expiresAt: new Date(0).toISOString() }))}`;
}

export type WaiverChange = { ok: true; id: number; workloadsChanged: number } | { ok: false; message: string };

/** Stores a waiver (validated by createWaiverSchema) and applies it to the current workloads in its scope. */
export async function createWaiver(input: CreateWaiverInput, now = new Date()): Promise<WaiverChange> {
  if (input.expires.getTime() <= now.getTime()) return { ok: false, message: "The expiry date must be in the future." };
  const actor = currentActor();
  return db.$transaction(
    async (tx) => {
      const waiver = await tx.waiver.create({
        data: {
          ruleId: input.ruleId,
          workload: input.workload ?? null,
          cluster: input.cluster ?? null,
          namespace: input.namespace ?? null,
          team: input.team ?? null,
          reason: input.reason,
          approver: input.approver,
          expiresAt: input.expires,
          createdBy: actor,
          createdAt: now,
        },
      });
      await tx.auditEvent.create({
        data: {
          at: now,
          actor,
          action: "waiver.create",
          entity: "waiver",
          entityId: waiver.id,
          ruleId: waiver.ruleId,
          identity: waiver.workload,
          clusterId: await clusterId(tx, waiver.cluster ?? clusterOfIdentity(waiver.workload)),
          toValue: `${describe(waiver)} until ${waiver.expiresAt.toISOString()}; approver ${waiver.approver}; reason: ${waiver.reason}`,
        },
      });
      const workloadsChanged = await recomputeFigures(tx, waiverWorkloadsWhere(waiver), now);
      return { ok: true as const, id: waiver.id, workloadsChanged };
    },
    { timeout: RECOMPUTE_TIMEOUT_MS },
  );
}

/** Revokes a waiver (it is kept: the history needs it) and re-evaluates the workloads it applied to. */
export async function revokeWaiver(id: number, now = new Date()): Promise<WaiverChange> {
  const actor = currentActor();
  return db.$transaction(
    async (tx) => {
      const waiver = await tx.waiver.findUnique({ where: { id } });
      if (!waiver) return { ok: false as const, message: `No waiver #${id}.` };
      if (waiver.revokedAt !== null) return { ok: false as const, message: `Waiver #${id} is already revoked.` };
      // Conditional update: two revokes racing write one event.
      const updated = await tx.waiver.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
      if (updated.count === 0) return { ok: false as const, message: `Waiver #${id} is already revoked.` };
      await tx.auditEvent.create({
        data: {
          at: now,
          actor,
          action: "waiver.revoke",
          entity: "waiver",
          entityId: id,
          ruleId: waiver.ruleId,
          identity: waiver.workload,
          clusterId: await clusterId(tx, waiver.cluster ?? clusterOfIdentity(waiver.workload)),
          field: "revokedAt",
          fromValue: null,
          toValue: now.toISOString(),
        },
      });
      const workloadsChanged = await recomputeFigures(tx, waiverWorkloadsWhere(waiver), now);
      return { ok: true as const, id, workloadsChanged };
    },
    { timeout: RECOMPUTE_TIMEOUT_MS },
  );
}

function clusterOfIdentity(identity: string | null): string | null {
  return identity === null ? null : identity.split("/")[0] || null;
}

async function clusterId(client: Client, name: string | null): Promise<number | null> {
  if (name === null) return null;
  return (await client.cluster.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
}


export interface WaiverListItem {
  id: number;
  ruleId: string;
  scopeKind: WaiverScopeKind;
  /** "namespace shop/web", "team payments", ... */
  scope: string;
  cluster: string | null;
  namespace: string | null;
  team: string | null;
  workload: string | null;
  reason: string;
  approver: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  status: WaiverStatus;
  /** Current findings it is used for, and on how many workloads. */
  findings: number;
  workloads: number;
  /** A workload with a current finding it covers (for the link of a workload-scoped waiver). */
  sampleWorkloadId: number | null;
}

export interface WaiverList {
  waivers: WaiverListItem[];
  counts: Record<WaiverStatus | "unused", number>;
}

/** Every waiver, newest first, with what it covers in the current snapshots. */
export async function listWaivers(now = new Date()): Promise<WaiverList> {
  // One grouped read of the (waiverId, isCurrent, workloadId) index: thousands of covered workloads
  // must not become bound parameters (SQLite allows 32,766).
  const [rows, usage] = await Promise.all([
    db.waiver.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    db.$queryRaw<{ waiverId: number | bigint; findings: number | bigint; workloads: number | bigint; sample: number | bigint }[]>`
      SELECT "waiverId", COUNT(*) AS findings, COUNT(DISTINCT "workloadId") AS workloads, MIN("workloadId") AS sample
      FROM "Finding" WHERE "waiverId" IS NOT NULL AND "isCurrent" = true GROUP BY "waiverId"`,
  ]);
  const used = new Map(usage.map((row) => [Number(row.waiverId), row]));
  const counts = { active: 0, expired: 0, revoked: 0, unused: 0 };
  const waivers = rows.map((row): WaiverListItem => {
    const waiver = waiverFromRow({ ...row, expiresAt: row.expiresAt.toISOString() });
    const status: WaiverStatus = row.revokedAt !== null ? "revoked" : isExpired(waiver, now) ? "expired" : "active";
    const use = status === "active" ? used.get(row.id) : undefined;
    counts[status]++;
    if (status === "active" && !use) counts.unused++;
    return {
      ...row,
      scopeKind: scopeKind(waiver.scope),
      scope: describeWaiverScope(waiver),
      status,
      findings: use ? Number(use.findings) : 0,
      workloads: use ? Number(use.workloads) : 0,
      sampleWorkloadId: use ? Number(use.sample) : null,
    };
  });
  return { waivers, counts };
}

/** The accepted risks of a report: waivers in force, with the workloads of the report's scope they cover. */
export async function getAcceptedRisks(filter: { cluster?: string | null; team?: string | null }, now = new Date()): Promise<ReportAcceptedRisk[]> {
  const rows = await db.waiver.findMany({ where: { revokedAt: null, expiresAt: { gt: now } }, orderBy: [{ expiresAt: "asc" }, { ruleId: "asc" }] });
  if (rows.length === 0) return [];
  const covered = await db.finding.findMany({
    where: {
      isCurrent: true,
      waiverId: { in: rows.map((row) => row.id) },
      workload: { ...(filter.cluster ? { clusterName: filter.cluster } : {}), ...(filter.team ? { team: filter.team } : {}) },
    },
    select: { waiverId: true, workloadId: true },
  });
  const workloads = new Map<number, Set<number>>();
  for (const finding of covered) {
    const set = workloads.get(finding.waiverId as number) ?? new Set<number>();
    set.add(finding.workloadId);
    workloads.set(finding.waiverId as number, set);
  }
  return rows
    .filter((row) => inReportScope(row, filter) || workloads.has(row.id))
    .map((row) => {
      const waiver = waiverFromRow({ ...row, expiresAt: row.expiresAt.toISOString() });
      return {
        ruleId: row.ruleId,
        scope: describeWaiverScope(waiver),
        reason: row.reason,
        approver: row.approver,
        expiresAt: row.expiresAt,
        workloads: workloads.get(row.id)?.size ?? 0,
      };
    });
}

/** A waiver belongs to a report's scope unless its own scope names another cluster or team. */
function inReportScope(row: ScopeFields, filter: { cluster?: string | null; team?: string | null }): boolean {
  const cluster = row.cluster ?? clusterOfIdentity(row.workload);
  if (filter.cluster && cluster !== null && cluster !== filter.cluster) return false;
  if (filter.team && row.team !== null && row.team !== filter.team) return false;
  return true;
}
