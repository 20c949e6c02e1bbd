// Owner decisions: the team label keys setting, namespace -> team per cluster, per-workload overrides
// and the CSV import. Every change is audited in its transaction, and then the affected current
// workloads get their team/owner resolved again (lib/owners.ts resolveTeam) and their figures
// recomputed, since a team-scoped waiver may now match or stop matching.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TEAM_LABEL_KEYS_SETTING } from "@/lib/import-tracking";
import { DEFAULT_TEAM_LABEL_KEYS, parseOwnersCsv, resolveTeam, type NamespaceTeamRow, type RowError, type WorkloadOwnerRow } from "@/lib/owners";
import { teamLabelKeysSchema } from "@/lib/validations/owners";
import { readJson, readWorkloadSpec, settingValueSchemas } from "./stored-json";
import { recomputeFigures } from "./tracking";

type Tx = Prisma.TransactionClient;
const TX = { timeout: 10 * 60 * 1000 };
const BATCH = 500;

export async function getTeamLabelKeys(client: Tx | typeof db = db): Promise<string[]> {
  const row = await client.setting.findUnique({ where: { key: TEAM_LABEL_KEYS_SETTING } });
  return readJson(settingValueSchemas.teamLabelKeys, row?.value, [...DEFAULT_TEAM_LABEL_KEYS]);
}

function labelsOf(spec: unknown): Record<string, string> {
  return readWorkloadSpec(spec)?.labels ?? {};
}

/**
 * Resolves team and owner again for the current workloads `where` selects, writes the ones that
 * changed, then recomputes their figures. Returns how many workloads changed team or owner.
 */
export async function reresolveOwners(tx: Tx, where: Prisma.WorkloadWhereInput, now = new Date()): Promise<number> {
  const labelKeys = await getTeamLabelKeys(tx);
  const clusters = new Map((await tx.cluster.findMany({ select: { id: true, name: true } })).map((c) => [c.name, c.id]));
  const namespaceTeams = new Map<number, Map<string, string>>();
  const overrides = new Map<string, { team: string | null; owner: string | null }>();
  let changed = 0;
  let cursor = 0;
  for (;;) {
    const workloads = await tx.workload.findMany({
      where: { AND: [{ isCurrent: true }, where, { id: { gt: cursor } }] },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, identity: true, clusterName: true, namespace: true, platform: true, team: true, owner: true, spec: true },
    });
    if (workloads.length === 0) break;
    cursor = workloads[workloads.length - 1].id;
    const clusterIds = [...new Set(workloads.map((w) => clusters.get(w.clusterName)).filter((id): id is number => id !== undefined))];
    for (const clusterId of clusterIds.filter((id) => !namespaceTeams.has(id))) {
      const rows = await tx.namespaceTeam.findMany({ where: { clusterId }, select: { namespace: true, team: true } });
      namespaceTeams.set(clusterId, new Map(rows.map((r) => [r.namespace, r.team])));
    }
    const owners = await tx.workloadOwner.findMany({
      where: { clusterId: { in: clusterIds }, identity: { in: workloads.map((w) => w.identity) } },
      select: { identity: true, team: true, owner: true },
    });
    overrides.clear();
    for (const o of owners) overrides.set(o.identity, o);
    for (const workload of workloads) {
      const clusterId = clusters.get(workload.clusterName);
      const override = overrides.get(workload.identity);
      const namespaceTeam = workload.platform === "docker" || clusterId === undefined ? null : (namespaceTeams.get(clusterId)?.get(workload.namespace) ?? null);
      const { team } = resolveTeam({ labels: labelsOf(workload.spec), labelKeys, namespaceTeam, override: override?.team });
      const owner = override?.owner ?? null;
      if (team === workload.team && owner === workload.owner) continue;
      changed++;
      await tx.workload.update({ where: { id: workload.id }, data: { team, owner } });
    }
  }
  await recomputeFigures(tx, where, now);
  return changed;
}

export type OwnersChange = { ok: true; message: string; changedWorkloads: number } | { ok: false; message: string };

export async function saveTeamLabelKeys(keys: string[], actor: string): Promise<OwnersChange> {
  const parsed = teamLabelKeysSchema.safeParse(keys);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Not a list of label keys." };
  return db.$transaction(async (tx) => {
    const before = await getTeamLabelKeys(tx);
    const value = JSON.stringify(parsed.data);
    if (JSON.stringify(before) === value) return { ok: true, message: "Label keys unchanged.", changedWorkloads: 0 };
    await tx.setting.upsert({
      where: { key: TEAM_LABEL_KEYS_SETTING },
      create: { key: TEAM_LABEL_KEYS_SETTING, value: parsed.data },
      update: { value: parsed.data, updatedAt: new Date() },
    });
    await tx.auditEvent.create({
      data: { actor, action: "changed team label keys", entity: "setting", field: TEAM_LABEL_KEYS_SETTING, fromValue: JSON.stringify(before), toValue: value },
    });
    const changedWorkloads = await reresolveOwners(tx, {});
    return { ok: true, message: `Saved. ${changedWorkloads} current workloads changed team.`, changedWorkloads };
  }, TX);
}

export async function setNamespaceTeam(clusterId: number, namespace: string, team: string | null, actor: string): Promise<OwnersChange> {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { name: true } });
    if (!cluster) return { ok: false, message: "No such cluster: nothing was changed." };
    const before = await tx.namespaceTeam.findUnique({ where: { clusterId_namespace: { clusterId, namespace } } });
    if ((before?.team ?? null) === team) return { ok: true, message: "Unchanged.", changedWorkloads: 0 };
    if (team === null) await tx.namespaceTeam.delete({ where: { clusterId_namespace: { clusterId, namespace } } });
    else
      await tx.namespaceTeam.upsert({
        where: { clusterId_namespace: { clusterId, namespace } },
        create: { clusterId, namespace, team },
        update: { team, updatedAt: new Date() },
      });
    await tx.auditEvent.create({
      data: { actor, action: team === null ? "removed namespace team" : "set namespace team", clusterId, entity: "namespace-team", entityId: before?.id, field: "team", fromValue: before?.team ?? null, toValue: team, identity: `${cluster.name}/${namespace}` },
    });
    const changedWorkloads = await reresolveOwners(tx, { clusterName: cluster.name, namespace });
    return { ok: true, message: `${cluster.name}/${namespace}: ${team ?? "no team"}. ${changedWorkloads} current workloads changed team.`, changedWorkloads };
  }, TX);
}

async function writeWorkloadOwner(tx: Tx, clusterId: number, identity: string, team: string | null, owner: string | null, actor: string, action: string): Promise<boolean> {
  const before = await tx.workloadOwner.findUnique({ where: { clusterId_identity: { clusterId, identity } } });
  if ((before?.team ?? null) === team && (before?.owner ?? null) === owner) return false;
  if (team === null && owner === null) {
    if (before) await tx.workloadOwner.delete({ where: { id: before.id } });
  } else {
    await tx.workloadOwner.upsert({
      where: { clusterId_identity: { clusterId, identity } },
      create: { clusterId, identity, team, owner },
      update: { team, owner, updatedAt: new Date() },
    });
  }
  const events = (["team", "owner"] as const).flatMap((field) => {
    const from = before?.[field] ?? null;
    const to = field === "team" ? team : owner;
    return from === to ? [] : [{ actor, action, clusterId, identity, entity: "workload-owner", entityId: before?.id, field, fromValue: from, toValue: to }];
  });
  await tx.auditEvent.createMany({ data: events });
  return true;
}

/** The override on one workload's page: keyed by cluster + identity, so it outlives the snapshot row. */
export async function setWorkloadOwner(workloadId: number, team: string | null, owner: string | null, actor: string): Promise<OwnersChange> {
  return db.$transaction(async (tx) => {
    const workload = await tx.workload.findUnique({ where: { id: workloadId }, select: { identity: true, clusterName: true, upload: { select: { clusterId: true } } } });
    if (!workload) return { ok: false, message: "No such workload: nothing was changed." };
    const action = team === null && owner === null ? "removed owner override" : "set owner override";
    const wrote = await writeWorkloadOwner(tx, workload.upload.clusterId, workload.identity, team, owner, actor, action);
    if (!wrote) return { ok: true, message: "Unchanged.", changedWorkloads: 0 };
    const changedWorkloads = await reresolveOwners(tx, { clusterName: workload.clusterName, identity: workload.identity });
    return { ok: true, message: team === null && owner === null ? "Override removed." : "Owner saved.", changedWorkloads };
  }, TX);
}

export interface OwnersPreview {
  kind: "workloads" | "namespaces" | null;
  rows: (WorkloadOwnerRow | NamespaceTeamRow)[];
  errors: RowError[];
}

/** Parses the CSV and checks its clusters exist; writes nothing. */
export async function previewOwnersCsv(text: string, client: Tx | typeof db = db): Promise<OwnersPreview & { clusterIds: Map<string, number> }> {
  const parsed = parseOwnersCsv(text);
  if (!parsed.ok) return { kind: null, rows: [], errors: parsed.errors, clusterIds: new Map() };
  const names = [...new Set<string>(parsed.rows.map((row) => row.cluster))];
  const clusterIds = new Map((await client.cluster.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })).map((c) => [c.name, c.id]));
  const errors = [...parsed.errors];
  const rows: (WorkloadOwnerRow | NamespaceTeamRow)[] = [];
  for (const row of parsed.rows) {
    if (clusterIds.has(row.cluster)) rows.push(row);
    else errors.push({ line: row.line, message: `unknown cluster "${row.cluster}": upload it first` });
  }
  errors.sort((a, b) => a.line - b.line);
  return { kind: parsed.kind, rows, errors, clusterIds };
}

/** Writes the good rows of the CSV (the ones the preview showed); refused if their number changed. */
export async function importOwnersCsv(text: string, expectedRows: number, actor: string): Promise<OwnersChange & { imported?: number }> {
  return db.$transaction(async (tx) => {
    const preview = await previewOwnersCsv(text, tx);
    if (preview.kind === null || preview.rows.length === 0) return { ok: false, message: "No rows to import: nothing was written." };
    if (preview.rows.length !== expectedRows) {
      return { ok: false, message: `The file now has ${preview.rows.length} good rows, not ${expectedRows}: preview it again. Nothing was written.` };
    }
    let written = 0;
    const touched = new Map<string, Prisma.WorkloadWhereInput[]>();
    const touch = (cluster: string, where: Prisma.WorkloadWhereInput) => touched.set(cluster, [...(touched.get(cluster) ?? []), where]);
    for (const row of preview.rows) {
      const clusterId = preview.clusterIds.get(row.cluster);
      if (clusterId === undefined) continue;
      if ("kind" in row) {
        const identity = `${row.cluster}/${row.namespace}/${row.kind}/${row.name}`;
        if (await writeWorkloadOwner(tx, clusterId, identity, row.team, row.owner, actor, "imported owner override")) {
          written++;
          touch(row.cluster, { identity });
        }
      } else {
        const before = await tx.namespaceTeam.findUnique({ where: { clusterId_namespace: { clusterId, namespace: row.namespace } } });
        if (before?.team === row.team) continue;
        await tx.namespaceTeam.upsert({
          where: { clusterId_namespace: { clusterId, namespace: row.namespace } },
          create: { clusterId, namespace: row.namespace, team: row.team },
          update: { team: row.team, updatedAt: new Date() },
        });
        await tx.auditEvent.create({
          data: { actor, action: "imported namespace team", clusterId, entity: "namespace-team", entityId: before?.id, field: "team", fromValue: before?.team ?? null, toValue: row.team, identity: `${row.cluster}/${row.namespace}` },
        });
        written++;
        touch(row.cluster, { namespace: row.namespace });
      }
    }
    let changedWorkloads = 0;
    for (const [cluster, wheres] of touched) {
      for (let start = 0; start < wheres.length; start += BATCH) {
        changedWorkloads += await reresolveOwners(tx, { clusterName: cluster, OR: wheres.slice(start, start + BATCH) });
      }
    }
    return {
      ok: true,
      imported: written,
      changedWorkloads,
      message: `Imported ${preview.rows.length} rows (${written} changed a decision); ${changedWorkloads} current workloads changed team or owner.`,
    };
  }, TX);
}

export interface OwnersSettings {
  labelKeys: string[];
  clusters: { id: number; name: string }[];
  namespaceTeams: { clusterId: number; cluster: string; namespace: string; team: string }[];
  overrides: number;
}

export async function getOwnersSettings(): Promise<OwnersSettings> {
  const [labelKeys, clusters, namespaceTeams, overrides] = await Promise.all([
    getTeamLabelKeys(),
    db.cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.namespaceTeam.findMany({ orderBy: [{ cluster: { name: "asc" } }, { namespace: "asc" }], take: 500, select: { clusterId: true, namespace: true, team: true, cluster: { select: { name: true } } } }),
    db.workloadOwner.count(),
  ]);
  return { labelKeys, clusters, namespaceTeams: namespaceTeams.map((n) => ({ clusterId: n.clusterId, cluster: n.cluster.name, namespace: n.namespace, team: n.team })), overrides };
}

/** The override stored for a workload (cluster + identity), if any. */
export async function getWorkloadOwnerOverride(clusterName: string, identity: string): Promise<{ team: string | null; owner: string | null } | null> {
  return db.workloadOwner.findFirst({ where: { cluster: { name: clusterName }, identity }, select: { team: true, owner: true } });
}
