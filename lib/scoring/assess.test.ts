import { describe, expect, it } from "vitest";
import type { Finding, RuleId, Severity } from "../rules/types";
import { assessWorkload, compareSeverity, reachesSeverity } from "./assess";

function finding(ruleId: RuleId, severity: Severity, container: string | null = "app"): Finding {
  return { ruleId, severity, remedy: null, container, path: "spec", message: `${ruleId} here` };
}

describe("assessWorkload", () => {
  it("scores a workload without findings 100 and ready", () => {
    const result = assessWorkload([]);
    expect(result).toMatchObject({ score: 100, readiness: "ready", migrated: false, breakdown: [] });
  });

  it("takes 40 per distinct blocker rule and 10 per distinct warning rule", () => {
    const result = assessWorkload([
      finding("host-network", "blocker", null),
      finding("subpath", "blocker"),
      finding("resource-limits", "warning"),
      finding("block-device", "info"),
    ]);
    expect(result.score).toBe(100 - 80 - 10);
    expect(result.readiness).toBe("blocked");
    expect(result.breakdown.map((item) => [item.ruleId, item.points])).toEqual([
      ["host-network", 40],
      ["subpath", 40],
      ["resource-limits", 10],
    ]);
  });

  it("counts a rule once however many containers trigger it", () => {
    const result = assessWorkload([finding("subpath", "blocker", "a"), finding("subpath", "blocker", "b")]);
    expect(result.score).toBe(60);
    expect(result.breakdown).toEqual([{ ruleId: "subpath", severity: "blocker", points: 40, findings: 2 }]);
    expect(result.counts.blocker).toBe(2);
  });

  it("counts a rule at its highest severity when it fires at two", () => {
    const result = assessWorkload([finding("hugepages", "warning", "a"), finding("hugepages", "blocker", "b")]);
    expect(result.score).toBe(60);
    expect(result.breakdown[0]).toMatchObject({ ruleId: "hugepages", severity: "blocker", points: 40 });
  });

  it("never goes below zero", () => {
    const rules = (["host-network", "host-pid", "host-ipc", "subpath"] as const).map((id) => finding(id, "blocker"));
    expect(assessWorkload(rules).score).toBe(0);
  });

  it("needs changes with warnings only; info costs nothing", () => {
    const result = assessWorkload([finding("cpuset", "info"), finding("in-place-resize", "warning")]);
    expect(result).toMatchObject({ score: 90, readiness: "needs-changes" });
    expect(assessWorkload([finding("cpuset", "info")])).toMatchObject({ score: 100, readiness: "ready" });
  });

  it("marks a workload on a Kata runtime class as migrated", () => {
    expect(assessWorkload([finding("kata-runtime", "info", null)]).migrated).toBe(true);
  });

  it("ignores waived rules for score and readiness", () => {
    const findings = [finding("subpath", "blocker"), finding("resource-limits", "warning")];
    const result = assessWorkload(findings, new Set(["subpath"]));
    expect(result).toMatchObject({ score: 90, readiness: "needs-changes" });
    expect(result.counts).toEqual({ blocker: 0, warning: 1, info: 0 });
  });
});

describe("severity helpers", () => {
  it("gates on a threshold", () => {
    expect(reachesSeverity([finding("cpuset", "warning")], "blocker")).toBe(false);
    expect(reachesSeverity([finding("cpuset", "warning")], "warning")).toBe(true);
    expect(reachesSeverity([finding("cpuset", "blocker")], "info")).toBe(true);
    expect(reachesSeverity([], "info")).toBe(false);
  });

  it("orders blockers first", () => {
    const sorted = (["info", "blocker", "warning"] as Severity[]).sort(compareSeverity);
    expect(sorted).toEqual(["blocker", "warning", "info"]);
  });
});
