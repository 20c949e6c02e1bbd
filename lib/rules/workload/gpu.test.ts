import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import type { ProfileId } from "../../scoring/profiles";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { gpu } from "./gpu";

const run = (w: Workload, profile: ProfileId = "kata-qemu-runtime-rs") => gpu.check(w, ruleContext(profile));
const withLimits = (limits: Record<string, unknown>) => podWorkload({ containers: [{ name: "cuda", resources: { limits } }] });

describe("gpu (Kubernetes)", () => {
  it("fires on nvidia.com/gpu with the exact limit path", () => {
    expect(run(withLimits({ "nvidia.com/gpu": 1, memory: "1Gi" }))).toEqual([
      {
        ruleId: "gpu",
        severity: "blocker",
        remedy: "platform",
        container: "cuda",
        path: 'spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"]',
        message: "limits nvidia.com/gpu: 1",
      },
    ]);
  });

  it.each(["amd.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe"])("fires on %s", (name) => {
    expect(run(withLimits({ [name]: "2" }))).toHaveLength(1);
  });

  it("fires on nvidia.com/pgpu outside the GPU profile, not on it", () => {
    expect(run(withLimits({ "nvidia.com/pgpu": 1 }))).toHaveLength(1);
    expect(run(withLimits({ "nvidia.com/pgpu": 1 }), "kata-qemu-nvidia-gpu")).toEqual([]);
  });

  it("still fires on nvidia.com/gpu under the GPU profile (passthrough needs pgpu)", () => {
    expect(run(withLimits({ "nvidia.com/gpu": 1 }), "kata-qemu-nvidia-gpu")).toHaveLength(1);
  });

  it.each([[{ "nvidia.com/gpu": 0 }], [{ "nvidia.com/gpu": "0" }], [{ "intel.com/sriov": 1 }], [{ cpu: "1", memory: "1Gi" }]])(
    "does not fire on %o",
    (limits) => {
      expect(run(withLimits(limits))).toEqual([]);
    },
  );

  it.each(["nvidia.com/mig-1g.5gb", "nvidia.com/mig-3g.20gb", "nvidia.com/gpu.shared"])(
    "fires on %s: MIG slices and time-sharing are not passed through (catalog 1.2)",
    (name) => {
      expect(run(withLimits({ [name]: 1 })).map((f) => f.message)).toEqual([`limits ${name}: 1`]);
      expect(run(withLimits({ [name]: 1 }), "kata-qemu-nvidia-gpu")).toHaveLength(1);
    },
  );

  it("does not read requests", () => {
    expect(run(podWorkload({ containers: [{ name: "a", resources: { requests: { "nvidia.com/gpu": 1 } } }] }))).toEqual([]);
  });

  it("checks init containers and every pod template", () => {
    const w = k8sWorkload({
      kind: "Pod",
      spec: { containers: [{ name: "a" }], initContainers: [{ name: "warm", resources: { limits: { "amd.com/gpu": 1 } } }] },
    });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "b", resources: { limits: { "nvidia.com/gpu": 1 } } }] } });
    expect(run(w).map((f) => [f.container, f.path])).toEqual([
      ["warm", 'spec.initContainers[0].resources.limits["amd.com/gpu"]'],
      ["b", 'spec.containers[0].resources.limits["nvidia.com/gpu"]'],
    ]);
  });
});

describe("gpu (Docker, Compose)", () => {
  it("fires on DeviceRequests and the nvidia runtime", () => {
    const w = dockerWorkload({
      HostConfig: { Runtime: "nvidia", DeviceRequests: [{ Driver: "nvidia", Count: -1, Capabilities: [["gpu"]] }] },
    });
    expect(run(w)).toEqual([
      {
        ruleId: "gpu",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: "HostConfig.DeviceRequests[0]",
        message: "device request (driver nvidia) (--gpus)",
      },
      { ruleId: "gpu", severity: "blocker", remedy: "platform", container: null, path: "HostConfig.Runtime", message: 'Runtime "nvidia"' },
    ]);
  });

  it("does not fire on runc or Kata runtimes without device requests", () => {
    expect(run(dockerWorkload({ HostConfig: { Runtime: "io.containerd.kata.v2", DeviceRequests: null } }))).toEqual([]);
  });

  it("fires on Compose GPU reservations, gpus and runtime: nvidia", () => {
    const w = composeWorkload(`
runtime: nvidia
gpus: all
deploy:
  resources:
    reservations:
      devices:
        - capabilities: [tpu]
        - driver: nvidia
          count: 1
          capabilities: [gpu, utility]
`);
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["services.web.deploy.resources.reservations.devices[1]", "GPU device reservation (driver nvidia)"],
      ["services.web.gpus", "gpus: all"],
      ["services.web.runtime", "runtime: nvidia"],
    ]);
  });

  it("does not fire on a Compose service without GPU", () => {
    expect(run(composeWorkload({ deploy: { resources: { limits: { cpus: "1" } } } }))).toEqual([]);
  });
});
