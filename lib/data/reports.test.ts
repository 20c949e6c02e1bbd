import { beforeAll, describe, expect, it } from "vitest";
import { htmlReport } from "@/lib/export/report-html";
import type { Remedy, Severity } from "@/lib/rules/types";
import { migrationPath } from "@/lib/scoring/migration-path";
import { seedUpload, type SeedFinding } from "@/lib/testing/seed";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let getReportModel: typeof import("./reports").getReportModel;
let getReportScopes: typeof import("./reports").getReportScopes;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ getReportModel, getReportScopes } = await import("./reports"));
});

describe("getReportModel on an empty database", () => {
  it("returns zeros and no sections to list", async () => {
    const model = await getReportModel();
    expect(model.counts).toEqual({ workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 });
    expect(model.blocked).toEqual({ workloads: [], total: 0 });
    expect(model.trend).toEqual([]);
    expect(model.acceptedRisks).toBeUndefined();
    expect(htmlReport(model)).toContain("No workload in this report is blocked.");
  });
});

describe("getReportModel with data", () => {
  beforeAll(async () => {
    // An older snapshot of alpha, so alpha has a trend of two points.
    await seedUpload(db, "alpha", [{ name: "web", team: "shop", readiness: "blocked", score: 60, findings: [{ ruleId: "subpath", severity: "blocker", remedy: "manifest" }] }]);
    await seedUpload(db, "alpha", [
      { name: "web", team: "shop", replicas: 2, overheadMemoryMiB: 320, overheadMilliCpu: 250 },
      { name: "api", team: "shop", migrated: true },
      {
        name: "agent",
        namespace: "monitoring",
        team: "platform",
        readiness: "blocked",
        score: 20,
        findings: [
          { ruleId: "host-network", severity: "blocker", remedy: "keep-on-runc", container: null, message: "hostNetwork: true" },
          { ruleId: "subpath", severity: "blocker", remedy: "manifest", container: "a" },
          { ruleId: "subpath", severity: "blocker", remedy: "manifest", container: "b" },
        ],
      },
      {
        name: "<img src=x onerror=alert(1)>",
        team: "shop",
        readiness: "blocked",
        score: 60,
        findings: [{ ruleId: "subpath", severity: "blocker", remedy: "manifest", message: "subPath <script>alert(1)</script>" }],
      },
      { name: "cache", team: "shop", readiness: "needs-changes", score: 90, findings: [{ ruleId: "hugepages", severity: "warning", remedy: "platform" }] },
    ]);
    await seedUpload(db, "beta", [
      { name: "db", readiness: "blocked", score: 60, findings: [{ ruleId: "host-pid", severity: "blocker", remedy: "keep-on-runc" }] },
      { name: "svc", team: "shop" },
    ]);
  });

  it("aggregates the current snapshots of the whole estate", async () => {
    const model = await getReportModel({}, { now: new Date("2027-01-01T00:00:00Z") });
    expect(model.title).toBe("Kata readiness: all clusters");
    expect(model.counts).toEqual({ workloads: 7, ready: 3, needsChanges: 1, blocked: 3, migrated: 1 });
    expect(model.readinessPercent).toBe(43);
    expect(model.paths).toEqual({ ready: 3, "manifest-fixes": 1, "platform-work": 1, "stays-on-runc": 2 });
    expect(model.targets).toEqual(["kata-qemu-runtime-rs"]);
    // subpath fires twice on agent: it blocks agent once.
    expect(model.topBlockingRules.map((rule) => [rule.ruleId, rule.workloads])).toEqual([
      ["subpath", 2],
      ["host-network", 1],
      ["host-pid", 1],
    ]);
    expect(model.topBlockingRules[0].title).toBe("Volume subPath");
    expect(model.topBlockingRules[0].remediation).toMatch(/subPath/);
    expect(model.teams.map((team) => [team.label, team.workloads, team.blocked])).toEqual([
      ["shop", 5, 1],
      ["platform", 1, 1],
      [null, 1, 1],
    ]);
    expect(model.clusters.map((cluster) => [cluster.label, cluster.workloads])).toEqual([
      ["alpha", 5],
      ["beta", 2],
    ]);
    // Ready and not migrated: web (2 pods) and svc (1 pod).
    expect(model.sizing).toMatchObject({ workloads: 2, pods: 3, overheadMemoryMiB: 960, overheadMilliCpu: 750 });
  });

  it("lists the blocked workloads, lowest score first, with their blockers and fixes", async () => {
    const model = await getReportModel();
    expect(model.blocked.total).toBe(3);
    const [agent] = model.blocked.workloads;
    expect(agent).toMatchObject({ name: "agent", cluster: "alpha", namespace: "monitoring", team: "platform", score: 20, path: "stays-on-runc" });
    expect(agent.blockers.map((b) => [b.ruleId, b.container])).toEqual([
      ["host-network", null],
      ["subpath", "a"],
      ["subpath", "b"],
    ]);
    expect(agent.blockers[0].fix).toMatch(/^Keep the workload on runc/);
  });

  it("caps the listed blocked workloads and keeps the total", async () => {
    const model = await getReportModel({}, { blockedLimit: 1 });
    expect(model.blocked.workloads).toHaveLength(1);
    expect(model.blocked.total).toBe(3);
    expect(htmlReport(model)).toContain("and 2 more blocked workloads");
  });

  it("filters by cluster and by team", async () => {
    const alpha = await getReportModel({ cluster: "alpha" });
    expect(alpha.title).toBe("Kata readiness: cluster alpha");
    expect(alpha.counts.workloads).toBe(5);
    expect(alpha.topBlockingRules.map((rule) => rule.ruleId)).toEqual(["subpath", "host-network"]);

    const shop = await getReportModel({ team: "shop" });
    expect(shop.counts).toEqual({ workloads: 5, ready: 3, needsChanges: 1, blocked: 1, migrated: 1 });
    expect(shop.blocked.workloads.map((w) => w.name)).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(shop.topBlockingRules.map((rule) => [rule.ruleId, rule.workloads])).toEqual([["subpath", 1]]);

    const both = await getReportModel({ cluster: "beta", team: "shop" });
    expect(both.counts.workloads).toBe(1);
    expect(both.blocked.total).toBe(0);
  });

  it("shows the trend of a cluster with several snapshots", async () => {
    const model = await getReportModel({ cluster: "alpha" });
    expect(model.trend).toHaveLength(1);
    expect(model.trend[0].cluster).toBe("alpha");
    expect(model.trend[0].points.map((p) => [p.workloads, p.ready, p.blocked])).toEqual([
      [1, 0, 1],
      [5, 2, 2],
    ]);
    expect(model.trend[0].points[0].at.getTime()).toBeLessThanOrEqual(model.trend[0].points[1].at.getTime());
    expect(Number.isNaN(model.trend[0].points[0].at.getTime())).toBe(false);

    // With a team, the snapshot's workloads of that team are counted.
    const shop = await getReportModel({ cluster: "alpha", team: "shop" });
    expect(shop.trend[0].points.map((p) => [p.workloads, p.ready, p.blocked])).toEqual([
      [1, 0, 1],
      [4, 2, 1],
    ]);
    // beta has one snapshot: no trend.
    expect((await getReportModel({ cluster: "beta" })).trend).toEqual([]);
  });

  it("escapes names and messages in the HTML", async () => {
    const html = htmlReport(await getReportModel({ team: "shop" }));
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("subPath &lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("offers the clusters and teams to pick", async () => {
    expect(await getReportScopes()).toEqual({ clusters: ["alpha", "beta"], teams: ["platform", "shop"] });
  });
});

describe("the SQL migration path", () => {
  // Every pair of findings over severity x remedy: the SQL rank must agree with migrationPath().
  const severities: Severity[] = ["blocker", "warning", "info"];
  const remedies: (Remedy | null)[] = ["manifest", "platform", "keep-on-runc", null];
  const single = severities.flatMap((severity) => remedies.map((remedy) => ({ severity, remedy })));
  const cases: SeedFinding[][] = [[], ...single.map((f) => [{ ruleId: "r1", ...f }]), ...single.flatMap((a) => single.map((b) => [{ ruleId: "r1", ...a }, { ruleId: "r2", ...b }]))];

  it("agrees with lib/scoring/migration-path.ts on every combination", async () => {
    await seedUpload(
      db,
      "paths",
      cases.map((findings, index) => ({ name: `w${index}`, readiness: "blocked", findings })),
    );
    const model = await getReportModel({ cluster: "paths" }, { blockedLimit: cases.length });
    const byName = new Map(model.blocked.workloads.map((w) => [w.name, w.path]));
    for (const [index, findings] of cases.entries()) {
      const expected = migrationPath(findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, remedy: f.remedy ?? null })));
      expect([index, byName.get(`w${index}`)]).toEqual([index, expected]);
    }
  });
});
