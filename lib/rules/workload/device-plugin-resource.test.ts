import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import type { ProfileId } from "../../scoring/profiles";
import { dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { devicePluginResource, isDevicePluginResource } from "./device-plugin-resource";

const run = (w: Workload, profile: ProfileId = "kata-qemu-runtime-rs") => devicePluginResource.check(w, ruleContext(profile));
const withLimits = (limits: Record<string, unknown>) => podWorkload({ containers: [{ name: "app", resources: { limits } }] });

describe("device-plugin-resource", () => {
  it("fires on an SR-IOV resource with the exact path", () => {
    expect(run(withLimits({ "intel.com/sriov_netdevice": "1", cpu: "1" }))).toEqual([
      {
        ruleId: "device-plugin-resource",
        severity: "warning",
        remedy: "platform",
        container: "app",
        path: 'spec.template.spec.containers[0].resources.limits["intel.com/sriov_netdevice"]',
        message: "limits intel.com/sriov_netdevice: 1",
      },
    ]);
  });

  it.each([
    "sgx.intel.com/epc",
    "dsa.intel.com/wq-user-shared",
    "smarter-devices/fuse",
    "squat.ai/serial",
    "devices.kubevirt.io/kvm",
    "example.com/foo",
  ])("fires on %s", (name) => {
    expect(run(withLimits({ [name]: 1 }))).toHaveLength(1);
  });

  it.each([
    "cpu",
    "memory",
    "ephemeral-storage",
    "hugepages-2Mi",
    "kubernetes.io/something",
    "example.kubernetes.io/thing",
    "nvidia.com/gpu",
    "amd.com/gpu",
    "gpu.intel.com/i915",
    "nvidia.com/mig-1g.5gb",
    "nvidia.com/gpu.shared",
    "nvidia.com/pgpu",
  ])("does not fire on %s", (name) => {
    expect(run(withLimits({ [name]: 1 }))).toEqual([]);
    expect(run(withLimits({ [name]: 1 }), "kata-qemu-nvidia-gpu")).toEqual([]);
  });

  it("does not fire on a zero quantity", () => {
    expect(run(withLimits({ "intel.com/qat": 0 }))).toEqual([]);
  });

  it("checks init and ephemeral containers and every pod template", () => {
    const w = k8sWorkload({
      kind: "Pod",
      spec: {
        containers: [{ name: "a" }],
        initContainers: [{ name: "i", resources: { limits: { "xilinx.com/fpga": 1 } } }],
        ephemeralContainers: [{ name: "e", resources: { limits: { "acme.io/dev": 1 } } }],
      },
    });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "b", resources: { limits: { "acme.io/dev": 1 } } }] } });
    expect(run(w).map((f) => f.container)).toEqual(["i", "e", "b"]);
  });

  it("classifies names by domain", () => {
    expect(isDevicePluginResource("intel.com/qat")).toBe(true);
    expect(isDevicePluginResource("kubernetes.io/x")).toBe(false);
    expect(isDevicePluginResource("a.kubernetes.io/x")).toBe(false);
    expect(isDevicePluginResource("notkubernetes.io/x")).toBe(true);
    expect(isDevicePluginResource("memory")).toBe(false);
  });

  it("is Kubernetes-only", () => {
    expect(devicePluginResource.appliesTo).toEqual(["kubernetes"]);
    expect(run(dockerWorkload({ HostConfig: {} }))).toEqual([]);
  });
});
