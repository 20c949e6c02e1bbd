import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostpathVolume } from "./hostpath-volume";
import { kernelModules } from "./kernel-modules";

const run = (w: Workload) => kernelModules.check(w, ruleContext());

describe("kernel-modules", () => {
  it("fires on SYS_MODULE, CAP_SYS_MODULE and ALL added to a container", () => {
    const w = podWorkload({
      containers: [
        { name: "loader", securityContext: { capabilities: { add: ["NET_ADMIN", "SYS_MODULE"] } } },
        { name: "all", securityContext: { capabilities: { add: ["all"] } } },
        { name: "cap", securityContext: { capabilities: { add: ["CAP_SYS_MODULE"] } } },
      ],
    });
    expect(run(w).map((f) => [f.container, f.path, f.message])).toEqual([
      ["loader", "spec.template.spec.containers[0].securityContext.capabilities.add[1]", "capability SYS_MODULE added to loader"],
      ["all", "spec.template.spec.containers[1].securityContext.capabilities.add[0]", "capability all added to all"],
      ["cap", "spec.template.spec.containers[2].securityContext.capabilities.add[0]", "capability CAP_SYS_MODULE added to cap"],
    ]);
    expect(run(w)[0]).toMatchObject({ ruleId: "kernel-modules", severity: "blocker", remedy: "keep-on-runc" });
  });

  it("stays quiet on other capabilities and dropped SYS_MODULE", () => {
    const w = podWorkload({ containers: [{ name: "a", securityContext: { capabilities: { add: ["NET_ADMIN"], drop: ["SYS_MODULE"] } } }] });
    expect(run(w)).toEqual([]);
  });

  it.each(["/lib/modules", "/lib/modules/6.8.0", "/usr/lib/modules/", "/lib//modules"])(
    "claims hostPath %s instead of hostpath-volume",
    (path) => {
      const w = podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "mods", hostPath: { path, type: "Directory" } }] });
      expect(run(w).map((f) => [f.path, f.message])).toEqual([
        ["spec.template.spec.volumes[0].hostPath.path", `hostPath "${path}", type Directory (volume "mods")`],
      ]);
      expect(hostpathVolume.check(w, ruleContext())).toEqual([]);
    },
  );

  it("leaves /lib and /lib/modules-load.d to hostpath-volume", () => {
    for (const path of ["/lib", "/lib/modules-load.d"]) {
      const w = podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "x", hostPath: { path } }] });
      expect(run(w)).toEqual([]);
      expect(hostpathVolume.check(w, ruleContext())).toHaveLength(1);
    }
  });

  it("fires on Docker CapAdd and a /lib/modules bind", () => {
    const w = dockerWorkload({
      HostConfig: { CapAdd: ["SYS_MODULE"] },
      Mounts: [{ Type: "bind", Source: "/lib/modules", Destination: "/lib/modules" }],
    });
    expect(run(w).map((f) => f.path)).toEqual(["HostConfig.CapAdd[0]", "Mounts[0].Source"]);
    expect(hostpathVolume.check(w, ruleContext())).toEqual([]);
  });

  it("fires on Compose cap_add and a /lib/modules bind", () => {
    const w = composeWorkload({ cap_add: ["ALL"], volumes: ["/lib/modules:/lib/modules:ro"] });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.cap_add[0]", "services.web.volumes[0]"]);
    expect(run(composeWorkload({ cap_add: ["NET_ADMIN"], volumes: ["./data:/data"] }))).toEqual([]);
  });
});
