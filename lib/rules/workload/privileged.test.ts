import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { privileged } from "./privileged";

const run = (w: Workload) => privileged.check(w, ruleContext());

describe("privileged", () => {
  it("fires as a warning on Kubernetes, per container of every kind", () => {
    const w = podWorkload(`
containers:
  - name: app
  - name: helper
    securityContext: { privileged: true }
initContainers:
  - name: init
    securityContext: { privileged: true }
ephemeralContainers:
  - name: debug
    securityContext: { privileged: true }
`);
    expect(run(w)).toEqual([
      {
        ruleId: "privileged",
        severity: "warning",
        remedy: "platform",
        container: "helper",
        path: "spec.template.spec.containers[1].securityContext.privileged",
        message: "privileged: true",
      },
      {
        ruleId: "privileged",
        severity: "warning",
        remedy: "platform",
        container: "init",
        path: "spec.template.spec.initContainers[0].securityContext.privileged",
        message: "privileged: true",
      },
      {
        ruleId: "privileged",
        severity: "warning",
        remedy: "platform",
        container: "debug",
        path: "spec.template.spec.ephemeralContainers[0].securityContext.privileged",
        message: "privileged: true",
      },
    ]);
  });

  it("does not fire on privileged false, capabilities or allowPrivilegeEscalation", () => {
    const w = podWorkload({
      containers: [
        { name: "a", securityContext: { privileged: false, allowPrivilegeEscalation: true, capabilities: { add: ["SYS_ADMIN"] } } },
      ],
    });
    expect(run(w)).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [{ name: "a" }] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "a", securityContext: { privileged: true } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.containers[0].securityContext.privileged"]);
  });

  it("is a blocker on Docker", () => {
    expect(run(dockerWorkload({ HostConfig: { Privileged: true } }))).toEqual([
      {
        ruleId: "privileged",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: "HostConfig.Privileged",
        message: "Privileged: true",
      },
    ]);
    expect(run(dockerWorkload({ HostConfig: { Privileged: false } }))).toEqual([]);
  });

  it("is a blocker on Compose", () => {
    expect(run(composeWorkload({ privileged: true }))).toEqual([
      expect.objectContaining({ severity: "blocker", path: "services.web.privileged", container: null }),
    ]);
    expect(run(composeWorkload({ privileged: false }))).toEqual([]);
  });

  it("declares its highest severity", () => {
    expect(privileged.severity).toBe("blocker");
  });
});
