import type { Finding, WorkloadRule } from "../types";
import { finding, metadataEntriesOf, shortValue } from "../walk";

const ANNOTATION = "k8s.v1.cni.cncf.io/networks";

export const multusSecondaryNetworks: WorkloadRule = {
  id: "multus-secondary-networks",
  scope: "workload",
  since: "1.2",
  title: "Multus secondary networks",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary: `The pod asks Multus for secondary network interfaces (annotation \`${ANNOTATION}\`).`,
  why: [
    "Kata moves each interface the CNI plugins create into the VM. The primary interface works; secondary attachments are less travelled: Kata's CI skips the Kubernetes tests for bond and VLAN interfaces and for the tuning plugin's sysctls, because they fail under Kata.",
    "",
    "Plain extra interfaces may work; attachments that rely on bonding, VLAN sub-interfaces or per-interface sysctls should be expected to break.",
  ].join("\n"),
  remediation: [
    "- Test each NetworkAttachmentDefinition the workload uses under Kata before moving it: check the interfaces inside the pod (`ip addr`, `sysctl`).",
    "- Keep workloads whose attachments do not come up on runc.",
  ].join("\n"),
  references: [
    {
      title: "Multus CNI: attaching secondary networks",
      url: "https://github.com/k8snetworkplumbingwg/multus-cni/blob/master/docs/quickstart.md",
    },
    {
      title: "Kata networking design",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/networking.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const entry of metadataEntriesOf(workload, "annotations", (key) => key === ANNOTATION)) {
      if (entry.value.trim() === "") continue;
      out.push(
        finding(multusSecondaryNetworks, { container: null, path: entry.path, message: `${ANNOTATION}: ${shortValue(entry.value)}` }),
      );
    }
    return out;
  },
};
