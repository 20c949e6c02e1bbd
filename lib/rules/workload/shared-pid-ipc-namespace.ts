import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

function isJoin(mode: string | undefined, allowService: boolean): mode is string {
  return mode !== undefined && (mode.startsWith("container:") || (allowService && mode.startsWith("service:")));
}

export const sharedPidIpcNamespace: WorkloadRule = {
  id: "shared-pid-ipc-namespace",
  scope: "workload",
  since: "1.0",
  title: "Sharing another container's PID or IPC namespace",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["docker", "compose"],
  summary:
    "A Docker container or Compose service joins another container's PID or IPC namespace (`--pid=container:<id>`, `ipc: service:<name>`).",
  why: [
    "Docker has no pods: every Kata container gets its own VM and kernel, and a namespace of another VM cannot be joined.",
    "Kata clears namespace paths before handing the spec to the guest agent, so the container silently gets a private PID or IPC namespace inside its own VM.",
    "A sidecar that expects to see the other container's processes (debuggers, profilers, process supervisors) or to share its memory segments finds nothing.",
  ].join("\n"),
  remediation: [
    "- Run the cooperating processes in one Kubernetes pod; for PID sharing set `shareProcessNamespace: true`, which Kata supports:",
    "",
    "```yaml",
    "spec:",
    "  shareProcessNamespace: true",
    "  containers:",
    "    - name: app",
    "    - name: debugger",
    "```",
    "",
    "- Or merge the processes into one container.",
    "- Or keep both containers on runc.",
  ].join("\n"),
  references: [
    {
      title: "Go runtime: constrainGRPCSpec (kata_agent.go)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime/virtcontainers/kata_agent.go",
    },
    { title: "Kata Limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      for (const field of ["PidMode", "IpcMode"]) {
        const mode = asString(hostConfig[field]);
        if (isJoin(mode, false)) {
          out.push(finding(sharedPidIpcNamespace, { container: null, path: `HostConfig.${field}`, message: `${field} "${mode}"` }));
        }
      }
    } else if (workload.platform === "compose") {
      for (const key of ["pid", "ipc"]) {
        const mode = asString(workload.object[key]);
        if (isJoin(mode, true)) {
          out.push(finding(sharedPidIpcNamespace, { container: null, path: join(workload.pathPrefix, key), message: `${key}: ${mode}` }));
        }
      }
    }
    return out;
  },
};
