// The waiver server actions: the cross-origin guard, validation answers that keep what was typed, and
// a real create/revoke against SQLite. Only Next's request APIs (headers, revalidatePath) are stood in
// for: they need a running request, which a unit test has not.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: typeof import("@/lib/db").db;
let actions: typeof import("./waivers");

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  actions = await import("./waivers");
  const { seedUpload } = await import("@/lib/testing/seed");
  await seedUpload(db, "prod", [
    {
      name: "agent",
      namespace: "ops",
      readiness: "blocked",
      score: 60,
      findings: [{ ruleId: "host-network", severity: "blocker", remedy: "keep-on-runc" }],
    },
  ]);
});

beforeEach(() => {
  request.headers = new Headers({ host: "dash.example", origin: "http://dash.example" });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const VALID = { ruleId: "host-network", cluster: "prod", namespace: "ops", reason: "node agent", approver: "lead", expires: "2099-06-30" };

describe("createWaiverAction", () => {
  it("refuses a cross-origin post and stores nothing", async () => {
    request.headers = new Headers({ host: "dash.example", origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(await actions.createWaiverAction(null, form(VALID))).toEqual({ ok: false, message: "Cross-origin request refused." });
    expect(await db.waiver.count()).toBe(0);
  });

  it("answers field errors with what was typed, and stores nothing", async () => {
    const result = await actions.createWaiverAction(
      null,
      form({ ...VALID, ruleId: "nope", cluster: "", namespace: "", expires: "2020-01-01" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { ruleId: ["Not a rule of the catalog."], scope: ["Give a scope: a workload, a namespace, a team or a cluster."] },
      values: { ruleId: "nope", reason: "node agent", expires: "2020-01-01" },
    });
    const past = await actions.createWaiverAction(null, form({ ...VALID, expires: "2020-01-01" }));
    expect(past).toMatchObject({
      ok: false,
      message: "The expiry date must be in the future.",
      fieldErrors: { expires: ["The expiry date must be in the future."] },
    });
    expect(await db.waiver.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("creates, then revokes, re-scoring the workload each time", async () => {
    const created = await actions.createWaiverAction(null, form(VALID));
    expect(created).toEqual({ ok: true, message: expect.stringMatching(/^Waiver #\d+ saved; 1 workload re-scored\.$/) });
    const waiver = await db.waiver.findFirstOrThrow();
    expect(waiver).toMatchObject({ createdBy: "local user", revokedAt: null });
    expect(await db.workload.findFirstOrThrow({ where: { name: "agent" } })).toMatchObject({ readiness: "ready" });

    request.headers = new Headers({ "sec-fetch-site": "same-site" });
    expect(await actions.revokeWaiverAction(null, form({ id: String(waiver.id) }))).toEqual({
      ok: false,
      message: "Cross-origin request refused.",
    });
    request.headers = new Headers();
    expect(await actions.revokeWaiverAction(null, form({ id: "1e3; DROP TABLE" }))).toEqual({
      ok: false,
      message: "Not a valid waiver id: nothing was revoked.",
    });
    expect(await actions.revokeWaiverAction(null, form({ id: String(waiver.id) }))).toEqual({
      ok: true,
      message: `Waiver #${waiver.id} revoked; 1 workload re-scored.`,
    });
    expect(await db.workload.findFirstOrThrow({ where: { name: "agent" } })).toMatchObject({ readiness: "blocked" });
    expect((await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["waiver.create", "waiver.revoke"]);
  });
});
