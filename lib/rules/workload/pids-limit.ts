import type { Finding, WorkloadRule } from "../types";
import { finding, hostConfigOf, isObject, join } from "../walk";

function positive(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : undefined;
}

export const pidsLimit: WorkloadRule = {
  id: "pids-limit",
  scope: "workload",
  since: "1.0",
  title: "PIDs limit ignored in the guest",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["docker", "compose"],
  summary: "A PIDs limit (`--pids-limit`, Compose `pids_limit`) that Kata does not apply to the processes inside the VM.",
  why: `Kata drops the \`pids\` resource before the container spec reaches the guest, so the limit does not constrain the container's processes. A host-side PIDs limit on the sandbox cgroup counts the VMM's threads, not the guest's processes. A fork bomb is then held back only by the VM's own size (its memory and the guest kernel's limits), which protects the host but not the other containers in the same VM.`,
  remediation: `- Accept the VM boundary as the containment, and remove the setting so it does not suggest a limit that is not applied.
- If the application needs a process cap, enforce it in the image or entrypoint (\`ulimit -u\`).`,
  references: [{ title: "Kata limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" }],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "docker") {
      const limit = positive(hostConfigOf(workload.object).PidsLimit);
      if (limit !== undefined)
        out.push(
          finding(pidsLimit, {
            container: null,
            path: "HostConfig.PidsLimit",
            message: `PidsLimit ${limit} is not applied inside the Kata guest`,
          }),
        );
      return out;
    }
    const service = workload.object;
    const limit = positive(service.pids_limit);
    if (limit !== undefined) {
      out.push(
        finding(pidsLimit, {
          container: null,
          path: join(workload.pathPrefix, "pids_limit"),
          message: `pids_limit ${limit} is not applied inside the Kata guest`,
        }),
      );
    }
    const deploy = isObject(service.deploy) ? service.deploy : {};
    const resources = isObject(deploy.resources) ? deploy.resources : {};
    const limits = isObject(resources.limits) ? resources.limits : {};
    const deployLimit = positive(limits.pids);
    if (deployLimit !== undefined) {
      out.push(
        finding(pidsLimit, {
          container: null,
          path: join(workload.pathPrefix, "deploy.resources.limits.pids"),
          message: `deploy.resources.limits.pids ${deployLimit} is not applied inside the Kata guest`,
        }),
      );
    }
    return out;
  },
};
