import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { seedUpload } from "@/lib/testing/seed";

let db: typeof import("@/lib/db").db;
let getOverview: typeof import("./overview").getOverview;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ getOverview } = await import("./overview"));
});

describe("getOverview on an empty database", () => {
  it("returns zeros, ten empty score buckets and no clusters", async () => {
    const overview = await getOverview();
    expect(overview.clusters).toEqual([]);
    expect(overview.totals).toEqual({ total: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0, readinessPercent: 0 });
    expect(overview.scoreHistogram).toHaveLength(10);
    expect(overview.scoreHistogram.every((bucket) => bucket.workloads === 0)).toBe(true);
    expect(overview.sizing.workloads).toBe(0);
    expect(overview.sizing.overheadMemoryMiB).toBe(0);
  });
});

describe("getOverview with data", () => {
  beforeAll(async () => {
    await seedUpload(db, "alpha", [
      { name: "web", namespace: "shop", replicas: 2, vmMemoryMiB: 1000, vmVcpus: 1.5, overheadMemoryMiB: 320, overheadMilliCpu: 250 },
      {
        name: "agent",
        namespace: "monitoring",
        readiness: "blocked",
        score: 60,
        findings: [
          { ruleId: "host-network", severity: "blocker", container: null },
          { ruleId: "subpath", severity: "blocker", container: "a" },
          { ruleId: "subpath", severity: "blocker", container: "b" },
        ],
      },
      { name: "loader", namespace: "shop", readiness: "blocked", score: 20, findings: [{ ruleId: "subpath", severity: "blocker" }, { ruleId: "gpu", severity: "blocker" }] },
      { name: "batch", namespace: "jobs", readiness: "needs-changes", score: 90, findings: [{ ruleId: "resource-limits", severity: "warning" }] },
      { name: "api", namespace: "shop", migrated: true, vmMemoryMiB: 5000 },
    ]);
    // beta's first upload is superseded by its second: only the second counts.
    await seedUpload(db, "beta", [
      { name: "old", readiness: "blocked", score: 0, findings: [{ ruleId: "host-pid", severity: "blocker" }] },
    ]);
    await seedUpload(db, "beta", [{ name: "daemon", namespace: "kube-system", perNode: true, overheadMemoryMiB: 130 }]);
  });

  it("counts current workloads across clusters", async () => {
    const { totals, clusters } = await getOverview();
    expect(clusters).toEqual(["alpha", "beta"]);
    expect(totals).toEqual({ total: 6, ready: 3, needsChanges: 1, blocked: 2, migrated: 1, readinessPercent: 50 });
  });

  it("breaks readiness down by cluster and by namespace, largest first", async () => {
    const { byCluster, byNamespace, otherNamespaces } = await getOverview();
    expect(byCluster).toEqual([
      { label: "alpha", total: 5, ready: 2, needsChanges: 1, blocked: 2 },
      { label: "beta", total: 1, ready: 1, needsChanges: 0, blocked: 0 },
    ]);
    expect(byNamespace[0]).toEqual({ label: "shop", total: 3, ready: 2, needsChanges: 0, blocked: 1 });
    expect(byNamespace.map((group) => group.label)).toEqual(["shop", "jobs", "kube-system", "monitoring"]);
    expect(otherNamespaces).toBe(0);
  });

  it("ranks blocking rules by distinct current workloads, ignoring superseded uploads", async () => {
    const { topBlockingRules } = await getOverview();
    expect(topBlockingRules).toEqual([
      { ruleId: "subpath", title: expect.any(String), workloads: 2 },
      { ruleId: "gpu", title: expect.any(String), workloads: 1 },
      { ruleId: "host-network", title: expect.any(String), workloads: 1 },
    ]);
    expect(topBlockingRules.map((rule) => rule.ruleId)).not.toContain("host-pid");
  });

  it("puts scores into ten-point buckets, 100 in the last one", async () => {
    const { scoreHistogram } = await getOverview();
    const counts = Object.fromEntries(scoreHistogram.map((bucket) => [`${bucket.from}-${bucket.to}`, bucket.workloads]));
    expect(counts).toMatchObject({ "20-29": 1, "60-69": 1, "90-100": 4, "0-9": 0 });
    expect(scoreHistogram.reduce((sum, bucket) => sum + bucket.workloads, 0)).toBe(6);
  });

  it("sums the sizing of ready workloads not yet on Kata, per pod", async () => {
    const { sizing } = await getOverview();
    // web: 2 replicas; daemon: per node, counted once; api is migrated and excluded.
    expect(sizing).toMatchObject({
      workloads: 2,
      pods: 3,
      perNodeWorkloads: 1,
      overheadMemoryMiB: 320 * 2 + 130,
      overheadMilliCpu: 250 * 3,
      vmMemoryMiB: 1000 * 2 + 2048,
      vmVcpus: 1.5 * 2 + 1.2,
    });
  });

  it("filters every aggregate by cluster", async () => {
    const overview = await getOverview({ cluster: "beta" });
    expect(overview.cluster).toBe("beta");
    expect(overview.clusters).toEqual(["alpha", "beta"]);
    expect(overview.totals).toMatchObject({ total: 1, ready: 1, blocked: 0, readinessPercent: 100 });
    expect(overview.byCluster.map((group) => group.label)).toEqual(["beta"]);
    expect(overview.byNamespace.map((group) => group.label)).toEqual(["kube-system"]);
    expect(overview.topBlockingRules).toEqual([]);
    expect(overview.sizing.workloads).toBe(1);
  });

  it("returns zeros for an unknown cluster", async () => {
    const overview = await getOverview({ cluster: "nope" });
    expect(overview.totals.total).toBe(0);
    expect(overview.byCluster).toEqual([]);
  });
});
