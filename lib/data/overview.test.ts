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
  it("returns zeros, no groups and no clusters", async () => {
    const overview = await getOverview();
    expect(overview.clusters).toEqual([]);
    expect(overview.totals).toEqual({ total: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0, readinessPercent: 0 });
    expect(overview.byNamespace).toEqual([]);
    expect(overview.topWarningRules).toEqual([]);
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
      {
        name: "loader",
        namespace: "shop",
        readiness: "blocked",
        score: 0,
        findings: [
          { ruleId: "subpath", severity: "blocker" },
          { ruleId: "gpu", severity: "blocker" },
          // Warnings of a blocked workload are not what holds it back.
          { ruleId: "resource-limits", severity: "warning" },
          { ruleId: "hugepages", severity: "warning" },
        ],
      },
      { name: "batch", namespace: "jobs", readiness: "needs-changes", score: 90, findings: [{ ruleId: "resource-limits", severity: "warning" }] },
      { name: "api", namespace: "shop", migrated: true, vmMemoryMiB: 5000 },
    ]);
    // beta's first upload is superseded by its second: only the second counts.
    await seedUpload(db, "beta", [
      { name: "old", readiness: "blocked", score: 0, findings: [{ ruleId: "host-pid", severity: "blocker" }] },
    ]);
    await seedUpload(db, "beta", [
      { name: "daemon", namespace: "kube-system", perNode: true, overheadMemoryMiB: 130 },
      // Same namespace name as alpha's: a namespace of its own cluster.
      { name: "cache", namespace: "shop", readiness: "needs-changes", score: 90, findings: [{ ruleId: "resource-limits", severity: "warning" }] },
    ]);
  });

  it("counts current workloads across clusters", async () => {
    const { totals, clusters } = await getOverview();
    expect(clusters).toEqual(["alpha", "beta"]);
    expect(totals).toEqual({ total: 7, ready: 3, needsChanges: 2, blocked: 2, migrated: 1, readinessPercent: 43 });
  });

  it("breaks readiness down by cluster and by namespace of each cluster, largest first", async () => {
    const { byCluster, byNamespace, otherNamespaces } = await getOverview();
    expect(byCluster).toEqual([
      { label: "alpha", total: 5, ready: 2, needsChanges: 1, blocked: 2 },
      { label: "beta", total: 2, ready: 1, needsChanges: 1, blocked: 0 },
    ]);
    expect(byNamespace[0]).toEqual({ label: "alpha/shop", cluster: "alpha", namespace: "shop", total: 3, ready: 2, needsChanges: 0, blocked: 1 });
    expect(byNamespace.map((group) => group.label)).toEqual(["alpha/shop", "alpha/jobs", "alpha/monitoring", "beta/kube-system", "beta/shop"]);
    expect(byNamespace.find((group) => group.label === "beta/shop")).toMatchObject({ total: 1, needsChanges: 1 });
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

  it("ranks warnings by the workloads they hold back: those that need changes, not blocked ones", async () => {
    const { topWarningRules } = await getOverview();
    // resource-limits: batch (alpha) and cache (beta); loader is blocked, so hugepages counts nowhere.
    expect(topWarningRules).toEqual([{ ruleId: "resource-limits", title: expect.any(String), workloads: 2 }]);
    expect((await getOverview({ cluster: "beta" })).topWarningRules).toEqual([{ ruleId: "resource-limits", title: expect.any(String), workloads: 1 }]);
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
    expect(overview.totals).toMatchObject({ total: 2, ready: 1, blocked: 0, readinessPercent: 50 });
    expect(overview.byCluster.map((group) => group.label)).toEqual(["beta"]);
    expect(overview.byNamespace.map((group) => group.label)).toEqual(["beta/kube-system", "beta/shop"]);
    expect(overview.topBlockingRules).toEqual([]);
    expect(overview.sizing.workloads).toBe(1);
  });

  it("returns zeros for an unknown cluster", async () => {
    const overview = await getOverview({ cluster: "nope" });
    expect(overview.totals.total).toBe(0);
    expect(overview.byCluster).toEqual([]);
  });
});
