import { describe, expect, it } from "vitest";
import type { Severity } from "../rules/types";
import { diffSnapshots, type DiffFinding } from "./snapshot-diff";

const finding = (identity: string, ruleId: string, severity: Severity = "blocker"): DiffFinding => ({
  identity,
  ruleId,
  severity,
  fingerprint: `${identity}|${ruleId}`,
});

const WEB = "prod/shop/Deployment/web";
const API = "prod/shop/Deployment/api";
const CRON = "prod/ops/CronJob/backup";

describe("diffSnapshots", () => {
  it("sorts every finding into new, resolved and unchanged, and workloads into new and removed", () => {
    const diff = diffSnapshots({
      previousWorkloads: [WEB, API],
      currentWorkloads: [WEB, CRON],
      previousFindings: [finding(WEB, "host-network"), finding(WEB, "subpath"), finding(API, "privileged", "warning")],
      currentFindings: [finding(WEB, "subpath"), finding(WEB, "hostpath-volume", "warning"), finding(CRON, "host-pid")],
    });
    expect(diff.newWorkloads).toEqual([CRON]);
    expect(diff.removedWorkloads).toEqual([API]);
    expect(Object.fromEntries(diff.changes)).toEqual({
      [`${WEB}|subpath`]: "unchanged",
      [`${WEB}|hostpath-volume`]: "new",
      [`${CRON}|host-pid`]: "new",
    });
    // The removed workload's finding is not "resolved": nobody fixed it, the workload went away.
    expect(diff.resolved.map((f) => f.fingerprint)).toEqual([`${WEB}|host-network`]);
    expect(diff.counts).toEqual({ new: 2, regressed: 0, "new-rule": 0, unchanged: 1, resolved: 1 });
  });

  it("calls a finding regressed when its severity went up or it was resolved once and came back", () => {
    const diff = diffSnapshots({
      previousWorkloads: [WEB],
      currentWorkloads: [WEB],
      previousFindings: [finding(WEB, "hugepages", "warning"), finding(WEB, "privileged", "blocker")],
      currentFindings: [finding(WEB, "hugepages", "blocker"), finding(WEB, "privileged", "warning"), finding(WEB, "subpath")],
      resolvedBefore: new Set([`${WEB}|subpath`]),
    });
    expect(diff.changes.get(`${WEB}|hugepages`)).toBe("regressed");
    expect(diff.changes.get(`${WEB}|privileged`)).toBe("unchanged");
    expect(diff.changes.get(`${WEB}|subpath`)).toBe("regressed");
    expect(diff.counts.regressed).toBe(2);
  });

  it("marks findings of rules the previous catalog lacked as new rule, for workloads seen before only", () => {
    const diff = diffSnapshots({
      previousWorkloads: [WEB],
      currentWorkloads: [WEB, CRON],
      previousFindings: [],
      currentFindings: [
        finding(WEB, "exec-liveness-probe", "warning"),
        finding(CRON, "exec-liveness-probe", "warning"),
        finding(WEB, "subpath"),
      ],
      isNewRule: (ruleId) => ruleId === "exec-liveness-probe",
    });
    expect(diff.changes.get(`${WEB}|exec-liveness-probe`)).toBe("new-rule");
    expect(diff.changes.get(`${CRON}|exec-liveness-probe`)).toBe("new");
    expect(diff.changes.get(`${WEB}|subpath`)).toBe("new");
  });

  it("finds nothing changed between two snapshots of the same content", () => {
    const findings = [finding(WEB, "host-network"), finding(API, "subpath")];
    const diff = diffSnapshots({
      previousWorkloads: [WEB, API],
      currentWorkloads: [API, WEB],
      previousFindings: findings,
      currentFindings: [...findings].reverse(),
    });
    expect(diff.counts).toEqual({ new: 0, regressed: 0, "new-rule": 0, unchanged: 2, resolved: 0 });
    expect(diff.newWorkloads).toEqual([]);
    expect(diff.removedWorkloads).toEqual([]);
  });

  it("treats a first snapshot as all new", () => {
    const diff = diffSnapshots({
      previousWorkloads: [],
      currentWorkloads: [WEB],
      previousFindings: [],
      currentFindings: [finding(WEB, "host-network")],
    });
    expect(diff.counts.new).toBe(1);
    expect(diff.newWorkloads).toEqual([WEB]);
  });
});
