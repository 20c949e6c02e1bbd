import { parseQuantity } from "../../inventory/quantity";
import { hasQuantity, podResources } from "../resources";
import type { Finding, WorkloadRule } from "../types";
import { finding, hostConfigOf, isObject, join } from "../walk";

function isZero(value: unknown): boolean {
  return (parseQuantity(value) ?? 0) === 0;
}

export const resourceLimits: WorkloadRule = {
  id: "resource-limits",
  scope: "workload",
  since: "1.0",
  title: "Missing CPU or memory limits",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "A container or init container without a CPU limit, a memory limit or both, so the Kata VM falls back to its default size.",
  why: `A Kata pod runs in a VM whose vCPUs and memory are derived from the containers' **limits**; requests are not used.

- **runtime-rs (static sizing, the Kata 4 default):** with no limits at all the VM gets \`default_vcpus\` and \`default_memory\` (1 vCPU, 2048 MiB), whatever the pod actually needs. The VM is never resized afterwards.
- **Go runtime (dynamic hotplug):** containers without a CPU limit share the single default vCPU; containers without a memory limit share the default 2 GiB. Kata's code states that BestEffort QoS has no proper support.
- Kubernetes schedules on requests plus the RuntimeClass overhead, while the VM may occupy 2 GiB: node packing and real usage drift apart.`,
  remediation: `Set both limits on every container, including init containers and sidecars; ideally requests equal limits:

\`\`\`yaml
resources:
  requests: { cpu: "500m", memory: 512Mi }
  limits:   { cpu: "500m", memory: 512Mi }
\`\`\`

A namespace \`LimitRange\` with defaults also counts (this scan cannot see it: waive the finding then).
Docker: \`docker run --cpus 1 -m 512m\`. Compose: \`deploy.resources.limits\` (\`cpus\`, \`memory\`), or \`cpus\` / \`mem_limit\`.`,
  references: [
    {
      title: "Kata: sizing the sandbox overhead with runtime-rs",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-size-sandbox-overhead-runtime-rs.md",
    },
    {
      title: "Kata design: vCPU handling (Go runtime)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-handling-runtime-go.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const r of podResources(pod)) {
          const cpu = hasQuantity(r.limits, "cpu");
          const memory = hasQuantity(r.limits, "memory");
          if (cpu && memory) continue;
          const what = !cpu && !memory ? "no CPU or memory limit" : !cpu ? "no CPU limit" : "no memory limit";
          const kind = r.container.kind === "initContainers" ? "init container" : "container";
          out.push(
            finding(resourceLimits, {
              container: r.container.name,
              path: r.limitsPath,
              message: `${kind} ${r.container.name} has ${what}`,
            }),
          );
        }
      }
    } else if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      if (isZero(hostConfig.Memory)) {
        out.push(
          finding(resourceLimits, { container: null, path: "HostConfig.Memory", message: "no memory limit (HostConfig.Memory is 0)" }),
        );
      }
      if (isZero(hostConfig.NanoCpus) && isZero(hostConfig.CpuQuota)) {
        out.push(
          finding(resourceLimits, { container: null, path: "HostConfig.NanoCpus", message: "no CPU limit (NanoCpus and CpuQuota are 0)" }),
        );
      }
    } else {
      const service = workload.object;
      const deploy = isObject(service.deploy) ? service.deploy : {};
      const resources = isObject(deploy.resources) ? deploy.resources : {};
      const limits = isObject(resources.limits) ? resources.limits : undefined;
      const hasLimits = (limits && Object.keys(limits).length > 0) || service.mem_limit !== undefined || service.cpus !== undefined;
      if (!hasLimits) {
        out.push(
          finding(resourceLimits, {
            container: null,
            path: join(workload.pathPrefix, "deploy.resources.limits"),
            message: "no CPU or memory limit (none of deploy.resources.limits, mem_limit, cpus)",
          }),
        );
      }
    }
    return out;
  },
};
