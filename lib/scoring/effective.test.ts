import { describe, expect, it } from "vitest";
import type { RuleId } from "../rules/ids";
import type { Remedy, Severity } from "../rules/types";
import { effectiveFigures } from "./effective";
import type { Waiver, WaiverTarget } from "./waivers";

const f = (ruleId: RuleId, severity: Severity, remedy: Remedy | null) => ({ ruleId, severity, remedy });
const target: WaiverTarget = { identity: "prod/mon/DaemonSet/node-exporter", cluster: "prod", namespace: "mon", team: "sre" };
const waiver = (ruleId: string, expires: string, scope: Waiver["scope"] = { namespace: "mon" }): Waiver => ({
  id: `w-${ruleId}`,
  ruleId,
  scope,
  reason: "r",
  approver: "a",
  expiresAt: new Date(expires),
});

const findings = [
  f("host-network", "blocker", "keep-on-runc"),
  f("host-pid", "blocker", "keep-on-runc"),
  f("resource-limits", "warning", "manifest"),
];
const now = new Date("2027-01-15T00:00:00Z");

describe("effectiveFigures", () => {
  it("gives the same figures with and without waivers when none applies", () => {
    const figures = effectiveFigures(findings, target, [waiver("subpath", "2027-02-01")], now);
    expect(figures).toMatchObject({ score: 10, readiness: "blocked", migrationPath: "stays-on-runc", checkAt: null });
    expect(figures.raw).toEqual({ score: 10, readiness: "blocked", migrationPath: "stays-on-runc" });
    expect(figures.waived.size).toBe(0);
  });

  it("leaves waived rules out of score, readiness and path, and keeps the raw figures", () => {
    const figures = effectiveFigures(findings, target, [waiver("host-network", "2027-02-01"), waiver("host-pid", "2027-03-01")], now);
    expect(figures).toMatchObject({ score: 90, readiness: "needs-changes", migrationPath: "manifest-fixes" });
    expect(figures.raw).toEqual({ score: 10, readiness: "blocked", migrationPath: "stays-on-runc" });
    expect([...figures.waived.keys()].sort()).toEqual(["host-network", "host-pid"]);
    expect(figures.breakdown.map((item) => item.ruleId)).toEqual(["resource-limits"]);
    // The first of the used waivers to expire decides when the figures are evaluated again.
    expect(figures.checkAt?.toISOString()).toBe("2027-02-01T00:00:00.000Z");
  });

  it("stops applying a waiver once it expires, by the clock given", () => {
    const waivers = [waiver("host-network", "2027-02-01"), waiver("host-pid", "2027-03-01")];
    const later = effectiveFigures(findings, target, waivers, new Date("2027-02-01T00:00:00Z"));
    expect(later.readiness).toBe("blocked");
    expect([...later.waived.keys()]).toEqual(["host-pid"]);
    expect(later.checkAt?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });

  it("applies only waivers whose scope matches", () => {
    const figures = effectiveFigures(findings, target, [waiver("host-network", "2027-02-01", { team: "payments" })], now);
    expect(figures.waived.size).toBe(0);
    expect(figures.readiness).toBe("blocked");
  });
});
