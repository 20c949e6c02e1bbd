import type { Finding, WorkloadRule } from "../types";
import { finding, metadataEntriesOf } from "../walk";

const isRdtAnnotation = (key: string) => key.startsWith("rdt.resources.beta.kubernetes.io/") || key === "io.kubernetes.cri.rdt-class";

export const intelRdt: WorkloadRule = {
  id: "intel-rdt",
  scope: "workload",
  since: "1.0",
  title: "Intel RDT (cache and memory-bandwidth allocation)",
  severity: "warning",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes"],
  summary: "An Intel RDT class annotation (cache or memory-bandwidth allocation), which Kata cannot apply inside a VM.",
  why: `Intel Resource Director Technology partitions the host's last-level cache and memory bandwidth per process group. It is not virtualised: a Kata guest cannot use it, and the agent has no RDT handling. The class the pod asks for is silently not applied, and RDT statistics are not reported, so a workload that relied on cache isolation runs with noisy neighbours.`,
  remediation: `Keep workloads that need RDT cache or bandwidth isolation on runc (leave \`runtimeClassName\` unset or use a runc RuntimeClass). If the isolation is a nice-to-have, remove the annotation and accept the difference.`,
  references: [
    {
      title: "Kata limitations: events command (Intel RDT)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    { title: "kata-containers/runtime#309: Intel RDT cannot be virtualised", url: "https://github.com/kata-containers/runtime/issues/309" },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const entry of metadataEntriesOf(workload, "annotations", isRdtAnnotation)) {
      out.push(
        finding(intelRdt, {
          container: null,
          path: entry.path,
          message: `annotation ${entry.key}=${entry.value}: Intel RDT is not available inside the Kata VM`,
        }),
      );
    }
    return out;
  },
};
