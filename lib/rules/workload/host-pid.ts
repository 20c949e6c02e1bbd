import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const hostPid: WorkloadRule = {
  id: "host-pid",
  scope: "workload",
  since: "1.0",
  title: "Host PID namespace",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload asks for the node's PID namespace (`hostPID: true`, `--pid=host`, `pid: host`).",
  why: [
    "The container runs under the guest kernel of its VM, so the host's processes simply do not exist from its point of view.",
    "Kata does not fail the pod: the Go runtime replaces a host PID namespace with the sandbox's guest namespace, and the agent creates a fresh guest namespace when none is given.",
    "The workload starts and silently sees only the VM's processes, so node monitors, process exporters, `nsenter`-based debuggers and security agents (Falco and the like) report on the VM instead of the node.",
  ].join("\n"),
  remediation: [
    "- Keep node-level agents on runc (leave `runtimeClassName` unset).",
    "- If the workload only needs to see the other containers of its own pod, replace `hostPID` with `shareProcessNamespace`, which Kata supports:",
    "",
    "```yaml",
    "spec:",
    "  template:",
    "    spec:",
    "      # hostPID: true   <- remove",
    "      shareProcessNamespace: true",
    "```",
  ].join("\n"),
  references: [
    { title: "Kata Limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    {
      title: "Go runtime: handlePidNamespace (kata_agent.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/virtcontainers/kata_agent.go",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        if (pod.spec.hostPID === true) {
          out.push(finding(hostPid, { container: null, path: join(pod.path, "hostPID"), message: "hostPID: true" }));
        }
      }
    } else if (workload.platform === "docker") {
      if (asString(hostConfigOf(workload.object).PidMode) === "host") {
        out.push(finding(hostPid, { container: null, path: "HostConfig.PidMode", message: 'PidMode "host"' }));
      }
    } else if (asString(workload.object.pid) === "host") {
      out.push(finding(hostPid, { container: null, path: join(workload.pathPrefix, "pid"), message: "pid: host" }));
    }
    return out;
  },
};
