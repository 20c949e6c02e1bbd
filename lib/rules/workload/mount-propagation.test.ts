import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { mountPropagation } from "./mount-propagation";

const run = (w: Workload) => mountPropagation.check(w, ruleContext());
const withMode = (mountPropagation?: string) =>
  podWorkload({ containers: [{ name: "csi", volumeMounts: [{ name: "pods", mountPath: "/var/lib/kubelet/pods", mountPropagation }] }] });

describe("mount-propagation", () => {
  it.each(["Bidirectional", "HostToContainer"])("fires on %s", (mode) => {
    expect(run(withMode(mode))).toEqual([
      {
        ruleId: "mount-propagation",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: "csi",
        path: "spec.template.spec.containers[0].volumeMounts[0].mountPropagation",
        message: `mountPropagation: ${mode} on volume "pods"`,
      },
    ]);
  });

  it.each(["None", undefined, ""])("does not fire on %s", (mode) => {
    expect(run(withMode(mode))).toEqual([]);
  });

  it("fires in init and ephemeral containers and every pod template", () => {
    const w = k8sWorkload({
      kind: "Pod",
      spec: {
        containers: [{ name: "a" }],
        initContainers: [{ name: "i", volumeMounts: [{ name: "v", mountPath: "/v", mountPropagation: "HostToContainer" }] }],
        ephemeralContainers: [{ name: "e", volumeMounts: [{ name: "v", mountPath: "/v", mountPropagation: "Bidirectional" }] }],
      },
    });
    w.pods.push({
      ...w.pods[0],
      spec: { containers: [{ name: "b", volumeMounts: [{ name: "v", mountPath: "/v", mountPropagation: "Bidirectional" }] }] },
    });
    expect(run(w).map((f) => f.container)).toEqual(["i", "e", "b"]);
  });

  it("fires on Docker shared and slave propagation, not private", () => {
    const w = dockerWorkload({
      Mounts: [
        { Type: "bind", Source: "/a", Destination: "/a", Propagation: "rprivate" },
        { Type: "bind", Source: "/b", Destination: "/b", Propagation: "rshared" },
        { Type: "bind", Source: "/c", Destination: "/c", Propagation: "slave" },
      ],
      HostConfig: {
        Binds: ["/d:/d:ro,rslave"],
        Mounts: [{ Type: "bind", Source: "/e", Target: "/e", BindOptions: { Propagation: "shared" } }],
      },
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["Mounts[1].Propagation", "propagation rshared on mount at /b"],
      ["Mounts[2].Propagation", "propagation slave on mount at /c"],
      ["HostConfig.Binds[0]", "propagation rslave on mount at /d"],
      ["HostConfig.Mounts[0].BindOptions.Propagation", "propagation shared on mount at /e"],
    ]);
  });

  it("fires on Compose bind.propagation and short-syntax modes", () => {
    const w = composeWorkload({
      volumes: [{ type: "bind", source: "/mnt", target: "/mnt", bind: { propagation: "rshared" } }, "/x:/x:rslave", "/y:/y:rprivate"],
    });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.volumes[0].bind.propagation", "services.web.volumes[1]"]);
  });
});
