// Minimal rows for data-layer tests: one upload per call, workloads with the denormalised columns the
// pages aggregate. Not the import pipeline: tests of lib/import.ts cover that.
import type { Readiness, Remedy, Severity } from "@/lib/domain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { searchTextOf } from "@/lib/workload-search";

export interface SeedFinding {
  ruleId: string;
  severity: Severity;
  remedy?: Remedy | null;
  container?: string | null;
  message?: string;
}

export interface SeedWorkload {
  name: string;
  namespace?: string;
  kind?: string;
  team?: string | null;
  readiness?: Readiness;
  score?: number;
  migrated?: boolean;
  replicas?: number;
  perNode?: boolean;
  vmMemoryMiB?: number;
  vmVcpus?: number;
  overheadMemoryMiB?: number;
  overheadMilliCpu?: number;
  findings?: SeedFinding[];
}

export type SeedUploadCounts = Partial<
  Record<"workloadCount" | "readyCount" | "needsChangesCount" | "blockedCount" | "migratedCount" | "skippedCount" | "errorCount", number>
>;

export interface SeedUploadRow extends SeedUploadCounts {
  clusterId: number;
  contentSha256: string;
  catalogVersion?: string;
}

const SEED_TARGET = "kata-qemu-runtime-rs";

/**
 * One upload row with its counts as given (zero otherwise); no workloads. It becomes its series' and
 * its cluster's current upload, as an import makes it.
 */
export async function createSeedUpload(db: PrismaClient, { clusterId, contentSha256, catalogVersion = "1", ...counts }: SeedUploadRow) {
  const series = await db.series.upsert({
    where: { clusterId_target: { clusterId, target: SEED_TARGET } },
    create: { clusterId, target: SEED_TARGET },
    update: {},
  });
  const upload = await db.upload.create({
    data: {
      clusterId,
      seriesId: series.id,
      previousUploadId: series.currentUploadId,
      target: SEED_TARGET,
      catalogVersion,
      scoreFormula: "v1",
      contentSha256,
      workloadCount: 0,
      readyCount: 0,
      needsChangesCount: 0,
      blockedCount: 0,
      migratedCount: 0,
      skippedCount: 0,
      errorCount: 0,
      ...counts,
    },
  });
  await db.series.update({ where: { id: series.id }, data: { currentUploadId: upload.id } });
  await db.cluster.update({ where: { id: clusterId }, data: { currentSeriesId: series.id } });
  return upload;
}

/** Creates (or reuses) the cluster, marks its older workloads not current, and adds a new upload. */
export async function seedUpload(db: PrismaClient, clusterName: string, workloads: SeedWorkload[]) {
  const cluster = await db.cluster.upsert({ where: { name: clusterName }, create: { name: clusterName }, update: {} });
  await db.workload.updateMany({ where: { clusterName, isCurrent: true }, data: { isCurrent: false } });
  await db.finding.updateMany({ where: { workload: { clusterName }, isCurrent: true }, data: { isCurrent: false } });
  const count = (readiness: string) => workloads.filter((w) => (w.readiness ?? "ready") === readiness).length;
  const upload = await createSeedUpload(db, {
    clusterId: cluster.id,
    contentSha256: `${clusterName}-${Date.now()}-${Math.random()}`,
    workloadCount: workloads.length,
    readyCount: count("ready"),
    needsChangesCount: count("needs-changes"),
    blockedCount: count("blocked"),
    migratedCount: workloads.filter((w) => w.migrated).length,
  });
  for (const w of workloads) {
    const namespace = w.namespace ?? "default";
    const kind = w.kind ?? "Deployment";
    const replicas = w.replicas ?? 1;
    const overheadMemoryMiB = w.overheadMemoryMiB ?? 320;
    const overheadMilliCpu = w.overheadMilliCpu ?? 250;
    const findings = w.findings ?? [];
    await db.workload.create({
      data: {
        uploadId: upload.id,
        clusterName,
        identity: `${clusterName}/${namespace}/${kind}/${w.name}`,
        platform: "kubernetes",
        kind,
        namespace,
        name: w.name,
        team: w.team ?? null,
        source: "seed.yaml",
        score: w.score ?? 100,
        readiness: w.readiness ?? "ready",
        rawScore: w.score ?? 100,
        rawReadiness: w.readiness ?? "ready",
        migrated: w.migrated ?? false,
        blockerCount: findings.filter((f) => f.severity === "blocker").length,
        warningCount: findings.filter((f) => f.severity === "warning").length,
        infoCount: findings.filter((f) => f.severity === "info").length,
        spec: {},
        searchText: searchTextOf({ name: w.name, namespace, labels: {}, object: {}, pods: [] }),
        sizing: {
          vmVcpus: w.vmVcpus ?? 1.2,
          vmMemoryMiB: w.vmMemoryMiB ?? 2048,
          overheadMemoryMiB,
          overheadMilliCpu,
          replicas,
          perNode: w.perNode ?? false,
          schedulerMemoryMiB: overheadMemoryMiB * replicas,
          schedulerMilliCpu: overheadMilliCpu * replicas,
        },
        replicas,
        perNode: w.perNode ?? false,
        vmMemoryMiB: w.vmMemoryMiB ?? 2048,
        vmVcpus: w.vmVcpus ?? 1.2,
        overheadMemoryMiB,
        overheadMilliCpu,
        findings: {
          create: findings.map((f, index) => ({
            uploadId: upload.id,
            fingerprint: `${clusterName}/${namespace}/${kind}/${w.name}|${f.ruleId}|${index}`,
            ruleId: f.ruleId,
            severity: f.severity,
            remedy: f.remedy ?? null,
            container: f.container ?? null,
            path: `spec.template.spec.containers[${index}]`,
            message: f.message ?? `${f.ruleId} fired`,
          })),
        },
      },
    });
  }
  return upload;
}
