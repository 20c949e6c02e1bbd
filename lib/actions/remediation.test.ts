// The server actions as a form submits them, on a real SQLite: request headers and cache revalidation
// are Next's (stubbed here, there is no request outside Next); everything else is real.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: typeof import("@/lib/db").db;
let actions: typeof import("./remediation");

const deployment = (name: string, namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: ${name}
          image: ${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  actions = await import("./remediation");
  const { importUpload } = await import("@/lib/import");
  const result = await importUpload({
    cluster: "act",
    target: "kata-qemu-runtime-rs",
    files: [{ name: "i.yaml", content: [deployment("a", "one"), deployment("b", "one"), deployment("c", "two")].join("---\n") }],
  });
  if (!result.ok) throw new Error(result.message);
});

beforeEach(() => {
  requestHeaders = new Headers();
});

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

const workloadId = async (name: string) =>
  (await db.workload.findFirstOrThrow({ where: { clusterName: "act", name, isCurrent: true } })).id;
const assigneeOf = async (name: string) => {
  const w = await db.workload.findFirstOrThrow({ where: { clusterName: "act", name, isCurrent: true } });
  return (await db.remediationItem.findFirstOrThrow({ where: { identity: w.identity, ruleId: "host-network" } })).assignee;
};

describe("updateRemediationItemAction", () => {
  it("refuses a cross-origin request and bad input without changing anything", async () => {
    const item = await db.remediationItem.findFirstOrThrow({ where: { ruleId: "host-network" } });
    const valid: Array<[string, string]> = [
      ["itemId", String(item.id)],
      ["status", "wont-fix"],
      ["assignee", "mallory"],
    ];
    requestHeaders = new Headers({ origin: "https://evil.example", host: "localhost:3000" });
    expect(await actions.updateRemediationItemAction(null, form(valid))).toEqual({ ok: false, message: "Cross-origin request refused." });
    requestHeaders = new Headers();
    expect(
      await actions.updateRemediationItemAction(
        null,
        form([
          ["itemId", String(item.id)],
          ["status", "closed"],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: "Unknown status: nothing was changed.",
    });
    expect(
      await actions.updateRemediationItemAction(
        null,
        form([
          ["itemId", String(item.id)],
          ["status", "open"],
          ["dueDate", "2026-13-01"],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: "Due date must be a date (YYYY-MM-DD): nothing was changed.",
    });
    expect(await db.remediationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "open", assignee: null });
    expect(await db.auditEvent.count({ where: { entity: "remediation-item", actor: { not: { startsWith: "upload" } } } })).toBe(0);

    expect(await actions.updateRemediationItemAction(null, form(valid))).toEqual({ ok: true, message: "Saved (status, assignee)." });
    expect(await db.auditEvent.count({ where: { entityId: item.id, actor: "local user" } })).toBe(2);
  });
});

describe("bulkUpdateRemediationAction", () => {
  it("resolves 'all matching' from the filter on the server and ignores ids sent with it", async () => {
    const outside = await workloadId("c");
    const result = await actions.bulkUpdateRemediationAction(
      null,
      form([
        ["target", "filter"],
        ["filter", "cluster=act&namespace=one&page=7"],
        ["workloadId", String(outside)],
        ["scope", "blockers"],
        ["assignee", "bob"],
      ]),
    );
    expect(result).toEqual({ ok: true, message: "Updated 2 of 2 remediation items on 2 workloads." });
    expect([await assigneeOf("a"), await assigneeOf("b"), await assigneeOf("c")]).toEqual(["bob", "bob", null]);
  });

  it("takes picked ids, and refuses empty, oversized or unchanged requests", async () => {
    const c = await workloadId("c");
    expect(
      await actions.bulkUpdateRemediationAction(
        null,
        form([
          ["target", "ids"],
          ["workloadId", String(c)],
          ["scope", "all"],
          ["dueDate", "2031-05-01"],
        ]),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await actions.bulkUpdateRemediationAction(
        null,
        form([
          ["target", "ids"],
          ["scope", "all"],
          ["status", "open"],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: "Select at least one workload: nothing was changed.",
    });
    const many = Array.from({ length: 1001 }, (_, i): [string, string] => ["workloadId", String(i + 1)]);
    expect(
      await actions.bulkUpdateRemediationAction(null, form([["target", "ids"], ["scope", "all"], ["status", "open"], ...many])),
    ).toMatchObject({ ok: false });
    expect(
      await actions.bulkUpdateRemediationAction(
        null,
        form([
          ["target", "ids"],
          ["workloadId", String(c)],
          ["scope", "all"],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: "Choose a status, an assignee or a due date to set: nothing was changed.",
    });
    expect(
      await actions.bulkUpdateRemediationAction(
        null,
        form([
          ["target", "ids"],
          ["workloadId", "1 OR 1=1"],
          ["scope", "all"],
          ["status", "open"],
        ]),
      ),
    ).toMatchObject({ ok: false });
    const wontFix = await db.remediationItem.count({ where: { status: "wont-fix" } });
    requestHeaders = new Headers({ "sec-fetch-site": "cross-site" });
    expect(
      await actions.bulkUpdateRemediationAction(
        null,
        form([
          ["target", "filter"],
          ["filter", ""],
          ["scope", "all"],
          ["status", "wont-fix"],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: "Cross-origin request refused.",
    });
    expect(await db.remediationItem.count({ where: { status: "wont-fix" } })).toBe(wontFix);
  });
});
