import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { resourceLimits } from "./resource-limits";

const ctx = ruleContext();

describe("resource-limits", () => {
  it("fires per container and init container with what is missing, skipping ephemeral containers", () => {
    const w = podWorkload({
      containers: [
        { name: "ok", resources: { limits: { cpu: "1", memory: "1Gi" } } },
        { name: "nomem", resources: { limits: { cpu: "500m" }, requests: { memory: "1Gi" } } },
      ],
      initContainers: [{ name: "init" }],
      ephemeralContainers: [{ name: "debug" }],
    });
    expect(resourceLimits.check(w, ctx)).toEqual([
      {
        ruleId: "resource-limits",
        severity: "warning",
        remedy: "manifest",
        container: "nomem",
        path: "spec.template.spec.containers[1].resources.limits",
        message: "container nomem has no memory limit",
      },
      {
        ruleId: "resource-limits",
        severity: "warning",
        remedy: "manifest",
        container: "init",
        path: "spec.template.spec.initContainers[0].resources.limits",
        message: "init container init has no CPU or memory limit",
      },
    ]);
  });

  it("names a missing CPU limit", () => {
    const w = podWorkload({ containers: [{ name: "a", resources: { limits: { memory: "1Gi" } } }] });
    expect(resourceLimits.check(w, ctx)[0].message).toBe("container a has no CPU limit");
  });

  it("does not fire when every container has both limits", () => {
    const w = podWorkload({ containers: [{ name: "a", resources: { limits: { cpu: 2, memory: "512Mi" } } }] });
    expect(resourceLimits.check(w, ctx)).toEqual([]);
  });

  it.each([
    [{}, ["HostConfig.Memory", "HostConfig.NanoCpus"]],
    [{ Memory: 536870912, NanoCpus: 0, CpuQuota: 0 }, ["HostConfig.NanoCpus"]],
    [{ Memory: 0, NanoCpus: 1e9 }, ["HostConfig.Memory"]],
    [{ Memory: 1, CpuQuota: 50000 }, []],
  ])("Docker %o", (hostConfig, paths) => {
    expect(resourceLimits.check(dockerWorkload({ HostConfig: hostConfig }), ctx).map((f) => f.path)).toEqual(paths);
  });

  it.each([
    [{}, ["services.web.deploy.resources.limits"]],
    [{ deploy: { resources: { reservations: { memory: "1g" } } } }, ["services.web.deploy.resources.limits"]],
    [{ deploy: { resources: { limits: { memory: "1g" } } } }, []],
    [{ mem_limit: "1g" }, []],
    [{ cpus: 0.5 }, []],
  ])("Compose %o", (service, paths) => {
    const findings = resourceLimits.check(composeWorkload(service), ctx);
    expect(findings.map((f) => f.path)).toEqual(paths);
    findings.forEach((f) => expect(f.container).toBeNull());
  });
});
