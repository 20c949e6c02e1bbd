// Deleting an upload through the real import and SQLite: the pointers fall back, the isCurrent copy
// follows them, decisions stay, and the upload that followed is compared with the one before.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import type { ProfileId } from "@/lib/scoring/profiles";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let deleteUpload: typeof import("./upload-delete").deleteUpload;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  ({ deleteUpload } = await import("./upload-delete"));
});

const LIMITS = `resources: { limits: { cpu: "1", memory: 512Mi } }`;
const app = (name: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: ${name}:1
          ${LIMITS}
`;
const HOST = "      hostNetwork: true\n";
const PID = "      hostPID: true\n";

async function upload(cluster: string, target: ProfileId, ...docs: string[]) {
  const result = await importUpload({ cluster, target, files: [{ name: "inventory.yaml", content: docs.join("---\n") }] });
  if (!result.ok) throw new Error(`upload refused: ${result.message}`);
  return result.uploadId;
}

const T = "kata-qemu-runtime-rs";

describe("deleteUpload", () => {
  it("falls back to the newest remaining upload, moves isCurrent, keeps decisions and re-compares the next upload", async () => {
    const first = await upload("del-a", T, app("web", HOST), app("api"));
    const second = await upload("del-a", T, app("web"), app("api", PID));
    const third = await upload("del-a", T, app("web"), app("api", PID), app("db"));
    const items = await db.remediationItem.count({ where: { cluster: { name: "del-a" } } });
    await db.workloadOwner.create({ data: { clusterId: (await db.cluster.findUniqueOrThrow({ where: { name: "del-a" } })).id, identity: "del-a/shop/Deployment/web", team: "payments" } });

    // The middle one: the third is now compared with the first.
    expect(await deleteUpload(second, "tester")).toMatchObject({ ok: true, currentUploadId: third, recomparedUploadId: third });
    // The same as uploading the third straight after the first.
    await upload("del-ref", T, app("web", HOST), app("api"));
    const reference = await upload("del-ref", T, app("web"), app("api", PID), app("db"));
    const counts = (u: { newWorkloadCount: number; removedWorkloadCount: number; newFindingCount: number; resolvedFindingCount: number; regressedFindingCount: number; newRuleFindingCount: number; unchangedFindingCount: number }) => [
      u.newWorkloadCount, u.removedWorkloadCount, u.newFindingCount, u.resolvedFindingCount, u.regressedFindingCount, u.newRuleFindingCount, u.unchangedFindingCount,
    ];
    const recompared = await db.upload.findUniqueOrThrow({ where: { id: third } });
    const expected = await db.upload.findUniqueOrThrow({ where: { id: reference } });
    expect(recompared.previousUploadId).toBe(first);
    expect(counts(recompared)).toEqual(counts(expected));
    expect(recompared).toMatchObject({ newWorkloadCount: 1, resolvedFindingCount: 1 });
    const changeOf = async (id: number) =>
      (await db.finding.findMany({ where: { uploadId: id }, select: { ruleId: true, path: true, change: true, workload: { select: { name: true } } } }))
        .map((f) => `${f.workload.name} ${f.ruleId} ${f.path} ${f.change}`)
        .sort();
    expect(await changeOf(third)).toEqual(await changeOf(reference));
    // hostPID on api was "unchanged" against the second upload; against the first it is new.
    expect(await db.finding.count({ where: { uploadId: third, ruleId: "host-pid", change: "new" } })).toBe(1);

    // The current one: the first becomes current again, flags included.
    expect(await deleteUpload(third, "tester")).toMatchObject({ ok: true, currentUploadId: first, recomparedUploadId: null });
    const series = await db.series.findFirstOrThrow({ where: { cluster: { name: "del-a" } } });
    expect(series.currentUploadId).toBe(first);
    const current = await db.workload.findMany({ where: { clusterName: "del-a", isCurrent: true }, select: { uploadId: true } });
    expect(current.map((w) => w.uploadId)).toEqual([first, first]);
    expect(await db.finding.count({ where: { uploadId: first, isCurrent: false } })).toBe(0);
    expect(await db.workload.count({ where: { uploadId: { in: [second, third] } } })).toBe(0);

    // Decisions stay; the history says who deleted what.
    expect(await db.remediationItem.count({ where: { cluster: { name: "del-a" } } })).toBe(items);
    expect(await db.workloadOwner.count({ where: { identity: "del-a/shop/Deployment/web" } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { entity: "upload", actor: "tester" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.entityId)).toEqual([second, third]);

    // The last one: the series has none left and the cluster shows nothing.
    expect(await deleteUpload(first, "tester")).toMatchObject({ ok: true, currentUploadId: null });
    expect((await db.cluster.findUniqueOrThrow({ where: { name: "del-a" } })).currentSeriesId).toBeNull();
    expect(await db.remediationItem.count({ where: { cluster: { name: "del-a" } } })).toBe(items);
    expect(await deleteUpload(first, "tester")).toMatchObject({ ok: false });
  });

  it("shows the series with the newest remaining upload when the cluster's current series loses its last upload", async () => {
    const qemu = await upload("del-b", T, app("web"));
    const other = await upload("del-b", "kata-clh", app("web", HOST));
    const cluster = await db.cluster.findUniqueOrThrow({ where: { name: "del-b" }, include: { series: true } });
    expect(cluster.currentSeriesId).toBe(cluster.series.find((s) => s.target === "kata-clh")?.id);

    await deleteUpload(other, "tester");
    const after = await db.cluster.findUniqueOrThrow({ where: { name: "del-b" } });
    expect(after.currentSeriesId).toBe(cluster.series.find((s) => s.target === T)?.id);
    expect(await db.workload.findMany({ where: { clusterName: "del-b", isCurrent: true }, select: { uploadId: true } })).toEqual([{ uploadId: qemu }]);
  });

  it("re-points remediation items off the deleted upload: a fix verified by it moves to the next upload or reopens", async () => {
    const item = () => db.remediationItem.findFirstOrThrow({ where: { cluster: { name: "del-items" }, ruleId: "host-network" } });
    const dangling = async () => {
      const ids = new Set((await db.upload.findMany({ select: { id: true } })).map((u) => u.id));
      return (await db.remediationItem.findMany()).filter((i) =>
        [i.firstSeenUploadId, i.lastSeenUploadId, i.resolvedInUploadId].some((id) => id !== null && !ids.has(id)),
      );
    };
    const first = await upload("del-items", T, app("web", HOST));
    const second = await upload("del-items", T, app("web"));
    const third = await upload("del-items", T, app("web"), app("api"));
    expect(await item()).toMatchObject({ status: "fixed", firstSeenUploadId: first, lastSeenUploadId: first, resolvedInUploadId: second });

    // The upload after it still lacks the finding on the same workload: that one verifies the fix now.
    await deleteUpload(second, "tester");
    expect(await item()).toMatchObject({ status: "fixed", resolvedInUploadId: third });

    // Deleting the current one brings back the snapshot with the finding: the item is open again.
    await db.remediationItem.update({ where: { id: (await item()).id }, data: { assignee: "kim" } });
    await deleteUpload(third, "tester");
    expect(await item()).toMatchObject({ status: "open", resolvedInUploadId: null, assignee: "kim", firstSeenUploadId: first, lastSeenUploadId: first });
    const reopened = await db.auditEvent.findFirstOrThrow({ where: { entity: "remediation-item", entityId: (await item()).id, actor: "tester" } });
    expect(reopened).toMatchObject({ action: `reopened: upload #${third} that verified the fix was deleted`, fromValue: "fixed", toValue: "open" });

    // No upload shows the finding any more: the item stays, pointing at none.
    await deleteUpload(first, "tester");
    expect(await item()).toMatchObject({ status: "open", assignee: "kim", firstSeenUploadId: null, lastSeenUploadId: null, resolvedInUploadId: null });
    expect(await dangling()).toEqual([]);
  });

  it("leaves the cluster's current snapshot alone when an older upload goes", async () => {
    const a = await upload("del-c", T, app("web", HOST));
    const b = await upload("del-c", T, app("web"));
    await deleteUpload(a, "tester");
    expect(await db.upload.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ previousUploadId: null, resolvedFindingCount: 0, newWorkloadCount: 1 });
    expect(await db.workload.count({ where: { clusterName: "del-c", isCurrent: true, uploadId: b } })).toBe(1);
  });
});
