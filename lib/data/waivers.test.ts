// Waivers made in the dashboard: validation, scope narrowing of the re-evaluation, expiry against an
// injected clock, revoke restoring the figures, the audit trail, and the lists of /waivers and reports.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { createWaiverSchema } from "@/lib/validations/waivers";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let waivers: typeof import("./waivers");
let tracking: typeof import("./tracking");

const agent = (name: string, namespace: string, team: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name}, namespace: ${namespace}, labels: { team: ${team} } }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: agent:1
          resources: { limits: { cpu: "1", memory: 256Mi } }
`;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  waivers = await import("./waivers");
  tracking = await import("./tracking");
  for (const cluster of ["ops", "edge"]) {
    const result = await importUpload({
      cluster,
      target: "kata-qemu-runtime-rs",
      files: [
        { name: "a.yaml", content: agent("metrics", "monitoring", "sre") },
        { name: "b.yaml", content: agent("shipper", "logging", "sre") },
        { name: "c.yaml", content: agent("tracer", "monitoring", "apm") },
      ],
    });
    expect(result.ok).toBe(true);
  }
});

const NOW = new Date("2030-01-01T12:00:00Z");

function input(fields: Record<string, string>) {
  const parsed = createWaiverSchema.safeParse({ ruleId: "host-network", reason: "node agent", approver: "lead", expires: "2030-01-31", ...fields });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

async function figures(cluster: string, name: string) {
  return db.workload.findFirstOrThrow({
    where: { isCurrent: true, clusterName: cluster, name },
    select: { readiness: true, rawReadiness: true, score: true, rawScore: true, migrationPath: true, findings: { select: { ruleId: true, waiverId: true } } },
  });
}

describe("createWaiverSchema", () => {
  const base = { ruleId: "host-network", cluster: "ops", reason: "r", approver: "a", expires: "2030-01-31" };
  const errors = (value: Record<string, unknown>) => {
    const parsed = createWaiverSchema.safeParse(value);
    return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("accepts a complete waiver and reads the date as through that day (UTC)", () => {
    const parsed = createWaiverSchema.parse({ ...base, namespace: " ", team: "" });
    expect(parsed).toMatchObject({ ruleId: "host-network", cluster: "ops", namespace: undefined, team: undefined });
    expect(parsed.expires.toISOString()).toBe("2030-02-01T00:00:00.000Z");
  });

  it("refuses unknown rules, missing scope, reason or approver, bad dates and oversized fields", () => {
    expect(errors({ ...base, ruleId: "no-such-rule" })).toEqual(["ruleId: Not a rule of the catalog."]);
    expect(errors({ ...base, ruleId: "__proto__" })).toEqual(["ruleId: Not a rule of the catalog."]);
    expect(errors({ ...base, cluster: "" })).toEqual(["scope: Give a scope: a workload, a namespace, a team or a cluster."]);
    expect(errors({ ...base, reason: "   " })).toEqual(["reason: Reason is required."]);
    expect(errors({ ...base, approver: undefined })).toEqual(["approver: Approver is required."]);
    expect(errors({ ...base, expires: "2030-02-30" })).toEqual(["expires: Expiry date: not a date."]);
    expect(errors({ ...base, expires: "tomorrow" })).toEqual(["expires: Expiry date: write YYYY-MM-DD."]);
    expect(errors({ ...base, team: "x".repeat(254) })).toEqual(["team: Team is at most 253 characters."]);
    expect(errors({ ...base, reason: "x".repeat(1001) })).toEqual(["reason: Reason is at most 1000 characters."]);
    expect(errors({ ...base, workload: "edge/monitoring/DaemonSet/metrics" })).toEqual([
      "cluster: The workload identity belongs to another cluster than the one given.",
    ]);
  });
});

describe("create and revoke", () => {
  it("refuses an expiry that is not in the future and stores nothing", async () => {
    const result = await waivers.createWaiver(input({ cluster: "ops", expires: "2029-12-31" }), NOW);
    expect(result).toEqual({ ok: false, message: "The expiry date must be in the future." });
    expect(await db.waiver.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { entity: "waiver" } })).toBe(0);
  });

  it("re-evaluates only the workloads in the waiver's scope, and revoking restores their figures", async () => {
    const before = await figures("ops", "metrics");
    expect(before).toMatchObject({ readiness: "blocked", migrationPath: "stays-on-runc" });

    const created = await waivers.createWaiver(input({ cluster: "ops", namespace: "monitoring", team: "sre" }), NOW);
    expect(created).toMatchObject({ ok: true, workloadsChanged: 1 });
    if (!created.ok) return;
    const waived = await figures("ops", "metrics");
    expect(waived).toMatchObject({ readiness: "ready", score: 100, migrationPath: "ready", rawReadiness: "blocked", rawScore: before.score });
    expect(waived.findings.find((f) => f.ruleId === "host-network")?.waiverId).toBe(created.id);
    // Other namespace, other team, other cluster: untouched.
    for (const [cluster, name] of [["ops", "shipper"], ["ops", "tracer"], ["edge", "metrics"]]) {
      expect(await figures(cluster, name)).toMatchObject({ readiness: "blocked", migrationPath: "stays-on-runc" });
    }
    const createEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "waiver.create", entityId: created.id } });
    expect(createEvent).toMatchObject({ actor: "local user", entity: "waiver", ruleId: "host-network" });
    expect(createEvent.clusterId).toBe((await db.cluster.findUniqueOrThrow({ where: { name: "ops" } })).id);

    const revoked = await waivers.revokeWaiver(created.id, new Date("2030-01-02T00:00:00Z"));
    expect(revoked).toEqual({ ok: true, id: created.id, workloadsChanged: 1 });
    const restored = await figures("ops", "metrics");
    expect(restored).toMatchObject({ readiness: before.readiness, score: before.score, migrationPath: before.migrationPath });
    expect(restored.findings.every((f) => f.waiverId === null)).toBe(true);
    // Kept, marked revoked, with its event; a second revoke changes nothing.
    expect((await db.waiver.findUniqueOrThrow({ where: { id: created.id } })).revokedAt?.toISOString()).toBe("2030-01-02T00:00:00.000Z");
    expect(await db.auditEvent.count({ where: { action: "waiver.revoke", entityId: created.id } })).toBe(1);
    expect(await waivers.revokeWaiver(created.id, NOW)).toEqual({ ok: false, message: `Waiver #${created.id} is already revoked.` });
    expect(await db.auditEvent.count({ where: { action: "waiver.revoke", entityId: created.id } })).toBe(1);
    expect(await waivers.revokeWaiver(999_999, NOW)).toEqual({ ok: false, message: "No waiver #999999." });
  });

  it("a team-wide waiver covers that team's workloads in every cluster", async () => {
    const created = await waivers.createWaiver(input({ team: "apm" }), NOW);
    expect(created).toMatchObject({ ok: true, workloadsChanged: 2 });
    expect(await figures("edge", "tracer")).toMatchObject({ readiness: "ready" });
    expect(await figures("ops", "tracer")).toMatchObject({ readiness: "ready" });
    if (created.ok) await waivers.revokeWaiver(created.id, NOW);
  });

  it("a workload waiver applies to that one workload and stops applying at its expiry", async () => {
    const created = await waivers.createWaiver(input({ workload: "edge/logging/DaemonSet/shipper", expires: "2030-01-10" }), NOW);
    expect(created).toMatchObject({ ok: true, workloadsChanged: 1 });
    expect(await figures("edge", "shipper")).toMatchObject({ readiness: "ready" });
    expect(await tracking.refreshExpiredWaivers(new Date("2030-01-10T23:59:59Z"))).toBe(0);
    expect(await tracking.refreshExpiredWaivers(new Date("2030-01-11T00:00:00Z"))).toBe(1);
    expect(await figures("edge", "shipper")).toMatchObject({ readiness: "blocked" });
  });
});

describe("listWaivers and getAcceptedRisks", () => {
  it("lists active waivers with what they cover, unused, expired and revoked ones", async () => {
    const later = new Date("2030-01-20T00:00:00Z");
    const used = await waivers.createWaiver(input({ cluster: "edge", namespace: "monitoring" }), later);
    const unused = await waivers.createWaiver(input({ ruleId: "privileged", cluster: "edge" }), later);
    expect(used.ok && unused.ok).toBe(true);
    if (!used.ok || !unused.ok) return;

    const list = await waivers.listWaivers(later);
    const byId = new Map(list.waivers.map((w) => [w.id, w]));
    expect(byId.get(used.id)).toMatchObject({ status: "active", findings: 2, workloads: 2, scope: "namespace edge/monitoring" });
    expect(byId.get(used.id)?.sampleWorkloadId).not.toBeNull();
    expect(byId.get(unused.id)).toMatchObject({ status: "active", findings: 0, workloads: 0, sampleWorkloadId: null });
    const expired = list.waivers.find((w) => w.workload === "edge/logging/DaemonSet/shipper");
    expect(expired).toMatchObject({ status: "expired", findings: 0 });
    expect(list.waivers.filter((w) => w.status === "revoked")).toHaveLength(2);
    expect(list.counts).toEqual({ active: 2, expired: 1, revoked: 2, unused: 1 });
    expect(list.waivers[0].id).toBe(unused.id);

    const risks = await waivers.getAcceptedRisks({}, later);
    expect(risks.map((r) => [r.ruleId, r.scope, r.workloads])).toEqual([
      ["host-network", "namespace edge/monitoring", 2],
      ["privileged", "cluster edge", 0],
    ]);
    // A cluster report leaves out waivers scoped to another cluster; a team report counts only its workloads.
    expect(await waivers.getAcceptedRisks({ cluster: "ops" }, later)).toEqual([]);
    expect((await waivers.getAcceptedRisks({ team: "apm" }, later)).map((r) => r.workloads)).toEqual([1, 0]);
  });
});

describe("scores without waivers (waivers=off)", () => {
  it("the table and the overview read the figures with or without the waivers in force", async () => {
    // State left by the test above: a waiver for host-network in edge/monitoring (metrics, tracer).
    const { parseWorkloadsSearchParams } = await import("@/lib/validations/workloads");
    const { getWorkloads, getWorkloadFacets } = await import("./workloads");
    const { getOverview } = await import("./overview");
    const table = (query: Record<string, string>) => getWorkloads(parseWorkloadsSearchParams({ cluster: "edge", ...query }));

    const withWaivers = await table({ readiness: "ready", sort: "name.asc" });
    expect(withWaivers.rows.map((r) => [r.name, r.readiness, r.score])).toEqual([
      ["metrics", "ready", 100],
      ["tracer", "ready", 100],
    ]);
    expect((await table({ readiness: "ready", waivers: "off" })).total).toBe(0);
    const raw = await table({ readiness: "blocked", waivers: "off", sort: "score.desc" });
    expect(raw.total).toBe(3);
    expect(raw.rows.every((r) => r.readiness === "blocked" && r.score < 100)).toBe(true);
    // Anything but "off" keeps the waivers.
    expect((await table({ readiness: "ready", waivers: "bogus" })).total).toBe(2);

    const facets = (waivers: string) => getWorkloadFacets(parseWorkloadsSearchParams({ cluster: "edge", waivers }));
    expect((await facets("on")).readiness).toEqual([
      { value: "ready", count: 2 },
      { value: "blocked", count: 1 },
    ]);
    expect((await facets("off")).readiness).toEqual([{ value: "blocked", count: 3 }]);

    const on = await getOverview({ cluster: "edge" });
    const off = await getOverview({ cluster: "edge", withoutWaivers: true });
    expect([on.totals.ready, on.totals.blocked]).toEqual([2, 1]);
    expect([off.totals.ready, off.totals.blocked]).toEqual([0, 3]);
    // Waived blockers block nothing while the waiver holds.
    expect(on.topBlockingRules.find((r) => r.ruleId === "host-network")?.workloads).toBe(1);
    expect(off.topBlockingRules.find((r) => r.ruleId === "host-network")?.workloads).toBe(3);
  });
});
