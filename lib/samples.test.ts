import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./testing/test-db";
import { scan } from "./scan";
import { readSampleClusters, type SampleCluster } from "./samples";

let samples: SampleCluster[];

beforeAll(async () => {
  samples = await readSampleClusters();
});

describe("sample inventory", () => {
  it("covers two clusters, each read without errors", () => {
    expect(samples.map((s) => s.cluster)).toHaveLength(2);
    for (const sample of samples) {
      const result = scan(sample.files, { cluster: sample.cluster });
      expect(result.errors, sample.cluster).toEqual([]);
      expect(result.workloads.length, sample.cluster).toBeGreaterThan(0);
    }
  });

  it("has ready, needs-changes and blocked workloads, and one already on Kata", () => {
    const workloads = samples.flatMap((sample) => scan(sample.files, { cluster: sample.cluster }).workloads);
    const readiness = new Set(workloads.map((w) => w.readiness));
    expect([...readiness].sort()).toEqual(["blocked", "needs-changes", "ready"]);
    expect(workloads.some((w) => w.migrated)).toBe(true);
    expect(new Set(workloads.map((w) => w.platform))).toEqual(new Set(["kubernetes", "docker", "compose"]));
  });

  it("shows catalog 1.2 findings to a first-time user: embedded DNS, an exec liveness probe, container metrics", () => {
    const results = samples.map((sample) => scan(sample.files, { cluster: sample.cluster }));
    const byId = new Map(results.flatMap((r) => r.workloads).map((w) => [w.id, w]));
    const rules = (id: string) => byId.get(id)?.findings.map((f) => f.ruleId) ?? [];
    // A Compose service on the project's default network is blocked; the one moved to the bridge is ready.
    expect(rules("edge-lab/edge-lab/Service/node-red")).toContain("docker-embedded-dns");
    expect(byId.get("edge-lab/edge-lab/Service/node-red")?.readiness).toBe("blocked");
    expect(byId.get("edge-lab/edge-lab/Service/grafana")?.readiness).toBe("ready");
    expect(rules("edge-lab//Container/mqtt-broker")).toEqual(["docker-embedded-dns"]);
    expect(rules("payments-prod/payments-db/StatefulSet/ledger-db")).toContain("exec-liveness-probe");
    expect(results.flatMap((r) => r.inventoryFindings.map((f) => f.ruleId))).toEqual(["kata-container-metrics"]);
  });

  it("imports into an empty database, and a second load adds nothing", async () => {
    createTestDatabase();
    const { importUpload } = await import("./import");
    const { db } = await import("./db");
    const first = await Promise.all(
      samples.map((s) => importUpload({ cluster: s.cluster, target: "kata-qemu-runtime-rs", files: s.files })),
    );
    expect(first.every((r) => r.ok)).toBe(true);
    const workloads = await db.workload.count();

    const again = await Promise.all(
      samples.map((s) => importUpload({ cluster: s.cluster, target: "kata-qemu-runtime-rs", files: s.files })),
    );
    expect(again.map((r) => (r.ok ? "imported" : r.reason))).toEqual(samples.map(() => "duplicate"));
    expect(await db.workload.count()).toBe(workloads);
  });
});
