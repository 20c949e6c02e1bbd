import { describe, expect, it } from "vitest";
import { parseOwnersCsv, resolveTeam } from "./owners";

describe("resolveTeam", () => {
  const labels = { owner: "sre", "app.kubernetes.io/part-of": "shop" };

  it("takes an override first, then the first configured label that is set, then the namespace's team", () => {
    expect(resolveTeam({ labels, override: "payments", namespaceTeam: "ops" })).toEqual({ team: "payments", source: "override" });
    expect(resolveTeam({ labels, namespaceTeam: "ops" })).toEqual({ team: "sre", source: "label" });
    expect(resolveTeam({ labels, labelKeys: ["app.kubernetes.io/part-of", "owner"] })).toEqual({ team: "shop", source: "label" });
    expect(resolveTeam({ labels: { team: "" }, namespaceTeam: "ops" })).toEqual({ team: "ops", source: "namespace" });
    expect(resolveTeam({ labels: {} })).toEqual({ team: null, source: null });
  });

  it("cuts a team from an unbounded (Docker or Compose) label to a Kubernetes label value's length", () => {
    const { team } = resolveTeam({ labels: { team: "t".repeat(100_000) } });
    expect(team).toHaveLength(63);
    expect(team?.endsWith("…")).toBe(true);
  });
});

describe("parseOwnersCsv", () => {
  it("reads workload rows and reports each bad row with its line, keeping the good ones", () => {
    const result = parseOwnersCsv(
      [
        "cluster,namespace,kind,name,team,owner",
        "prod,shop,Deployment,web,checkout,alice",
        "prod,shop,Deployment,,checkout,alice",
        "prod,shop,Deployment,api,,",
        "prod,shop,Deployment,web,payments,bob",
        "prod,shop,Deployment,db,data",
        'prod,"ops, core",CronJob,backup,ops,',
        "edge,,Container,agent,iot,carol",
      ].join("\n"),
    );
    expect(result.ok && result.kind).toBe("workloads");
    if (!result.ok || result.kind !== "workloads") return;
    expect(result.rows.map((r) => [r.line, r.namespace, r.name, r.team, r.owner])).toEqual([
      [2, "shop", "web", "checkout", "alice"],
      [7, "ops, core", "backup", "ops", null],
      [8, "", "agent", "iot", "carol"],
    ]);
    expect(result.errors).toEqual([
      { line: 3, message: "missing name" },
      { line: 4, message: "give a team, an owner or both" },
      { line: 5, message: "prod/shop/Deployment/web is already given on line 2" },
      { line: 6, message: "expected 6 columns, found 5" },
    ]);
  });

  it("reads the namespace form, whatever the header's case", () => {
    const result = parseOwnersCsv("\uFEFFCluster,Namespace,Team\r\nprod,shop,checkout\r\nprod,ops,\r\n");
    expect(result.ok && result.kind).toBe("namespaces");
    if (!result.ok || result.kind !== "namespaces") return;
    expect(result.rows).toEqual([{ line: 2, cluster: "prod", namespace: "shop", team: "checkout" }]);
    expect(result.errors).toEqual([{ line: 3, message: "missing team" }]);
  });

  it("refuses an unknown header or an empty file as a whole", () => {
    expect(parseOwnersCsv("name,team\nweb,x")).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'header must be "cluster,namespace,kind,name,team,owner" or "cluster,namespace,team"' }],
    });
    expect(parseOwnersCsv("")).toEqual({ ok: false, errors: [{ line: 1, message: "empty file: expected a header row" }] });
  });

  it("reports a broken quote as a row error", () => {
    const result = parseOwnersCsv('cluster,namespace,team\nprod,shop,checkout\nprod,"ops,x\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/quote/i);
  });

  it("keeps formula-looking values as plain text", () => {
    const result = parseOwnersCsv('cluster,namespace,team\nprod,shop,=HYPERLINK("x")');
    expect(result.ok && result.kind === "namespaces" && result.rows[0].team).toBe('=HYPERLINK("x")');
  });
});
