import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedUpload } from "@/lib/testing/seed";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let getHtml: typeof import("./html/route").GET;
let getPdf: typeof import("./pdf/route").GET;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ GET: getHtml } = await import("./html/route"));
  ({ GET: getPdf } = await import("./pdf/route"));
  await seedUpload(db, "prod-eu", [
    { name: "web", team: "shop" },
    {
      name: "agent",
      team: "ops",
      readiness: "blocked",
      score: 60,
      findings: [{ ruleId: "host-network", severity: "blocker", remedy: "keep-on-runc" }],
    },
  ]);
});

const savedChromium = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (savedChromium === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedChromium;
});

function get(path: string): Request {
  return new Request(`http://localhost${path}`);
}

describe("GET /api/reports/html", () => {
  it("streams the report for a scope as an attachment", async () => {
    const response = await getHtml(get("/api/reports/html?cluster=prod-eu&team=ops"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kata-readiness-report-prod-eu-ops-\d{4}-\d{2}-\d{2}\.html"/,
    );
    expect(response.body).toBeInstanceOf(ReadableStream);
    const html = await response.text();
    expect(html).toContain("<h1>Kata readiness: team ops in cluster prod-eu</h1>");
    expect(html).toContain("<h3>agent</h3>");
    expect(html).not.toContain("<h3>web</h3>");
  });

  it("reports the whole estate when no scope is given (empty fields mean all)", async () => {
    const html = await (await getHtml(get("/api/reports/html?cluster=&team="))).text();
    expect(html).toContain("<h1>Kata readiness: all clusters</h1>");
  });

  it("answers 404 for a cluster or team that does not exist, and 422 for a malformed one", async () => {
    const cluster = await getHtml(get("/api/reports/html?cluster=nope"));
    expect(cluster.status).toBe(404);
    expect(await cluster.json()).toEqual({ error: 'No cluster named "nope".' });
    expect((await getHtml(get("/api/reports/html?team=%3Cscript%3E"))).status).toBe(404);
    const bad = await getHtml(get(`/api/reports/html?cluster=${"x".repeat(300)}`));
    expect(bad.status).toBe(422);
    expect((await getHtml(get("/api/reports/html?team=a%0Ab"))).status).toBe(422);
  });
});

describe("accepted risks", () => {
  it("lists the waivers in force from the database, within the report's scope", async () => {
    const { createWaiver } = await import("@/lib/data/waivers");
    const { createWaiverSchema } = await import("@/lib/validations/waivers");
    const waiver = (fields: Record<string, string>) =>
      createWaiver(
        createWaiverSchema.parse({ ruleId: "host-network", reason: "node agent <b>", approver: "cto", expires: "2099-01-31", ...fields }),
      );
    expect(await waiver({ workload: "prod-eu/default/Deployment/agent" })).toMatchObject({ ok: true, workloadsChanged: 1 });
    expect(await waiver({ cluster: "elsewhere" })).toMatchObject({ ok: true, workloadsChanged: 0 });

    const html = await (await getHtml(get("/api/reports/html?cluster=prod-eu"))).text();
    expect(html).toContain('<h2 id="risks">Accepted risks</h2>');
    expect(html).toContain(
      '<td>workload prod-eu/default/Deployment/agent</td><td>node agent &lt;b&gt;</td><td>cto</td><td class="num">1</td>',
    );
    expect(html).not.toContain("cluster elsewhere");
    expect(await (await getHtml(get("/api/reports/html"))).text()).toContain("<td>cluster elsewhere</td>");
  });
});

describe("GET /api/reports/pdf", () => {
  it("answers 503 with the install instruction when Chromium is missing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const response = await getPdf(get("/api/reports/pdf?cluster=prod-eu"));
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/PDF export needs Chromium.*apt-get install chromium/);
  });

  it("checks the scope before printing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    expect((await getPdf(get("/api/reports/pdf?cluster=nope"))).status).toBe(404);
  });
});
