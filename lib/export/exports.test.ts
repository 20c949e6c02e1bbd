import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { scan } from "../scan";
import type { Waiver } from "../scoring/waivers";
import { FINDINGS_CSV_HEADER, WORKLOADS_CSV_HEADER } from "./csv";
import { exportEncoder, type ExportFormat } from "./formats";
import { encode, exportWorkloads, summarize, type ExportMeta } from "./model";
import { FINGERPRINT_KEY } from "./sarif";
import { MAX_BLOCKED_WORKLOADS, MAX_MARKDOWN_CHARS } from "./markdown";
import { CATALOG } from "../rules/catalog";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "=HYPERLINK(\\"http://evil\\")"
  namespace: shop
  labels: { team: "+payments" }
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: "@app"
          image: app
          resources: { limits: { cpu: 1, memory: 1Gi } }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "api\\u0001<&>\\"'"
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: api
          image: api
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ok, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: ok
          image: ok
          resources: { limits: { cpu: 1, memory: 1Gi } }
`;

const result = scan([{ name: "deploy/apps.yaml", content: MANIFESTS }], { cluster: "prod" });
const meta: ExportMeta = {
  toolVersion: "0.0.0",
  target: result.target,
  catalogVersion: "1",
  scoreFormula: "v1",
  scope: "cluster prod",
  summary: result.summary,
};

function exportText(format: ExportFormat, options: { csv?: "findings" | "workloads"; waivers?: Waiver[] } = {}): string {
  const rows = exportWorkloads(result, { waivers: options.waivers, now: new Date("2026-06-01T00:00:00Z") });
  return [...encode(exportEncoder(format, meta, { csv: options.csv, patches: { target: result.target } }), rows)].join("");
}

const waiver: Waiver = {
  id: "waivers.yaml#1",
  ruleId: "host-network",
  scope: { namespace: "shop" },
  reason: "accepted",
  approver: "sec",
  expiresAt: new Date("2027-01-01T00:00:00Z"),
};

describe("CSV", () => {
  it("round-trips through csv-parse, one row per finding, formulas neutralised", () => {
    expect(result.errors).toEqual([]);
    const records = parseCsv(exportText("csv"), { columns: true }) as Record<string, string>[];
    const findings = result.workloads.reduce((n, w) => n + Math.max(1, w.findings.length), 0);
    expect(records).toHaveLength(findings);
    expect(Object.keys(records[0])).toEqual([...FINDINGS_CSV_HEADER]);
    const evil = records.filter((r) => r.name.includes("HYPERLINK"));
    expect(evil.length).toBeGreaterThan(0);
    for (const row of evil) {
      expect(row.name).toBe(`'=HYPERLINK("http://evil")`);
      expect(row.team).toBe("'+payments");
    }
    expect(records.find((r) => r.rule === "host-network")).toMatchObject({
      severity: "blocker",
      container: "",
      readiness: "blocked",
      migration_path: "stays-on-runc",
      waiver: "",
    });
    expect(records.find((r) => r.name === "ok")).toMatchObject({ rule: "cpuset", severity: "info", readiness: "ready", score: "100" });
    // Every cell that starts with a formula character starts with the quote instead.
    for (const row of records) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes one row per workload, waived findings counted apart", () => {
    const records = parseCsv(exportText("csv", { csv: "workloads", waivers: [waiver] }), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(3);
    expect(Object.keys(records[0])).toEqual([...WORKLOADS_CSV_HEADER]);
    const evil = records.find((r) => r.name.includes("HYPERLINK"));
    expect(evil).toMatchObject({ waived: "1", blockers: "0", readiness: "ready", migration_path: "ready" });
  });
});

describe("JSON", () => {
  it("carries waivers and counts only unwaived findings", () => {
    const rows = [...exportWorkloads(result, { waivers: [waiver], now: new Date("2026-06-01T00:00:00Z") })];
    const evil = rows.find((w) => w.name.includes("HYPERLINK"));
    expect(evil).toMatchObject({ readiness: "ready", score: 100, migrationPath: "ready" });
    expect(evil?.findings.find((f) => f.ruleId === "host-network")?.waiver).toMatchObject({
      id: "waivers.yaml#1",
      expiresAt: "2027-01-01T00:00:00.000Z",
    });
    expect(summarize(rows).blocked).toBe(0);
    // An expired waiver no longer applies.
    const later = [...exportWorkloads(result, { waivers: [waiver], now: new Date("2027-02-01T00:00:00Z") })];
    expect(later.find((w) => w.name.includes("HYPERLINK"))?.readiness).toBe("blocked");
  });
});

describe("SARIF", () => {
  const schema = JSON.parse(readFileSync(join(__dirname, "fixtures", "sarif-schema-2.1.0.json"), "utf8")) as object;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it("validates against the SARIF 2.1.0 schema, with every catalog rule and located results", () => {
    const sarif = JSON.parse(exportText("sarif", { waivers: [waiver] }));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CATALOG.map((r) => r.id));
    expect(run.tool.driver.rules[0].help.markdown).toContain("### What to do");
    const results = run.results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: unknown[];
    }[];
    expect(results.length).toBe(result.workloads.reduce((n, w) => n + w.findings.length, 0));
    const hostNetwork = results.find((r) => r.ruleId === "host-network");
    expect(hostNetwork).toMatchObject({
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "deploy/apps.yaml" } } }],
    });
    expect(hostNetwork?.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[\w-]{43}$/);
    expect(hostNetwork?.suppressions).toEqual([expect.objectContaining({ kind: "external", status: "accepted" })]);
  });

  it("stays valid with inventory findings after the workloads' results", () => {
    const inventoryFindings = [
      {
        ruleId: "no-kata-runtimeclass" as const,
        severity: "blocker" as const,
        remedy: "platform" as const,
        container: null,
        path: "items",
        message: "no RuntimeClass",
        source: "cluster.json",
      },
    ];
    const text = [
      ...encode(
        exportEncoder("sarif", meta, { sarif: { inventoryFindings }, patches: { target: result.target } }),
        exportWorkloads(result),
      ),
    ].join("");
    const sarif = JSON.parse(text);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.at(-1)).toMatchObject({
      ruleId: "no-kata-runtimeclass",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "cluster.json" } } }],
    });
  });

  it("stays valid with no results", () => {
    const rows = exportWorkloads({ ...result, workloads: [] });
    const sarif = JSON.parse([...encode(exportEncoder("sarif", meta, { patches: { target: result.target } }), rows)].join(""));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
  });
});

describe("JUnit", () => {
  it("is well-formed XML with one failing test case per blocked workload, controls escaped", () => {
    const xml = exportText("junit");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase as { name: string; classname: string; failure?: { type: string } }[];
    expect(cases).toHaveLength(3);
    expect(doc.testsuites).toMatchObject({ tests: "3", failures: "1" });
    const failing = cases.filter((c) => c.failure);
    expect(failing.map((c) => c.name)).toEqual(['Deployment/=HYPERLINK("http://evil")']);
    expect(cases.map((c) => c.name)).toContain("Deployment/api\\u0001<&>\"'");
  });
});

describe("Markdown", () => {
  it("summarises counts, paths and blockers, escaping names", () => {
    const text = exportText("markdown");
    expect(text).toContain("| 3 | 1 (33%) | 1 (33%) | 1 (33%) | 0 | 0 |");
    expect(text).toContain("| Stays on runc | 1 (33%) |");
    expect(text).toContain("`host-network`");
    expect(text).not.toContain("<&>");
  });

  it("caps lists and length for many blocked workloads", () => {
    const name = "x".repeat(300);
    const many = Array.from(
      { length: 400 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Pod\nmetadata: { name: p${i}-${name.slice(0, 200)} }\nspec:\n  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n  containers: [{ name: c, image: i, securityContext: { privileged: true } }]\n`,
    ).join("");
    const big = scan([{ name: "many.yaml", content: many }]);
    const text = [...encode(exportEncoder("markdown", meta, { patches: { target: big.target } }), exportWorkloads(big))].join("");
    expect(text.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    expect(text).toContain(`…and ${400 - MAX_BLOCKED_WORKLOADS} more blocked workloads`);
  });
});
