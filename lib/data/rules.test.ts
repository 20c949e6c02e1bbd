import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { seedUpload } from "@/lib/testing/seed";
import { CATALOG } from "@/lib/rules/catalog";

let db: typeof import("@/lib/db").db;
let rules: typeof import("./rules");

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  rules = await import("./rules");

  await seedUpload(db, "alpha", [
    { name: "a1", readiness: "blocked", score: 60, findings: [{ ruleId: "subpath", severity: "blocker", container: "x" }, { ruleId: "subpath", severity: "blocker", container: "y" }] },
    { name: "a2", readiness: "blocked", score: 20, findings: [{ ruleId: "subpath", severity: "blocker" }, { ruleId: "host-network", severity: "blocker" }] },
    { name: "a3", readiness: "needs-changes", score: 90, findings: [{ ruleId: "resource-limits", severity: "warning" }] },
  ]);
  const oldBeta = await seedUpload(db, "beta", [{ name: "old", readiness: "blocked", score: 60, findings: [{ ruleId: "subpath", severity: "blocker" }] }]);
  await db.inventoryFinding.create({
    data: { uploadId: oldBeta.id, ruleId: "no-kata-runtimeclass", severity: "warning", source: "rc.yaml", path: "items", message: "old" },
  });
  const beta = await seedUpload(db, "beta", [{ name: "new" }]);
  await db.inventoryFinding.create({
    data: { uploadId: beta.id, ruleId: "runtimeclass-without-overhead", severity: "warning", source: "rc.yaml", path: "items[0]", message: "kata has no overhead" },
  });
});

describe("getRules", () => {
  it("lists the whole catalog in catalog order", async () => {
    const list = await rules.getRules();
    expect(list.map((rule) => rule.id)).toEqual(CATALOG.map((rule) => rule.id));
  });

  it("counts distinct current workloads per rule", async () => {
    const byId = new Map((await rules.getRules()).map((rule) => [rule.id, rule]));
    expect(byId.get("subpath")?.affectedWorkloads).toBe(2);
    expect(byId.get("host-network")?.affectedWorkloads).toBe(1);
    expect(byId.get("resource-limits")?.affectedWorkloads).toBe(1);
    expect(byId.get("gpu")?.affectedWorkloads).toBe(0);
  });

  it("counts clusters whose newest upload has an inventory finding", async () => {
    const byId = new Map((await rules.getRules()).map((rule) => [rule.id, rule]));
    expect(byId.get("runtimeclass-without-overhead")?.affectedClusters).toBe(1);
    expect(byId.get("no-kata-runtimeclass")?.affectedClusters).toBe(0);
  });

  it("describes scope and platforms", async () => {
    const byId = new Map((await rules.getRules()).map((rule) => [rule.id, rule]));
    expect(byId.get("host-network")).toMatchObject({ scope: "workload", severity: "blocker", platforms: expect.arrayContaining(["kubernetes"]) });
    expect(byId.get("podman-engine")).toMatchObject({ scope: "inventory", platforms: [], profiles: null, since: "1.0" });
    expect(byId.get("docker-embedded-dns")).toMatchObject({ scope: "workload", since: "1.2", platforms: ["docker", "compose"] });
  });
});

describe("getRulePage", () => {
  it("returns null for an unknown rule", async () => {
    expect(await rules.getRulePage("no-such-rule")).toBeNull();
  });

  it("returns the rule text and its current affected workloads, worst score first", async () => {
    const page = await rules.getRulePage("subpath");
    expect(page?.rule).toMatchObject({ id: "subpath", affectedWorkloads: 2 });
    expect(page?.rule.remediation.length).toBeGreaterThan(0);
    expect(page?.workloads.map((w) => w.name)).toEqual(["a2", "a1"]);
    expect(page?.workloads[1].findings.map((f) => f.container)).toEqual(["x", "y"]);
    expect(page?.clusters).toEqual([]);
  });

  it("lists the clusters of an inventory rule", async () => {
    const page = await rules.getRulePage("runtimeclass-without-overhead");
    expect(page?.workloads).toEqual([]);
    expect(page?.clusters).toEqual([
      { uploadId: expect.any(Number), clusterName: "beta", findings: [expect.objectContaining({ message: "kata has no overhead" })] },
    ]);
  });

  it("caps the affected workloads at the page limit", async () => {
    await seedUpload(
      db,
      "gamma",
      Array.from({ length: rules.AFFECTED_WORKLOADS_LIMIT + 5 }, (_, i) => ({
        name: `g${i}`,
        readiness: "needs-changes" as const,
        findings: [{ ruleId: "memory-emptydir", severity: "warning" as const }],
      })),
    );
    const page = await rules.getRulePage("memory-emptydir");
    expect(page?.rule.affectedWorkloads).toBe(rules.AFFECTED_WORKLOADS_LIMIT + 5);
    expect(page?.workloads).toHaveLength(rules.AFFECTED_WORKLOADS_LIMIT);
  });
});

describe("selectRules", () => {
  const select = async (raw: Record<string, string>) => {
    const { rulesSearchParamsSchema } = await import("@/lib/validations/rules");
    return rules.selectRules(await rules.getRules(), rulesSearchParamsSchema.parse(raw)).map((rule) => rule.id);
  };

  it("lists the rules that affect a current workload or cluster by default, most affected first", async () => {
    const affecting = await select({});
    expect(affecting.slice(0, 1)).toEqual(["memory-emptydir"]);
    expect(affecting).toEqual(expect.arrayContaining(["subpath", "host-network", "resource-limits", "runtimeclass-without-overhead"]));
    expect(affecting).not.toContain("gpu");
    expect(await select({ show: "all" })).toHaveLength(CATALOG.length);
  });

  it("searches ids, titles and summaries, case-insensitively", async () => {
    expect(await select({ show: "all", q: "SUBPATH" })).toContain("subpath");
    expect(await select({ show: "all", q: "--privileged" })).toEqual(["privileged"]);
    expect(await select({ show: "all", q: "no such words" })).toEqual([]);
  });

  it("filters by the severity a rule reports on any platform", async () => {
    // privileged: a blocker on Docker, a warning on Kubernetes.
    expect(await select({ show: "all", severity: "warning" })).toContain("privileged");
    expect(await select({ show: "all", severity: "blocker" })).toContain("privileged");
    expect(await select({ show: "all", severity: "info" })).toContain("cpuset");
  });

  it("sorts by an allowed column, both ways", async () => {
    const byId = await select({ show: "all", sort: "id.asc" });
    expect(byId).toEqual([...byId].sort((a, b) => a.localeCompare(b)));
    expect(await select({ show: "all", sort: "id.desc" })).toEqual([...byId].reverse());
  });
});

describe("severityByPlatform", () => {
  it("groups the platforms of a rule whose severity depends on them, highest first", async () => {
    const byId = new Map((await rules.getRules()).map((rule) => [rule.id, rule]));
    expect(byId.get("privileged")?.severityByPlatform).toEqual([
      { severity: "blocker", platforms: ["docker", "compose"] },
      { severity: "warning", platforms: ["kubernetes"] },
    ]);
    expect(byId.get("subpath")?.severityByPlatform).toBeNull();
  });
});
