import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { vfioDevice } from "./vfio-device";

const run = (w: Workload) => vfioDevice.check(w, ruleContext());

describe("vfio-device", () => {
  it.each([
    [{ path: "/dev/vfio/12" }, "spec.template.spec.volumes[0].hostPath.path"],
    [{ path: "/dev/vfio" }, "spec.template.spec.volumes[0].hostPath.path"],
    [{ path: "/dev/vfio/vfio", type: "CharDevice" }, "spec.template.spec.volumes[0].hostPath.path"],
  ])("fires on hostPath %o", (hostPath, path) => {
    const w = podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "gpu", hostPath }] });
    expect(run(w)).toEqual([
      {
        ruleId: "vfio-device",
        severity: "warning",
        remedy: "platform",
        container: null,
        path,
        message: expect.stringContaining(`"${hostPath.path}"`),
      },
    ]);
  });

  it.each([["/dev/vfio-like"], ["/dev/fuse"], ["/dev"]])("does not fire on hostPath %s", (p) => {
    expect(run(podWorkload({ containers: [], volumes: [{ name: "v", hostPath: { path: p } }] }))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "v", hostPath: { path: "/dev/vfio/1" } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].hostPath.path"]);
  });

  it("fires on Docker VFIO devices and bind sources", () => {
    const w = dockerWorkload({
      HostConfig: { Devices: [{ PathOnHost: "/dev/ttyS0" }, { PathOnHost: "/dev/vfio/7" }], Binds: ["/dev/vfio:/dev/vfio"] },
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["HostConfig.Devices[1].PathOnHost", 'device "/dev/vfio/7"'],
      ["HostConfig.Binds[0]", 'bind mount of host "/dev/vfio" at /dev/vfio'],
    ]);
  });

  it("fires on Compose VFIO devices and binds", () => {
    const w = composeWorkload({
      devices: ["/dev/vfio/3:/dev/vfio/3", "/dev/ttyS0"],
      volumes: [{ type: "bind", source: "/dev/vfio/vfio", target: "/dev/vfio/vfio" }],
    });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.devices[0]", "services.web.volumes[0].source"]);
  });
});
