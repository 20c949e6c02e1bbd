import type { NodeInfo } from "../../inventory/types";
import type { InventoryRule } from "../types";

const CPUID = "feature.node.kubernetes.io/cpu-cpuid.";

function hasCpuidLabels(node: NodeInfo): boolean {
  return Object.keys(node.labels).some((key) => key.startsWith(CPUID));
}

function hasVirtualization(node: NodeInfo): boolean {
  return node.labels[`${CPUID}VMX`] === "true" || node.labels[`${CPUID}SVM`] === "true";
}

/** NFD only reports VMX/SVM on x86; other architectures have their own extensions. */
function isX86(node: NodeInfo): boolean {
  const arch = node.labels["kubernetes.io/arch"] ?? node.labels["beta.kubernetes.io/arch"];
  return arch === undefined || arch === "amd64";
}

export const nodesWithoutVirtualization: InventoryRule = {
  id: "nodes-without-virtualization",
  scope: "inventory",
  since: "1.0",
  title: "No node shows hardware virtualization",
  severity: "warning",
  remedy: "platform",
  summary:
    "Node Feature Discovery labels are present on x86 nodes, but none shows the VMX (Intel VT-x) or SVM (AMD-V) CPU flag that Kata's VMs need.",
  why: `Each Kata pod is a KVM virtual machine, which needs the CPU's virtualization extensions (Intel VT-x \`vmx\`, AMD-V \`svm\`) enabled and \`/dev/kvm\` on the node. Cloud instances usually hide them unless nested virtualization is enabled for the instance type. Node Feature Discovery publishes the flags as \`feature.node.kubernetes.io/cpu-cpuid.VMX\` / \`.SVM\`; when NFD runs and no x86 node has either, Kata pods cannot start anywhere. With NFD enabled, kata-deploy itself excludes such nodes.`,
  remediation: `- Enable VT-x / AMD-V in the BIOS, or pick instance types with nested virtualization (e.g. bare-metal, or nested-virt-capable VM families).
- Check on a node: \`grep -cE 'vmx|svm' /proc/cpuinfo\` and \`ls -l /dev/kvm\`.
- Nodes that are themselves VMs need nested virtualization enabled by the cloud or hypervisor.`,
  references: [
    { title: "Kata installation: prerequisites", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/installation.md" },
  ],
  check(inventory) {
    const labelled = inventory.nodes.filter((n) => isX86(n) && hasCpuidLabels(n));
    if (labelled.length === 0 || labelled.some(hasVirtualization)) return [];
    return [
      {
        ruleId: nodesWithoutVirtualization.id,
        severity: nodesWithoutVirtualization.severity,
        remedy: nodesWithoutVirtualization.remedy,
        container: null,
        path: `metadata.labels["${CPUID}VMX"]`,
        message: `none of ${labelled.length} x86 node(s) with NFD cpuid labels shows VMX or SVM (e.g. ${labelled[0].name})`,
        source: labelled[0].source,
      },
    ];
  },
};
