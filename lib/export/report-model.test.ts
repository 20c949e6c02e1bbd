import { describe, expect, it } from "vitest";
import { scan } from "../scan";
import type { Waiver } from "../scoring/waivers";
import { htmlReport, htmlReportChunks } from "./report-html";
import { reportModelFromScan, suggestedFix } from "./report-model";

const NOW = new Date("2027-01-10T12:00:00Z");

function deployment(name: string, team: string | null, podSpec: Record<string, unknown>, annotations: Record<string, string> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "shop", labels: team ? { team } : {}, annotations },
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: team ? { team } : {} },
        spec: { containers: [{ name: "c", image: "x", resources: { limits: { memory: "256Mi", cpu: "500m" } } }], ...podSpec },
      },
    },
  };
}

const inventory = {
  apiVersion: "v1",
  kind: "List",
  items: [
    deployment("web", "shop", {}),
    deployment("edge", "net", { hostNetwork: true }),
    // Markup in names and annotations must reach the HTML as text.
    deployment("x-<b>bold</b>", "net", { hostPID: true }, { note: "<script>alert(1)</script>" }),
    deployment("files", null, {
      containers: [
        {
          name: "c",
          image: "x",
          resources: { limits: { memory: "256Mi" } },
          volumeMounts: [{ name: "cfg", mountPath: "/etc/app.conf", subPath: "app.conf" }],
        },
      ],
      volumes: [{ name: "cfg", configMap: { name: "cfg" } }],
    }),
  ],
};

const result = scan([{ name: "inventory.json", content: JSON.stringify(inventory) }], { cluster: "prod" });

describe("reportModelFromScan", () => {
  it("summarises the scan: counts, paths, teams, rules, blocked workloads and sizing", () => {
    const model = reportModelFromScan(result, { now: NOW });
    expect(model.title).toBe("Kata readiness: cluster prod");
    expect(model.counts).toEqual({ workloads: 4, ready: 1, needsChanges: 0, blocked: 3, migrated: 0 });
    expect(model.readinessPercent).toBe(25);
    expect(model.paths).toEqual({ ready: 1, "manifest-fixes": 1, "platform-work": 0, "stays-on-runc": 2 });
    expect(model.teams.map((team) => [team.label, team.workloads])).toEqual([
      ["net", 2],
      ["shop", 1],
      [null, 1],
    ]);
    expect(model.topBlockingRules.map((rule) => [rule.ruleId, rule.workloads])).toEqual([
      ["host-network", 1],
      ["host-pid", 1],
      ["subpath", 1],
    ]);
    expect(model.blocked.total).toBe(3);
    const edge = model.blocked.workloads.find((w) => w.name === "edge");
    expect(edge).toMatchObject({ identity: "prod/shop/Deployment/edge", team: "net", path: "stays-on-runc" });
    expect(edge?.blockers.map((b) => [b.ruleId, b.path])).toEqual([["host-network", "spec.template.spec.hostNetwork"]]);
    expect(edge?.blockers[0].fix).toBe(suggestedFix("host-network"));
    // Only web is ready to move: 2 replicas.
    expect(model.sizing.workloads).toBe(1);
    expect(model.sizing.pods).toBe(2);
    expect(model.acceptedRisks).toBeUndefined();
    expect(model.trend).toEqual([]);
  });

  it("keeps one team's workloads when asked", () => {
    const model = reportModelFromScan(result, { team: "net", now: NOW });
    expect(model.title).toBe("Kata readiness: team net in cluster prod");
    expect(model.counts.workloads).toBe(2);
    expect(model.blocked.workloads.map((w) => w.name).sort()).toEqual(["edge", "x-<b>bold</b>"]);
  });

  it("caps the blocked workloads and says how many more there are", () => {
    const model = reportModelFromScan(result, { blockedLimit: 1, now: NOW });
    expect(model.blocked.workloads).toHaveLength(1);
    expect(htmlReport(model)).toContain("and 2 more blocked workloads");
  });

  it("lists the waivers in force as accepted risks, and waived rules do not decide the path", () => {
    const waivers: Waiver[] = [
      {
        id: "w.yaml#1",
        ruleId: "host-network",
        scope: { team: "net" },
        reason: "CNI <i>agent</i>",
        approver: "ana",
        expiresAt: new Date("2027-01-20T00:00:00Z"),
      },
      {
        id: "w.yaml#2",
        ruleId: "subpath",
        scope: { cluster: "prod" },
        reason: "old",
        approver: "bo",
        expiresAt: new Date("2027-01-01T00:00:00Z"),
      },
    ];
    const model = reportModelFromScan(result, { waivers, now: NOW });
    expect(model.acceptedRisks).toEqual([
      {
        ruleId: "host-network",
        scope: "team net",
        reason: "CNI <i>agent</i>",
        approver: "ana",
        expiresAt: new Date("2027-01-20T00:00:00Z"),
        workloads: 1,
      },
    ]);
    // edge's only blocker is waived: ready as a path; the expired subpath waiver changes nothing.
    expect(model.paths).toEqual({ ready: 2, "manifest-fixes": 1, "platform-work": 0, "stays-on-runc": 1 });
    const html = htmlReport(model);
    expect(html).toContain("Accepted risks");
    expect(html).toContain("CNI &lt;i&gt;agent&lt;/i&gt;");
    expect(html).toContain("2027-01-20 00:00 UTC");
  });
});

describe("htmlReportChunks", () => {
  const model = reportModelFromScan(result, { now: NOW });
  const html = htmlReport(model);

  it("is one self-contained document: no scripts, no external resources", () => {
    expect([...htmlReportChunks(model)].length).toBeGreaterThan(5);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it("escapes every user value", () => {
    expect(html).toContain("x-&lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).not.toContain("alert(1)</script>");
  });

  it("has every section, accessible charts with their numbers in tables, and print CSS", () => {
    for (const heading of ["Summary", "Top blocking rules", "Teams", "Blocked workloads", "Sizing impact"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).not.toContain(">Accepted risks</h2>");
    expect(html).not.toContain(">Trend</h2>");
    expect(html.match(/<svg [^>]*role="img" aria-labelledby="[^"]+-title [^"]+-desc"/g)?.length).toBe(3);
    expect(html).toContain('<title id="chart-paths-svg-title">Workloads by migration path</title>');
    expect(html).toMatch(/<th scope="row">Stays on runc<\/th><td class="num">2<\/td>/);
    expect(html).toContain("@media print");
    expect(html).toContain("@page");
    // The rule's remediation, rendered from its markdown.
    expect(html).toContain("<code>runtimeClassName</code>");
  });

  it("renders the trend when the model has one", () => {
    const withTrend = htmlReport({
      ...model,
      trend: [
        {
          cluster: "prod",
          points: [
            { at: new Date("2026-11-01T00:00:00Z"), workloads: 4, ready: 0, needsChanges: 1, blocked: 3 },
            { at: new Date("2026-12-01T00:00:00Z"), workloads: 4, ready: 1, needsChanges: 0, blocked: 3 },
          ],
        },
      ],
    });
    expect(withTrend).toContain(">Trend</h2>");
    expect(withTrend).toContain("Readiness of cluster prod across 2 snapshots");
    expect(withTrend).toContain("2026-11-01: 0%; 2026-12-01: 25%");
  });
});

describe("the trend's axis labels", () => {
  it("show the time when two snapshots fall on one day", () => {
    const model = reportModelFromScan(result, { now: NOW });
    const html = htmlReport({
      ...model,
      trend: [
        {
          cluster: "prod",
          points: [
            { at: new Date("2026-12-02T09:05:00Z"), workloads: 4, ready: 1, needsChanges: 0, blocked: 3 },
            { at: new Date("2026-12-02T16:19:00Z"), workloads: 4, ready: 2, needsChanges: 0, blocked: 2 },
          ],
        },
      ],
    });
    expect(html).toContain("12-02 09:05: 25%; 12-02 16:19: 50%");
  });
});
