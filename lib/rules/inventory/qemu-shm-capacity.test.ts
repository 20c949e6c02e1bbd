import { describe, expect, it } from "vitest";
import type { NodeInfo, Workload } from "../../inventory/types";
import type { ProfileId } from "../../scoring/profiles";
import { composeWorkload, emptyInventory, k8sWorkload, ruleContext } from "../test-helpers";
import { qemuShmCapacity } from "./qemu-shm-capacity";

const node = (name: string, memoryCapacity?: string): NodeInfo => ({
  name,
  labels: {},
  source: "nodes.yaml",
  ...(memoryCapacity ? { memoryCapacity } : {}),
});
/** A Deployment of `replicas` pods whose one container has a memory limit of `memory`. */
const deployment = (replicas: number, memory: string, kind = "Deployment"): Workload => {
  const w = k8sWorkload({
    kind,
    metadata: { name: `w-${kind}` },
    spec: { replicas, template: { spec: { containers: [{ name: "a", resources: { limits: { cpu: "1", memory } } }] } } },
  });
  return { ...w, replicas: kind === "DaemonSet" ? null : replicas };
};
const check = (nodes: NodeInfo[], workloads: Workload[], profile: ProfileId = "kata-qemu-runtime-rs") =>
  qemuShmCapacity.check(emptyInventory({ nodes }), ruleContext(profile, { nodes }), workloads);

describe("qemu-shm-capacity", () => {
  // runtime-rs: VM memory = memory limit + 32 MiB. 10 pods x (4064 + 32) MiB = 40 GiB.
  it("fires when the pods' VM memory exceeds half of the nodes' memory", () => {
    expect(check([node("n1", "32Gi"), node("n2", "32Gi")], [deployment(10, "4064Mi")])).toEqual([
      {
        ruleId: "qemu-shm-capacity",
        severity: "warning",
        remedy: "platform",
        container: null,
        path: "status.capacity.memory",
        message:
          "VM memory of all pods under kata-qemu-runtime-rs is 40 GiB, more than half of 2 node(s)' 64 GiB (the default /dev/shm QEMU backs guest RAM with)",
        source: "nodes.yaml",
      },
    ]);
  });

  it("stays quiet at or under half", () => {
    expect(check([node("n1", "32Gi"), node("n2", "32Gi")], [deployment(8, "4064Mi")])).toEqual([]);
  });

  it("counts a DaemonSet once per node", () => {
    const nodes = [node("n1", "4Gi"), node("n2", "4Gi"), node("n3", "4Gi")];
    // 3 nodes x (1024 + 32) MiB = 3.1 GiB of 12 GiB: quiet; 3 x (3040 + 32) = 9 GiB: fires.
    expect(check(nodes, [deployment(1, "1024Mi", "DaemonSet")])).toEqual([]);
    expect(check(nodes, [deployment(1, "3040Mi", "DaemonSet")])).toHaveLength(1);
  });

  it("stays quiet on non-QEMU profiles", () => {
    for (const profile of ["kata-clh", "kata-fc", "kata-dragonball"] as const) {
      expect(check([node("n1", "32Gi")], [deployment(10, "4064Mi")], profile)).toEqual([]);
    }
    expect(check([node("n1", "32Gi")], [deployment(10, "4064Mi")], "kata-qemu")).toHaveLength(1);
  });

  it("stays quiet without Node objects or without their capacity", () => {
    expect(check([], [deployment(100, "8Gi")])).toEqual([]);
    expect(check([node("n1")], [deployment(100, "8Gi")])).toEqual([]);
  });

  it("leaves Compose services out of the cluster's sum", () => {
    const service = { ...composeWorkload({ image: "x", mem_limit: "64g" }), replicas: 10 };
    expect(check([node("n1", "1Gi")], [service])).toEqual([]);
  });
});
