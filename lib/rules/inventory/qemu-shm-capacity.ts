import { formatGiB } from "../../format";
import { parseQuantity, toMiB } from "../../inventory/quantity";
import { estimateSizing } from "../../scoring/sizing";
import type { InventoryRule } from "../types";

export const qemuShmCapacity: InventoryRule = {
  id: "qemu-shm-capacity",
  scope: "inventory",
  since: "1.2",
  title: "QEMU guest memory exceeds the nodes' /dev/shm",
  severity: "warning",
  remedy: "platform",
  summary:
    "Under a QEMU profile, the VM memory of all workloads' pods (from the sizing estimate) is more than half of the nodes' memory, the default size of the host `/dev/shm` that QEMU backs guest RAM with.",
  why: [
    "Kata's QEMU configurations back each VM's RAM with shared memory on the host (`/dev/shm`), so that virtio-fs can map it. `/dev/shm` is a tmpfs that the kernel sizes at half of the host's RAM by default.",
    "",
    "When the VMs on a node together need more than that, the next VM cannot allocate its memory and fails to start, although the node still has free RAM and the scheduler saw room. The figure here sums the sizing estimate of every pod (replicas included, DaemonSets once per node) against all nodes' `status.capacity.memory`: it is an estimate for the cluster, not a per-node check.",
  ].join("\n"),
  remediation: [
    "- Enlarge `/dev/shm` on the nodes that run Kata pods (e.g. a `tmpfs /dev/shm tmpfs defaults,size=90%` line in `/etc/fstab`, then remount).",
    "- Or reduce what runs under Kata per node: right-size memory limits (they size the VM) and keep large workloads on runc.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#12919: VMs fail to start when /dev/shm is full",
      url: "https://github.com/kata-containers/kata-containers/issues/12919",
    },
    {
      title: "Kata configuration: shared memory for guest RAM",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/config/configuration-qemu.toml.in",
    },
  ],
  check(inventory, context, workloads) {
    if (!context.profile.id.startsWith("kata-qemu")) return [];
    let capacityMiB = 0;
    let counted = 0;
    for (const node of inventory.nodes) {
      const bytes = parseQuantity(node.memoryCapacity);
      if (bytes === undefined || bytes <= 0) continue;
      capacityMiB += toMiB(bytes);
      counted++;
    }
    if (counted === 0) return [];
    let vmMiB = 0;
    for (const workload of workloads) {
      if (workload.platform !== "kubernetes") continue;
      const sizing = estimateSizing(workload, context.profile, inventory);
      vmMiB += sizing.vmMemoryMiB * (workload.perNode ? inventory.nodes.length : sizing.replicas);
    }
    if (vmMiB <= capacityMiB / 2) return [];
    return [
      {
        ruleId: qemuShmCapacity.id,
        severity: qemuShmCapacity.severity,
        remedy: qemuShmCapacity.remedy,
        container: null,
        path: "status.capacity.memory",
        message: `VM memory of all pods under ${context.profile.id} is ${formatGiB(vmMiB)}, more than half of ${counted} node(s)' ${formatGiB(capacityMiB)} (the default /dev/shm QEMU backs guest RAM with)`,
        source: inventory.nodes[0].source,
      },
    ];
  },
};
