// Progress tracking through the real import (worker thread, SQLite): series, diffs against the
// previous snapshot, remediation items closed and reopened by uploads, waivers and owners applied.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
});

const LIMITS = `resources: { limits: { cpu: "1", memory: 512Mi } }`;

function deployment(name: string, namespace: string, pod: string, labels = ""): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace}${labels ? `, labels: { ${labels} }` : ""} }
spec:
  template:
    spec:
${pod}
`;
}

const web = (hostNetwork: boolean, extra = "") =>
  deployment(
    "web",
    "shop",
    `${hostNetwork ? "      hostNetwork: true\n" : ""}      containers:
        - name: web
          image: web:1${extra}
          ${LIMITS}
          volumeMounts:
            - { name: data, mountPath: /data, subPath: app }
      volumes:
        - name: data
          emptyDir: {}`,
  );
const api = (privileged: boolean) =>
  deployment(
    "api",
    "shop",
    `      containers:
        - name: api
          image: api:1
          ${LIMITS}${privileged ? "\n          securityContext: { privileged: true }" : ""}`,
  );

async function upload(cluster: string, ...docs: string[]) {
  const result = await importUpload({
    cluster,
    target: "kata-qemu-runtime-rs",
    files: [{ name: "inventory.yaml", content: docs.join("---\n") }],
  });
  if (!result.ok) throw new Error(`upload refused: ${result.message}`);
  return result.uploadId;
}

async function item(cluster: string, ruleId: string) {
  return db.remediationItem.findFirstOrThrow({ where: { cluster: { name: cluster }, ruleId } });
}

describe("import: snapshots of a series", () => {
  it("compares each upload with the previous one of its series and keeps items across uploads", async () => {
    const first = await upload("track", web(true), api(false));
    const firstUpload = await db.upload.findUniqueOrThrow({ where: { id: first } });
    expect(firstUpload).toMatchObject({ previousUploadId: null, newWorkloadCount: 2, resolvedFindingCount: 0 });
    // A first snapshot: every finding is new.
    expect(firstUpload.newFindingCount).toBe(await db.finding.count({ where: { uploadId: first } }));
    expect(firstUpload.newFindingCount).toBeGreaterThanOrEqual(2);
    const hostNetwork = await item("track", "host-network");
    expect(hostNetwork).toMatchObject({ status: "open", firstSeenUploadId: first, lastSeenUploadId: first, resolvedInUploadId: null });

    // host-network fixed on web, api turns privileged.
    const second = await upload("track", web(false), api(true));
    const secondUpload = await db.upload.findUniqueOrThrow({ where: { id: second }, include: { series: true, cluster: true } });
    expect(secondUpload).toMatchObject({
      previousUploadId: first,
      seriesId: firstUpload.seriesId,
      newWorkloadCount: 0,
      removedWorkloadCount: 0,
      newFindingCount: 1,
      resolvedFindingCount: 1,
      regressedFindingCount: 0,
    });
    expect(secondUpload.unchangedFindingCount).toBeGreaterThanOrEqual(1);
    expect(secondUpload.series.currentUploadId).toBe(second);
    expect(secondUpload.cluster.currentSeriesId).toBe(secondUpload.seriesId);
    expect(await item("track", "host-network")).toMatchObject({ status: "fixed", resolvedInUploadId: second, id: hostNetwork.id });
    const changes = await db.finding.findMany({ where: { uploadId: second }, select: { ruleId: true, change: true, fingerprint: true } });
    expect(changes.find((f) => f.ruleId === "privileged")?.change).toBe("new");
    expect(changes.find((f) => f.ruleId === "subpath")?.change).toBe("unchanged");
    expect(changes.every((f) => f.fingerprint.length > 20)).toBe(true);
    const fixedEvent = await db.auditEvent.findFirst({ where: { entityId: hostNetwork.id, toValue: "fixed" } });
    expect(fixedEvent).toMatchObject({ actor: `upload #${second}`, fromValue: "open", action: `fixed: verified by upload #${second}` });

    // host-network is back: a regression, and its item reopens.
    const third = await upload("track", web(true, "\n          imagePullPolicy: Always"), api(true));
    expect(await db.upload.findUniqueOrThrow({ where: { id: third } })).toMatchObject({
      previousUploadId: second,
      regressedFindingCount: 1,
    });
    expect(await item("track", "host-network")).toMatchObject({ status: "open", resolvedInUploadId: null, lastSeenUploadId: third });
    expect(await db.finding.findFirst({ where: { uploadId: third, ruleId: "host-network" } })).toMatchObject({ change: "regressed" });
  });

  it("never hands out the ids of a deleted upload's workloads again", async () => {
    const kept = await upload("ids", api(false));
    const dropped = await upload("ids", api(true));
    const highest = (await db.workload.findFirstOrThrow({ where: { uploadId: dropped }, orderBy: { id: "desc" } })).id;
    await db.upload.delete({ where: { id: dropped } });
    const again = await upload("ids", api(true), web(false));
    const ids = (await db.workload.findMany({ where: { uploadId: again }, select: { id: true } })).map((w) => w.id);
    expect(Math.min(...ids)).toBeGreaterThan(highest);
    expect(kept).toBeLessThan(again);
  });
});

describe("import: decisions in force", () => {
  it("applies a waiver in force to readiness, score and path, keeps the raw figures, and ignores an expired one", async () => {
    const future = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const past = new Date(Date.now() - 24 * 3600 * 1000);
    await db.waiver.create({
      data: {
        ruleId: "host-network",
        cluster: "waived",
        namespace: "shop",
        reason: "monitoring agent",
        approver: "lead",
        expiresAt: future,
        createdBy: "test",
      },
    });
    await db.waiver.create({
      data: { ruleId: "subpath", cluster: "waived", reason: "old", approver: "lead", expiresAt: past, createdBy: "test" },
    });
    const id = await upload("waived", web(true));
    const workload = await db.workload.findFirstOrThrow({ where: { uploadId: id }, include: { findings: true } });
    expect(workload).toMatchObject({
      readiness: "blocked",
      rawReadiness: "blocked",
      migrationPath: "manifest-fixes",
      rawMigrationPath: "stays-on-runc",
    });
    expect(workload.score).toBe(workload.rawScore + 40);
    expect(workload.waiverCheckAt?.getTime()).toBe(future.getTime());
    expect(workload.findings.find((f) => f.ruleId === "host-network")?.waiverId).not.toBeNull();
    expect(workload.findings.find((f) => f.ruleId === "subpath")?.waiverId).toBeNull();
  });

  it("takes the team from an override, then the labels, then the namespace's team", async () => {
    const cluster = await db.cluster.create({ data: { name: "owned" } });
    await db.namespaceTeam.create({ data: { clusterId: cluster.id, namespace: "shop", team: "shop-team" } });
    await db.workloadOwner.create({
      data: { clusterId: cluster.id, identity: "owned/shop/Deployment/api", team: "api-team", owner: "alice" },
    });
    const id = await upload(
      "owned",
      api(false),
      web(false),
      deployment("labelled", "shop", `      containers:\n        - name: x\n          image: x:1\n          ${LIMITS}`, "team: from-label"),
    );
    const rows = await db.workload.findMany({
      where: { uploadId: id },
      select: { name: true, team: true, owner: true },
      orderBy: { name: "asc" },
    });
    expect(rows).toEqual([
      { name: "api", team: "api-team", owner: "alice" },
      { name: "labelled", team: "from-label", owner: null },
      { name: "web", team: "shop-team", owner: null },
    ]);
  });
});
