import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let rescoreUpload: typeof import("@/lib/rescore").rescoreUpload;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  ({ rescoreUpload } = await import("@/lib/rescore"));
});

const COMPOSE = `name: shop
services:
  web:
    image: nginx:1.27
    mem_limit: 256m
    cpus: 0.5
  db:
    image: postgres:17
    network_mode: bridge
    mem_limit: 1g
    cpus: 1
`;

const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
          livenessProbe: { exec: { command: ["/bin/check"] } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared, namespace: shop }
spec: { accessModes: [ReadWriteMany] }
`;

async function importFiles(cluster: string, name: string, content: string): Promise<number> {
  const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name, content }] });
  if (!result.ok) throw new Error(result.message);
  return result.uploadId;
}

/** What catalog 1 stored for this upload: no 1.2 findings, counts and scores to match, no context. */
async function makeItLookLikeCatalog1(uploadId: number, { keepContext = false } = {}) {
  const newRules = ["docker-embedded-dns", "exec-liveness-probe", "kata-container-metrics"];
  await db.finding.deleteMany({ where: { workload: { uploadId }, ruleId: { in: newRules } } });
  await db.inventoryFinding.deleteMany({ where: { uploadId, ruleId: { in: newRules } } });
  await db.workload.updateMany({ where: { uploadId }, data: { score: 100, readiness: "ready", blockerCount: 0, warningCount: 0 } });
  const count = await db.workload.count({ where: { uploadId } });
  await db.upload.update({
    where: { id: uploadId },
    data: {
      catalogVersion: "1",
      readyCount: count,
      needsChangesCount: 0,
      blockedCount: 0,
      ...(keepContext ? {} : { inventoryContext: Prisma.DbNull }),
    },
  });
}

/** Everything re-scoring may touch, to compare before and after. */
async function snapshot(uploadId: number) {
  return {
    upload: await db.upload.findUniqueOrThrow({ where: { id: uploadId } }),
    workloads: await db.workload.findMany({ where: { uploadId }, orderBy: { id: "asc" } }),
    findings: await db.finding.findMany({ where: { workload: { uploadId } }, orderBy: { id: "asc" } }),
    inventoryFindings: await db.inventoryFinding.findMany({ where: { uploadId }, orderBy: { id: "asc" } }),
  };
}

describe("rescoreUpload", () => {
  it("stores the inventory context at import", async () => {
    const id = await importFiles("ctx", "k8s.yaml", KUBERNETES);
    const upload = await db.upload.findUniqueOrThrow({ where: { id } });
    expect(upload.catalogVersion).toBe("1.2");
    expect(upload.inventoryContext).toMatchObject({
      persistentVolumeClaims: { "shop/shared": { accessModes: ["ReadWriteMany"], volumeMode: null } },
    });
  });

  it("re-scores a catalog 1 Compose upload: the new blocker comes back, with scores and counts", async () => {
    const id = await importFiles("compose", "shop/compose.yaml", COMPOSE);
    const scored = await snapshot(id);
    await makeItLookLikeCatalog1(id);
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).blockedCount).toBe(0);

    const result = await rescoreUpload(id);
    expect(result).toEqual({
      ok: true,
      uploadId: id,
      previousCatalogVersion: "1",
      catalogVersion: "1.2",
      summary: { workloads: 2, ready: 1, needsChanges: 0, blocked: 1, migrated: 0 },
      inventoryReevaluated: false,
    });
    const after = await snapshot(id);
    expect(after.upload).toMatchObject({
      catalogVersion: "1.2",
      scoreFormula: "v1",
      readyCount: 1,
      blockedCount: 1,
      needsChangesCount: 0,
      workloadCount: 2,
    });
    const web = after.workloads.find((w) => w.name === "web");
    expect(web).toMatchObject({ readiness: "blocked", score: 60, blockerCount: 1 });
    expect(after.findings.map((f) => [f.workloadId, f.ruleId, f.path, f.isCurrent])).toEqual([
      [web?.id, "docker-embedded-dns", "services.web", true],
    ]);
    // Same results as a fresh import under 1.2, and nothing else about the workloads changed.
    expect(
      after.workloads.map(({ score, readiness, blockerCount, warningCount, infoCount, spec, sizing }) => ({
        score,
        readiness,
        blockerCount,
        warningCount,
        infoCount,
        spec,
        sizing,
      })),
    ).toEqual(
      scored.workloads.map(({ score, readiness, blockerCount, warningCount, infoCount, spec, sizing }) => ({
        score,
        readiness,
        blockerCount,
        warningCount,
        infoCount,
        spec,
        sizing,
      })),
    );
  });

  it("re-evaluates inventory rules when the context was stored", async () => {
    const id = await importFiles("k8s", "k8s.yaml", KUBERNETES);
    await makeItLookLikeCatalog1(id, { keepContext: true });
    expect(await db.inventoryFinding.count({ where: { uploadId: id } })).toBe(0);

    const result = await rescoreUpload(id);
    expect(result).toMatchObject({ ok: true, inventoryReevaluated: true, summary: { needsChanges: 1 } });
    expect((await db.inventoryFinding.findMany({ where: { uploadId: id } })).map((f) => f.ruleId)).toEqual(["kata-container-metrics"]);
    expect((await db.finding.findMany({ where: { workload: { uploadId: id } } })).map((f) => f.ruleId)).toEqual([
      "exec-liveness-probe",
      "cpuset",
    ]);
  });

  it("keeps the stored inventory findings of an upload stored without its context", async () => {
    const id = await importFiles("old", "k8s.yaml", KUBERNETES);
    await db.inventoryFinding.create({
      data: { uploadId: id, ruleId: "nodes-not-kata-labelled", severity: "info", source: "nodes.json", path: "x", message: "kept" },
    });
    await makeItLookLikeCatalog1(id);
    const before = await db.inventoryFinding.findMany({ where: { uploadId: id } });

    const result = await rescoreUpload(id);
    expect(result).toMatchObject({ ok: true, inventoryReevaluated: false });
    expect(await db.inventoryFinding.findMany({ where: { uploadId: id } })).toEqual(before);
  });

  it("keeps an older snapshot's findings out of the current ones", async () => {
    const first = await importFiles("snap", "compose.yaml", COMPOSE);
    await importFiles("snap", "compose.yaml", COMPOSE.replace("nginx:1.27", "nginx:1.28"));
    await makeItLookLikeCatalog1(first);
    await rescoreUpload(first);
    const findings = await db.finding.findMany({ where: { workload: { uploadId: first } } });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => !f.isCurrent)).toBe(true);
  });

  it("changes nothing when the transaction fails half-way", async () => {
    const id = await importFiles("fails", "compose.yaml", COMPOSE);
    await makeItLookLikeCatalog1(id);
    const before = await snapshot(id);
    // The upload row is written last: by then findings and workloads have been rewritten.
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_rescore BEFORE UPDATE OF "catalogVersion" ON "Upload" BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    try {
      await expect(rescoreUpload(id)).rejects.toThrow(/prisma.upload.update/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_rescore`);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses an upload whose stored spec cannot be read, and changes nothing", async () => {
    const id = await importFiles("corrupt", "compose.yaml", COMPOSE);
    await makeItLookLikeCatalog1(id);
    const victim = await db.workload.findFirstOrThrow({ where: { uploadId: id }, orderBy: { id: "desc" } });
    await db.workload.update({ where: { id: victim.id }, data: { spec: { id: "x", platform: "mainframe" } } });
    const before = await snapshot(id);
    expect(await rescoreUpload(id)).toEqual({
      ok: false,
      reason: "unreadable",
      message: `Upload #${id}: workload #${victim.id}: its stored spec is not a normalised workload. Nothing was changed.`,
    });
    await db.workload.update({ where: { id: victim.id }, data: { spec: "a string" } });
    expect(await rescoreUpload(id)).toMatchObject({
      ok: false,
      reason: "unreadable",
      message: expect.stringContaining("not a normalised workload"),
    });
    expect((await snapshot(id)).findings).toEqual(before.findings);
    expect((await snapshot(id)).upload.catalogVersion).toBe("1");
  });

  it("refuses an unreadable stored context and an unknown upload", async () => {
    const id = await importFiles("badctx", "compose.yaml", COMPOSE);
    await db.upload.update({ where: { id }, data: { catalogVersion: "1", inventoryContext: { nodes: {} } } });
    expect(await rescoreUpload(id)).toMatchObject({
      ok: false,
      reason: "unreadable",
      message: expect.stringContaining("the stored inventory context is not an inventory context"),
    });
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).catalogVersion).toBe("1");
    expect(await rescoreUpload(999_999)).toEqual({ ok: false, reason: "not-found", message: "Upload #999999 does not exist." });
  });
});
