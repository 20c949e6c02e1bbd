// Waivers created after an upload, and waivers that expire, change the stored figures through the same
// function the import uses; the clock is passed in.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let tracking: typeof import("./tracking");

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  tracking = await import("./tracking");
});

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: monitoring }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: agent:1
          resources: { limits: { cpu: "1", memory: 256Mi } }
`;

async function agent() {
  return db.workload.findFirstOrThrow({ where: { isCurrent: true, clusterName: "ops" }, include: { findings: true } });
}

describe("waivers after an upload", () => {
  it("applies a new waiver, then lets it lapse at its expiry", async () => {
    const result = await importUpload({ cluster: "ops", target: "kata-qemu-runtime-rs", files: [{ name: "agent.yaml", content: AGENT }] });
    expect(result.ok).toBe(true);
    expect(await agent()).toMatchObject({ readiness: "blocked", migrationPath: "stays-on-runc" });

    const now = new Date("2030-01-01T00:00:00Z");
    const expiresAt = new Date("2030-02-01T00:00:00Z");
    const waiver = await db.waiver.create({
      data: { ruleId: "host-network", cluster: "ops", namespace: "monitoring", reason: "node agent", approver: "lead", expiresAt, createdBy: "test" },
    });
    expect(await tracking.recomputeFigures(db, { clusterName: "ops" }, now)).toBe(1);
    const waived = await agent();
    expect(waived).toMatchObject({ readiness: "ready", migrationPath: "ready", rawReadiness: "blocked", score: 100 });
    expect(waived.waiverCheckAt?.toISOString()).toBe(expiresAt.toISOString());
    expect(waived.findings.find((f) => f.ruleId === "host-network")?.waiverId).toBe(waiver.id);
    // Nothing changed: nothing is written.
    expect(await tracking.recomputeFigures(db, { clusterName: "ops" }, now)).toBe(0);

    expect(await tracking.refreshExpiredWaivers(new Date("2030-01-31T23:59:59Z"))).toBe(0);
    expect(await tracking.refreshExpiredWaivers(expiresAt)).toBe(1);
    const lapsed = await agent();
    expect(lapsed).toMatchObject({ readiness: "blocked", migrationPath: "stays-on-runc", waiverCheckAt: null });
    expect(lapsed.findings.every((f) => f.waiverId === null)).toBe(true);
  });
});
