import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { cpuset } from "./cpuset";

const ctx = ruleContext();
const res = (cpu: string | number, memory = "1Gi", requests?: object) => ({
  resources: { limits: { cpu, memory }, ...(requests ? { requests } : {}) },
});

describe("cpuset", () => {
  it("K8s: info on each integer-CPU container of a Guaranteed pod", () => {
    const w = podWorkload({
      containers: [
        { name: "a", ...res("2") },
        { name: "b", ...res("500m") },
      ],
      initContainers: [{ name: "i", ...res(1, "64Mi", { cpu: "1000m" }) }],
    });
    const findings = cpuset.check(w, ctx);
    expect(findings.map((f) => [f.container, f.path, f.severity])).toEqual([
      ["a", "spec.template.spec.containers[0].resources.limits.cpu", "info"],
      ["i", "spec.template.spec.initContainers[0].resources.limits.cpu", "info"],
    ]);
    expect(findings[0]).toMatchObject({ remedy: "platform" });
    expect(findings[0].message).toContain("limits.cpu 2");
  });

  it.each([
    ["burstable (requests below limits)", { containers: [{ name: "a", ...res("2", "1Gi", { cpu: "1" }) }] }],
    ["a container without limits", { containers: [{ name: "a", ...res("2") }, { name: "b" }] }],
    ["fractional CPUs only", { containers: [{ name: "a", ...res("1500m") }] }],
  ])("K8s: no finding for %s", (_, spec) => {
    expect(cpuset.check(podWorkload(spec), ctx)).toEqual([]);
  });

  it("Docker: warning on CpusetCpus and CpusetMems", () => {
    const findings = cpuset.check(dockerWorkload({ HostConfig: { CpusetCpus: "0-3", CpusetMems: "0" } }), ctx);
    expect(findings.map((f) => [f.path, f.severity, f.container])).toEqual([
      ["HostConfig.CpusetCpus", "warning", null],
      ["HostConfig.CpusetMems", "warning", null],
    ]);
    expect(findings[0].message).toContain('"0-3"');
    expect(cpuset.check(dockerWorkload({ HostConfig: { CpusetCpus: "" } }), ctx)).toEqual([]);
  });

  it("Compose: warning on cpuset", () => {
    expect(cpuset.check(composeWorkload({ cpuset: "0,1" }), ctx).map((f) => [f.path, f.severity])).toEqual([
      ["services.web.cpuset", "warning"],
    ]);
    expect(cpuset.check(composeWorkload({ cpus: 1 }), ctx)).toEqual([]);
  });
});
