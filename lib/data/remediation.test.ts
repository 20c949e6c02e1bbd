// Remediation edits through real imports and a real SQLite: per-item edits with audit rows, bulk edits
// by picked ids or by a filter resolved on the server, the overdue filter and the activity feed.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { bulkRemediationSchema, updateRemediationItemSchema } from "@/lib/validations/remediation";
import { parseWorkloadsSearchParams } from "@/lib/validations/workloads";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let data: typeof import("./remediation");
let workloads: typeof import("./workloads");

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  data = await import("./remediation");
  workloads = await import("./workloads");
});

const LIMITS = `resources: { limits: { cpu: "1", memory: 512Mi } }`;
const deployment = (name: string, namespace: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: ${name}:1
          ${LIMITS}
`;

async function upload(cluster: string, ...docs: string[]) {
  const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name: "inventory.yaml", content: docs.join("---\n") }] });
  if (!result.ok) throw new Error(`upload refused: ${result.message}`);
  return result.uploadId;
}

async function itemOf(cluster: string, name: string, ruleId: string) {
  const w = await db.workload.findFirstOrThrow({ where: { clusterName: cluster, name, isCurrent: true } });
  return db.remediationItem.findFirstOrThrow({ where: { cluster: { name: cluster }, identity: w.identity, ruleId } });
}

const edit = (raw: Record<string, string>) => updateRemediationItemSchema.parse({ assignee: "", dueDate: "", note: "", ...raw });

describe("remediation item edits", () => {
  it("refuses bad input with a clear message", () => {
    const bad = (raw: Record<string, string>) => updateRemediationItemSchema.safeParse({ itemId: "1", status: "open", assignee: "", dueDate: "", note: "", ...raw }).error?.issues[0]?.message;
    expect(bad({ status: "done" })).toBe("Unknown status");
    expect(bad({ dueDate: "2026-02-30" })).toBe("Due date must be a date (YYYY-MM-DD)");
    expect(bad({ dueDate: "tomorrow" })).toBe("Due date must be a date (YYYY-MM-DD)");
    expect(bad({ dueDate: "2026-13-01" })).toBe("Due date must be a date (YYYY-MM-DD)");
    expect(bad({ assignee: "x".repeat(201) })).toBe("Assignee is longer than 200 characters");
    expect(bad({ itemId: "-3" })).toBeDefined();
    expect(bad({ itemId: "1; DROP TABLE x" })).toBeDefined();
    expect(bulkRemediationSchema.safeParse({ scope: "all" }).error?.issues[0]?.message).toBe("Choose a status, an assignee or a due date to set");
  });

  it("writes only the fields that changed, one audit event each, and shows them in the history", async () => {
    await upload("edit", deployment("web", "shop", "      hostNetwork: true\n"));
    const item = await itemOf("edit", "web", "host-network");
    const result = await data.updateRemediationItem(edit({ itemId: String(item.id), status: "in-progress", assignee: " alice ", dueDate: "2030-01-31" }), "tester");
    expect(result).toEqual({ ok: true, changed: ["status", "assignee", "dueDate"] });
    expect(await db.remediationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "in-progress", assignee: "alice", note: null });
    const events = await db.auditEvent.findMany({ where: { entityId: item.id, actor: "tester" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([
      ["status", "open", "in-progress"],
      ["assignee", null, "alice"],
      ["dueDate", null, "2030-01-31"],
    ]);
    expect(events[0]).toMatchObject({ identity: item.identity, fingerprint: item.fingerprint, ruleId: "host-network", clusterId: item.clusterId });

    // Saving the same values again changes nothing and writes no event.
    expect(await data.updateRemediationItem(edit({ itemId: String(item.id), status: "in-progress", assignee: "alice", dueDate: "2030-01-31" }), "tester")).toEqual({ ok: true, changed: [] });
    expect(await db.auditEvent.count({ where: { entityId: item.id, actor: "tester" } })).toBe(3);

    const history = await data.getWorkloadHistory("edit", item.identity);
    expect(history[0]).toMatchObject({ field: "dueDate", toValue: "2030-01-31" });
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(await data.updateRemediationItem(edit({ itemId: "999999", status: "open" }), "tester")).toEqual({ ok: false, message: "Remediation item #999999 does not exist." });
  });
});

describe("bulk edits and the overdue filter", () => {
  it("resolves 'all matching the filter' on the server, limits to blockers, and audits each item", async () => {
    await upload("bulk", deployment("a", "team-a", "      hostNetwork: true\n"), deployment("b", "team-a", "      hostPID: true\n"), deployment("c", "other", "      hostNetwork: true\n"));
    const filters = parseWorkloadsSearchParams({ cluster: "bulk", namespace: "team-a" });
    const result = await data.bulkUpdateRemediation({ kind: "filter", filters }, bulkRemediationSchema.parse({ scope: "blockers", assignee: "bob" }), "bulk-tester");
    expect(result).toMatchObject({ ok: true, workloads: 2 });
    expect((await itemOf("bulk", "a", "host-network")).assignee).toBe("bob");
    expect((await itemOf("bulk", "b", "host-pid")).assignee).toBe("bob");
    expect((await itemOf("bulk", "c", "host-network")).assignee).toBeNull();
    // Blockers only: non-blocker items of the same workloads are untouched.
    const others = await db.remediationItem.findMany({ where: { cluster: { name: "bulk" }, assignee: "bob" } });
    const blockerRules = new Set(["host-network", "host-pid"]);
    expect(others.every((i) => blockerRules.has(i.ruleId))).toBe(true);
    expect(await db.auditEvent.count({ where: { actor: "bulk-tester", field: "assignee", toValue: "bob" } })).toBe(others.length);

    // Picked ids: only current workloads count; an old snapshot's id changes nothing.
    const c = await db.workload.findFirstOrThrow({ where: { clusterName: "bulk", name: "c", isCurrent: true } });
    const byIds = await data.bulkUpdateRemediation({ kind: "ids", workloadIds: [c.id, 987654] }, bulkRemediationSchema.parse({ scope: "all", status: "wont-fix" }), "bulk-tester");
    expect(byIds).toMatchObject({ ok: true, workloads: 1 });
    expect((await itemOf("bulk", "c", "host-network")).status).toBe("wont-fix");
    expect(await data.bulkUpdateRemediation({ kind: "ids", workloadIds: [987654] }, bulkRemediationSchema.parse({ scope: "all", status: "open" }), "x")).toEqual({
      ok: false,
      message: "No current workload matches: nothing was changed.",
    });
  });

  it("filters and counts overdue items (past due, still open or in progress)", async () => {
    await upload("late", deployment("late", "ns", "      hostNetwork: true\n"), deployment("ontime", "ns", "      hostNetwork: true\n"), deployment("done", "ns", "      hostNetwork: true\n"));
    const before = await data.getOverdueCounts();
    const set = async (name: string, status: string, dueDate: string) => {
      const item = await itemOf("late", name, "host-network");
      await data.updateRemediationItem(edit({ itemId: String(item.id), status, dueDate }), "t");
    };
    await set("late", "in-progress", "2020-01-01");
    await set("ontime", "open", "2999-01-01");
    await set("done", "accepted-risk", "2020-01-01");
    const params = parseWorkloadsSearchParams({ cluster: "late", overdue: "1" });
    expect(params.overdue).toBe(true);
    const page = await workloads.getWorkloads(params);
    expect(page.rows.map((r) => r.name)).toEqual(["late"]);
    expect(page.total).toBe(1);
    const facets = await workloads.getWorkloadFacets(params);
    expect(facets.cluster).toEqual([{ value: "late", count: 1 }]);
    const after = await data.getOverdueCounts();
    expect(after.workloads - before.workloads).toBe(1);
    expect(after.items - before.items).toBe(1);
    expect(await data.getOverdueCounts("late")).toEqual({ items: 1, workloads: 1 });
    expect(await data.getOverdueCounts("edit")).toEqual({ items: 0, workloads: 0 });
    // Bulk "all matching" with the overdue filter touches only the overdue workload.
    await data.bulkUpdateRemediation({ kind: "filter", filters: params }, bulkRemediationSchema.parse({ scope: "all", dueDate: "2999-12-31" }), "t");
    expect((await workloads.getWorkloads(params)).total).toBe(0);
  });
});

describe("activity feed", () => {
  it("pages all events newest first and links them to the current workload", async () => {
    const first = await data.getActivity(1, 5);
    expect(first.events).toHaveLength(5);
    expect(first.total).toBe(await db.auditEvent.count());
    const ids = first.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await data.getActivity(2, 5);
    expect(second.events[0].id).toBeLessThan(ids[4]);
    const linked = first.events.find((e) => e.workloadId !== null);
    const w = await db.workload.findUniqueOrThrow({ where: { id: linked!.workloadId! } });
    expect(w).toMatchObject({ isCurrent: true, identity: linked!.identity, clusterName: linked!.clusterName });
  });
});
