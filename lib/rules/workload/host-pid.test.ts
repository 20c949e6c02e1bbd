import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostPid } from "./host-pid";

const run = (w: Workload) => hostPid.check(w, ruleContext());

describe("host-pid", () => {
  it("fires on hostPID: true", () => {
    expect(run(podWorkload({ hostPID: true, containers: [{ name: "a" }] }))).toEqual([
      {
        ruleId: "host-pid",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.hostPID",
        message: "hostPID: true",
      },
    ]);
  });

  it("does not fire on hostPID false or shareProcessNamespace", () => {
    expect(run(podWorkload({ hostPID: false, shareProcessNamespace: true, containers: [{ name: "a" }] }))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { hostPID: true, containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { hostPID: true, containers: [] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.hostPID", "spec.hostPID"]);
  });

  it.each([
    ["host", 1],
    ["container:abc", 0],
    ["", 0],
  ])("Docker PidMode %s", (mode, count) => {
    const findings = run(dockerWorkload({ HostConfig: { PidMode: mode } }));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]).toMatchObject({ path: "HostConfig.PidMode", message: 'PidMode "host"', container: null });
  });

  it("fires on Compose pid: host", () => {
    expect(run(composeWorkload({ pid: "host" }))).toEqual([expect.objectContaining({ path: "services.web.pid", message: "pid: host" })]);
    expect(run(composeWorkload({ pid: "service:db" }))).toEqual([]);
  });
});
