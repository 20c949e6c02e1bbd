import { parseQuantity } from "../../inventory/quantity";
import { isGuaranteed, limitPath, podResources } from "../resources";
import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const cpuset: WorkloadRule = {
  id: "cpuset",
  scope: "workload",
  since: "1.0",
  title: "CPU pinning (cpusets) not honoured in the guest",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  severityByPlatform: { kubernetes: "info", docker: "warning", compose: "warning" },
  summary:
    "A cpuset (Docker `--cpuset-cpus`/`--cpuset-mems`, Compose `cpuset`) or a Guaranteed pod with integer CPUs that the static CPU manager would pin, which Kata does not carry into the guest.",
  why: `Host CPU numbers mean nothing inside the VM, so Kata clears \`cpuset.cpus\` for the container in the guest (and \`cpuset.mems\` unless guest NUMA is configured). On the host the whole sandbox gets the union of the containers' cpusets, and the vCPU count comes from the CPU quota, not the cpuset. vCPU threads are pinned 1:1 to host CPUs only with \`enable_vcpus_pinning = true\` (off by default) and only when the vCPU count equals the cpuset size. Per-container exclusive cores and NUMA locality are therefore not guaranteed.

On Kubernetes this only matters on nodes running the static CPU manager policy, which a manifest cannot show: the finding is informational there.`,
  remediation: `- Size CPU through limits (the quota), not cpusets.
- For latency-sensitive pods, ask the platform team to enable \`enable_vcpus_pinning\` in the Kata configuration for that RuntimeClass (and guest NUMA where memory locality matters).
- Keep hard real-time or NUMA-critical workloads on runc.
- Docker / Compose: replace \`--cpuset-cpus\` / \`cpuset\` with \`--cpus\` / \`cpus\`.`,
  references: [
    {
      title: "Kata design: vCPU threads pinning",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-threads-pinning.md",
    },
    {
      title: "Kata design: vCPU handling (runtime-rs)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/vcpu-handling-runtime-rs.md",
    },
    { title: "Kata design: host cgroups", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/host-cgroups.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        if (!isGuaranteed(pod)) continue;
        for (const r of podResources(pod)) {
          const cpu = parseQuantity(r.limits.cpu);
          if (cpu === undefined || !Number.isInteger(cpu)) continue;
          out.push(
            finding(cpuset, {
              severity: "info",
              container: r.container.name,
              path: limitPath(r, "cpu"),
              message: `Guaranteed pod with integer limits.cpu ${String(r.limits.cpu)} on ${r.container.name}: exclusive cores from a static CPU manager are not pinned inside the VM`,
            }),
          );
        }
      }
    } else if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      for (const field of ["CpusetCpus", "CpusetMems"]) {
        const value = asString(hostConfig[field]) ?? "";
        if (!value) continue;
        out.push(
          finding(cpuset, {
            container: null,
            path: `HostConfig.${field}`,
            message: `${field} "${value}" is not applied inside the Kata guest`,
          }),
        );
      }
    } else {
      const value = workload.object.cpuset;
      if (value !== undefined && value !== null && String(value) !== "") {
        out.push(
          finding(cpuset, {
            container: null,
            path: join(workload.pathPrefix, "cpuset"),
            message: `cpuset "${String(value)}" is not applied inside the Kata guest`,
          }),
        );
      }
    }
    return out;
  },
};
