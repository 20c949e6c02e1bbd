import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isExpired, parseExpiry, readWaiverFile, scopeKind, scopeMatches, waiversFor, type Waiver, type WaiverTarget } from "./waivers";

const web: WaiverTarget = { identity: "prod/shop/Deployment/web", cluster: "prod", namespace: "shop", team: "checkout" };
const agent: WaiverTarget = { identity: "edge//Container/agent", cluster: "edge", namespace: null, team: null };

function waiver(ruleId: string, scope: Waiver["scope"], expires = "2027-01-31T00:00:00Z", id = ruleId): Waiver {
  return { id, ruleId, scope, reason: "r", approver: "a", expiresAt: new Date(expires) };
}

describe("waiver scopes", () => {
  it("matches a workload, a namespace, a team and a cluster", () => {
    expect(scopeMatches({ workload: "prod/shop/Deployment/web" }, web)).toBe(true);
    expect(scopeMatches({ workload: "prod/shop/Deployment/api" }, web)).toBe(false);
    expect(scopeMatches({ cluster: "prod", namespace: "shop" }, web)).toBe(true);
    expect(scopeMatches({ cluster: "stage", namespace: "shop" }, web)).toBe(false);
    expect(scopeMatches({ namespace: "shop" }, web)).toBe(true);
    expect(scopeMatches({ team: "checkout" }, web)).toBe(true);
    expect(scopeMatches({ team: "checkout" }, agent)).toBe(false);
    expect(scopeMatches({ cluster: "edge" }, agent)).toBe(true);
    expect(scopeMatches({ cluster: "edge" }, web)).toBe(false);
  });

  it("names the narrowest field as the scope", () => {
    expect(scopeKind({ cluster: "prod", workload: "prod/shop/Deployment/web" })).toBe("workload");
    expect(scopeKind({ cluster: "prod", namespace: "shop" })).toBe("namespace");
    expect(scopeKind({ team: "checkout" })).toBe("team");
    expect(scopeKind({ cluster: "prod" })).toBe("cluster");
  });
});

describe("waiversFor", () => {
  const before = new Date("2027-01-30T12:00:00Z");
  const after = new Date("2027-02-01T00:00:00Z");

  it("applies waivers in force and drops expired ones by the clock given", () => {
    const waivers = [waiver("host-network", { namespace: "shop" }), waiver("subpath", { team: "payments" })];
    expect([...waiversFor(web, waivers, before).keys()]).toEqual(["host-network"]);
    expect(waiversFor(web, waivers, after).size).toBe(0);
  });

  it("uses the waiver that holds longest when several cover a rule", () => {
    const short = waiver("host-network", { cluster: "prod" }, "2027-01-31T00:00:00Z", "short");
    const long = waiver("host-network", { workload: web.identity }, "2027-06-30T00:00:00Z", "long");
    expect(waiversFor(web, [short, long], before).get("host-network")?.id).toBe("long");
    expect(waiversFor(web, [long, short], before).get("host-network")?.id).toBe("long");
  });

  it("treats the expiry instant itself as expired", () => {
    const w = waiver("x", { cluster: "prod" }, "2027-01-31T00:00:00Z");
    expect(isExpired(w, new Date("2027-01-30T23:59:59.999Z"))).toBe(false);
    expect(isExpired(w, new Date("2027-01-31T00:00:00Z"))).toBe(true);
  });
});

describe("waiver files", () => {
  it("reads the documented format; a bare date holds through that day (UTC)", () => {
    const result = readWaiverFile(
      parse(`waivers:
  - rule: host-network
    namespace: monitoring
    reason: node-exporter needs the host's network stack
    approver: alice@example.com
    expires: 2027-01-31
  - rule: subpath
    workload: prod/shop/Deployment/web
    reason: fixed in the next chart release
    approver: bob
    expires: "2027-03-01T12:00:00Z"
`),
      "waivers.yaml",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.waivers.map((w) => [w.id, w.ruleId, w.scope, w.expiresAt.toISOString()])).toEqual([
      ["waivers.yaml#1", "host-network", { namespace: "monitoring" }, "2027-02-01T00:00:00.000Z"],
      ["waivers.yaml#2", "subpath", { workload: "prod/shop/Deployment/web" }, "2027-03-01T12:00:00.000Z"],
    ]);
  });

  it("refuses entries without a scope, reason, approver or a readable date, and unknown keys", () => {
    const result = readWaiverFile(
      {
        waivers: [
          { rule: "a", reason: "r", approver: "x", expires: "2027-01-01" },
          { rule: "b", cluster: "c", reason: " ", approver: "x", expires: "2027-01-01" },
          { rule: "c", cluster: "c", reason: "r", approver: "x", expires: "soon" },
          { rule: "d", cluster: "c", reason: "r", approver: "x", expires: "2027-01-01", scope: "all" },
        ],
      },
      "w.yaml",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join("\n");
    expect(text).toContain("w.yaml: waivers.0: give a scope");
    expect(text).toMatch(/w\.yaml: waivers\.1\.reason/);
    expect(text).toMatch(/w\.yaml: waivers\.3: Unrecognized key/);
  });

  it("reports an unreadable date once the shape is right", () => {
    const result = readWaiverFile({ waivers: [{ rule: "c", cluster: "c", reason: "r", approver: "x", expires: "soon" }] }, "w.yaml");
    expect(result).toEqual({ ok: false, errors: ["w.yaml: waivers.0.expires: not a date (write YYYY-MM-DD)"] });
  });

  it("parses expiry dates", () => {
    expect(parseExpiry("2027-02-28")?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
    expect(parseExpiry("2027-02-30")).toBeNull();
    expect(parseExpiry("not a date")).toBeNull();
    expect(parseExpiry(new Date("2027-01-31T00:00:00Z"))?.toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(parseExpiry(new Date("2027-01-31T08:00:00Z"))?.toISOString()).toBe("2027-01-31T08:00:00.000Z");
  });
});
