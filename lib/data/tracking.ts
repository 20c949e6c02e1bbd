// Keeps the stored figures of current workloads true when waivers change or expire, or findings change. Score, readiness
// and migration path are stored with the waivers in force (the table filters and sorts on them); this
// re-evaluates them from the stored findings with lib/scoring/effective.ts, the function the import uses.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { waiverFromRow } from "@/lib/import-tracking";
import { isRemedy, isSeverity } from "@/lib/domain";
import { effectiveFigures } from "@/lib/scoring/effective";
import type { Waiver } from "@/lib/scoring/waivers";

type Client = Prisma.TransactionClient | typeof db;

/** Who changes things until sign-in exists: the local user (KATA_READINESS_USER names them). */
export function currentActor(): string {
  return process.env.KATA_READINESS_USER?.trim() || "local user";
}

async function activeWaivers(client: Client, now: Date): Promise<Waiver[]> {
  const rows = await client.waiver.findMany({ where: { revokedAt: null, expiresAt: { gt: now } } });
  return rows.map((row) => waiverFromRow({ ...row, expiresAt: row.expiresAt.toISOString() }));
}

const BATCH = 500;

/**
 * Re-evaluates the current workloads `where` selects against the waivers in force at `now`, and
 * writes what changed. Returns how many workloads changed.
 */
export async function recomputeFigures(client: Client, where: Prisma.WorkloadWhereInput, now = new Date()): Promise<number> {
  const waivers = await activeWaivers(client, now);
  let changed = 0;
  let cursor = 0;
  for (;;) {
    const workloads = await client.workload.findMany({
      where: { AND: [{ isCurrent: true }, where, { id: { gt: cursor } }] },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        identity: true,
        clusterName: true,
        namespace: true,
        platform: true,
        team: true,
        score: true,
        readiness: true,
        migrationPath: true,
        rawScore: true,
        rawReadiness: true,
        rawMigrationPath: true,
        waiverCheckAt: true,
        findings: { select: { id: true, ruleId: true, severity: true, remedy: true, waiverId: true } },
      },
    });
    if (workloads.length === 0) return changed;
    cursor = workloads[workloads.length - 1].id;
    for (const workload of workloads) {
      const findings = workload.findings.flatMap((f) =>
        isSeverity(f.severity) ? [{ ...f, severity: f.severity, remedy: f.remedy !== null && isRemedy(f.remedy) ? f.remedy : null }] : [],
      );
      const target = {
        identity: workload.identity,
        cluster: workload.clusterName,
        // Docker containers are stored with "" (no namespace).
        namespace: workload.platform === "docker" ? null : workload.namespace,
        team: workload.team,
      };
      const figures = effectiveFigures(findings, target, waivers, now);
      const checkAt = figures.checkAt?.getTime() ?? null;
      const same =
        figures.score === workload.score &&
        figures.readiness === workload.readiness &&
        figures.migrationPath === workload.migrationPath &&
        figures.raw.score === workload.rawScore &&
        figures.raw.readiness === workload.rawReadiness &&
        figures.raw.migrationPath === workload.rawMigrationPath &&
        checkAt === (workload.waiverCheckAt?.getTime() ?? null) &&
        findings.every((f) => (figures.waived.get(f.ruleId)?.id ?? null) === (f.waiverId === null ? null : String(f.waiverId)));
      if (same) continue;
      changed++;
      await client.workload.update({
        where: { id: workload.id },
        data: {
          score: figures.score,
          readiness: figures.readiness,
          migrationPath: figures.migrationPath,
          rawScore: figures.raw.score,
          rawReadiness: figures.raw.readiness,
          rawMigrationPath: figures.raw.migrationPath,
          waiverCheckAt: figures.checkAt,
        },
      });
      for (const finding of findings) {
        const waiverId = figures.waived.get(finding.ruleId)?.id ?? null;
        const stored = finding.waiverId === null ? null : String(finding.waiverId);
        if (waiverId !== stored) await client.finding.update({ where: { id: finding.id }, data: { waiverId: waiverId === null ? null : Number(waiverId) } });
      }
    }
  }
}

/**
 * Waivers stop applying by themselves: pages call this before reading, and the workloads whose
 * earliest waiver has expired are evaluated again (an indexed look-up when none has).
 */
export async function refreshExpiredWaivers(now = new Date()): Promise<number> {
  const due = await db.workload.findFirst({ where: { isCurrent: true, waiverCheckAt: { lte: now } }, select: { id: true } });
  if (!due) return 0;
  return db.$transaction((tx) => recomputeFigures(tx, { waiverCheckAt: { lte: now } }, now), { timeout: 10 * 60 * 1000 });
}
