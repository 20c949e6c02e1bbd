import { hasQuantity, limitPath, podResources, type ContainerResources } from "../resources";
import type { Finding, WorkloadRule } from "../types";
import { finding } from "../walk";

function firstWithLimit(resources: readonly ContainerResources[], name: string): ContainerResources | undefined {
  for (const r of resources) if (hasQuantity(r.limits, name)) return r;
  return undefined;
}

export const cpuLimitWithoutMemoryLimit: WorkloadRule = {
  id: "cpu-limit-without-memory-limit",
  scope: "workload",
  since: "1.0",
  title: "CPU limit without any memory limit (runtime-rs)",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  profiles: (profile) => profile.runtime === "rust",
  summary:
    "On runtime-rs profiles, a pod where some container sets a CPU limit but no container sets a memory limit, so the VM gets only the small runtime overhead as memory.",
  why: `runtime-rs sizes the VM once, before boot, from the sum of the containers' limits plus a small overhead (32 MiB for QEMU). When **any** limit is set it stops using \`default_memory\`. A pod with CPU limits but no memory limit therefore gets a VM with about 32 MiB of RAM: the Kata docs call this "almost certainly too small to run a real workload". It usually boots and then dies from out-of-memory kills, or fails in odd ways. runtime-rs only refuses to start when the computed memory is exactly zero.`,
  remediation: `Add \`resources.limits.memory\` to the containers (at least the main one), sized for the whole pod:

\`\`\`yaml
resources:
  limits:
    cpu: "1"
    memory: 1Gi
\`\`\`

Or remove the CPU limits too, so the VM falls back to the default size (1 vCPU, 2 GiB); see \`resource-limits\`.`,
  references: [
    {
      title: "Kata: sizing the sandbox overhead with runtime-rs",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-size-sandbox-overhead-runtime-rs.md",
    },
    {
      title: "Kata design: vCPU handling (runtime-rs)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-handling-runtime-rs.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      const resources = podResources(pod);
      if (firstWithLimit(resources, "memory")) continue;
      const withCpu = firstWithLimit(resources, "cpu");
      if (!withCpu) continue;
      out.push(
        finding(cpuLimitWithoutMemoryLimit, {
          container: withCpu.container.name,
          path: limitPath(withCpu, "cpu"),
          message: `limits.cpu ${String(withCpu.limits.cpu)} on ${withCpu.container.name} but no container sets limits.memory: runtime-rs gives the VM about 32 MiB`,
        }),
      );
    }
    return out;
  },
};
