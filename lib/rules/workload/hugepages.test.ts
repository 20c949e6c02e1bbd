import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hugepages } from "./hugepages";

const ctx = ruleContext();

describe("hugepages", () => {
  it("K8s limits: warning for 2Mi, blocker for 1Gi", () => {
    const w = podWorkload({
      containers: [{ name: "a", resources: { limits: { memory: "1Gi", "hugepages-2Mi": "512Mi" } } }],
      initContainers: [{ name: "i", resources: { limits: { "hugepages-1Gi": "2Gi" } } }],
    });
    const findings = hugepages.check(w, ctx);
    expect(findings.map((f) => [f.severity, f.container, f.path])).toEqual([
      ["warning", "a", 'spec.template.spec.containers[0].resources.limits["hugepages-2Mi"]'],
      ["blocker", "i", 'spec.template.spec.initContainers[0].resources.limits["hugepages-1Gi"]'],
    ]);
    expect(findings[0].message).toContain("hugepages-2Mi: 512Mi");
    expect(findings[0].remedy).toBe("manifest");
  });

  it("K8s volumes: HugePages emptyDir by size, hostPath /dev/hugepages is a blocker", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [
        { name: "h", emptyDir: { medium: "HugePages" } },
        { name: "h2", emptyDir: { medium: "HugePages-2Mi" } },
        { name: "h1g", emptyDir: { medium: "HugePages-1Gi" } },
        { name: "host", hostPath: { path: "/dev/hugepages" } },
        { name: "m", emptyDir: { medium: "Memory" } },
        { name: "dev", hostPath: { path: "/dev/hugepagesX" } },
      ],
    });
    expect(hugepages.check(w, ctx).map((f) => [f.severity, f.path])).toEqual([
      ["warning", "spec.template.spec.volumes[0].emptyDir.medium"],
      ["warning", "spec.template.spec.volumes[1].emptyDir.medium"],
      ["blocker", "spec.template.spec.volumes[2].emptyDir.medium"],
      ["blocker", "spec.template.spec.volumes[3].hostPath.path"],
    ]);
  });

  it("does not fire without hugepages", () => {
    expect(hugepages.check(podWorkload({ containers: [{ name: "a", resources: { limits: { memory: "1Gi" } } }] }), ctx)).toEqual([]);
  });

  it("Docker: bind of /dev/hugepages is a blocker", () => {
    const w = dockerWorkload({ HostConfig: { Binds: ["/dev/hugepages:/dev/hugepages", "/data:/data"] } });
    expect(hugepages.check(w, ctx).map((f) => [f.severity, f.path, f.container])).toEqual([["blocker", "HostConfig.Binds[0]", null]]);
  });

  it("Compose: bind of /dev/hugepages is a blocker, a named volume is not", () => {
    const w = composeWorkload({ volumes: ["/dev/hugepages:/hugepages", "hp:/dev/hugepages"] });
    expect(hugepages.check(w, ctx).map((f) => [f.severity, f.path])).toEqual([["blocker", "services.web.volumes[0]"]]);
  });
});
