// Requirements declared in the dashboard: the finding appears at once with its figures and item, it
// survives re-uploads and re-scores (the import reads the rows), and removing it takes the finding away.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let declared: typeof import("./declared");
let rescoreUpload: typeof import("@/lib/rescore").rescoreUpload;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  ({ rescoreUpload } = await import("@/lib/rescore"));
  declared = await import("./declared");
});

const app = (image: string, annotation = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: app, namespace: ns${annotation ? `, annotations: { kata-readiness.io/requires: "${annotation}" }` : ""} }
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;

async function upload(cluster: string, doc: string) {
  const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name: "inventory.yaml", content: doc }] });
  if (!result.ok) throw new Error(result.message);
  return result.uploadId;
}

const current = (cluster: string) =>
  db.workload.findFirstOrThrow({ where: { clusterName: cluster, isCurrent: true }, include: { findings: { where: { isCurrent: true } } } });

describe("declared requirements set in the dashboard", () => {
  it("adds the finding at once, keeps it through re-uploads and re-scores, and removes it", async () => {
    await upload("decl", app("app:1"));
    const before = await current("decl");
    expect(before.findings.some((f) => f.ruleId === "checkpoint-restore")).toBe(false);

    expect(await declared.setDeclaredRequirement({ workloadId: before.id, requirement: "checkpoint-restore", declared: true }, "tester")).toEqual({ ok: true, message: "Declared checkpoint-restore." });
    const after = await current("decl");
    const finding = after.findings.find((f) => f.ruleId === "checkpoint-restore");
    expect(finding).toMatchObject({ path: "(declared in the dashboard)", change: "new" });
    expect(finding!.fingerprint.length).toBeGreaterThan(20);
    expect(after.score).toBeLessThan(before.score);
    expect(after.rawScore).toBe(after.score);
    const item = await db.remediationItem.findFirstOrThrow({ where: { cluster: { name: "decl" }, fingerprint: finding!.fingerprint } });
    expect(item).toMatchObject({ status: "open", ruleId: "checkpoint-restore", identity: after.identity });
    expect(await db.auditEvent.findFirst({ where: { actor: "tester", entity: "declared-requirement" } })).toMatchObject({ toValue: "checkpoint-restore", fromValue: null, identity: after.identity });

    // Upload again (other content): the import reads the declaration; same fingerprint, same item, unchanged.
    const second = await upload("decl", app("app:2"));
    const again = await current("decl");
    expect(again.uploadId).toBe(second);
    const kept = again.findings.find((f) => f.ruleId === "checkpoint-restore");
    expect(kept).toMatchObject({ fingerprint: finding!.fingerprint, change: "unchanged", path: "(declared in the dashboard)" });
    expect(again.score).toBe(after.score);
    // A re-score of the upload keeps it too.
    expect((await rescoreUpload(second)).ok).toBe(true);
    expect((await current("decl")).findings.some((f) => f.ruleId === "checkpoint-restore")).toBe(true);

    // Removed: the finding goes at once and the next upload does not bring it back.
    expect(await declared.setDeclaredRequirement({ workloadId: again.id, requirement: "checkpoint-restore", declared: false }, "tester")).toEqual({ ok: true, message: "Removed checkpoint-restore." });
    const removed = await current("decl");
    expect(removed.findings.some((f) => f.ruleId === "checkpoint-restore")).toBe(false);
    expect(removed.score).toBe(before.score);
    await upload("decl", app("app:3"));
    expect((await current("decl")).findings.some((f) => f.ruleId === "checkpoint-restore")).toBe(false);
  });

  it("closes the item when the requirement is removed and opens it again when it is declared again, with history", async () => {
    await upload("toggle", app("app:1"));
    const w = await current("toggle");
    const set = (requirement: string, on: boolean) => declared.setDeclaredRequirement({ workloadId: w.id, requirement, declared: on }, "tester");
    const itemOf = (ruleId: string) => db.remediationItem.findFirstOrThrow({ where: { cluster: { name: "toggle" }, identity: w.identity, ruleId } });
    const history = async (itemId: number) =>
      (await db.auditEvent.findMany({ where: { entity: "remediation-item", entityId: itemId }, orderBy: { id: "asc" } })).map((e) => [e.actor, e.action, e.fromValue, e.toValue]);

    await set("checkpoint-restore", true);
    const declaredScore = (await current("toggle")).score;
    const item = await itemOf("checkpoint-restore");
    expect(item.status).toBe("open");

    await set("checkpoint-restore", false);
    const removed = await current("toggle");
    expect(removed.score).toBe(w.score);
    expect(removed.readiness).toBe(w.readiness);
    expect(await itemOf("checkpoint-restore")).toMatchObject({ id: item.id, status: "fixed", resolvedInUploadId: null });
    expect(await history(item.id)).toEqual([["tester", "closed: requirement removed in the dashboard", "open", "fixed"]]);

    await set("checkpoint-restore", true);
    expect((await current("toggle")).score).toBe(declaredScore);
    expect(await itemOf("checkpoint-restore")).toMatchObject({ id: item.id, status: "open" });
    expect(await history(item.id)).toEqual([
      ["tester", "closed: requirement removed in the dashboard", "open", "fixed"],
      ["tester", "reopened: declared again in the dashboard", "fixed", "open"],
    ]);

    // A decision someone took stays: an accepted risk is not turned into "fixed".
    await set("oom-events", true);
    const accepted = await itemOf("oom-events");
    await db.remediationItem.update({ where: { id: accepted.id }, data: { status: "accepted-risk" } });
    await set("oom-events", false);
    expect((await itemOf("oom-events")).status).toBe("accepted-risk");
    expect(await history(accepted.id)).toEqual([]);
  });

  it("does not add a second finding when the manifest declares the item, and refuses unknown items and old snapshots", async () => {
    await upload("annotated", app("x:1", "port-forward"));
    const w = await current("annotated");
    await declared.setDeclaredRequirement({ workloadId: w.id, requirement: "port-forward", declared: true }, "t");
    expect((await current("annotated")).findings.filter((f) => f.ruleId === "port-forward")).toHaveLength(1);
    const states = await declared.getDeclaredStates("annotated", w.identity, w.findings);
    expect(states.find((s) => s.requirement === "port-forward")).toEqual({ requirement: "port-forward", inDashboard: true, inManifest: true });

    expect(await declared.setDeclaredRequirement({ workloadId: w.id, requirement: "<script>", declared: true }, "t")).toEqual({ ok: false, message: 'Unknown requirement "<script>".' });
    await upload("annotated", app("x:2"));
    expect(await declared.setDeclaredRequirement({ workloadId: w.id, requirement: "oom-events", declared: true }, "t")).toEqual({ ok: false, message: `Workload #${w.id} is not in a current snapshot.` });
  });
});
