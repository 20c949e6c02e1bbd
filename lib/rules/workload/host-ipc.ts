import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const hostIpc: WorkloadRule = {
  id: "host-ipc",
  scope: "workload",
  since: "1.0",
  title: "Host IPC namespace",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload asks for the node's IPC namespace (`hostIPC: true`, `--ipc=host`, `ipc: host`).",
  why: [
    "System V IPC and POSIX shared memory live in a kernel, and a Kata container runs on the guest kernel of its VM, not on the host's.",
    "Kata empties the host namespace paths before the spec reaches the guest, and the agent puts the container in the sandbox's guest IPC namespace instead.",
    "The workload starts, but shared memory segments, semaphores and message queues it expects to share with host processes are not there: the exchange silently fails.",
  ].join("\n"),
  remediation: [
    "- Keep workloads that exchange shared memory with host processes (some DPDK, HPC or licence daemons) on runc.",
    "- If the peers are containers of the same pod, drop `hostIPC`: containers of one Kata pod already share an IPC namespace inside the VM.",
    "",
    "```yaml",
    "spec:",
    "  template:",
    "    spec:",
    "      # hostIPC: true   <- remove",
    "```",
  ].join("\n"),
  references: [
    { title: "Kata Limitations", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    {
      title: "Kata agent: update_container_namespaces (rpc.rs)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/src/agent/src/rpc.rs",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        if (pod.spec.hostIPC === true) {
          out.push(finding(hostIpc, { container: null, path: join(pod.path, "hostIPC"), message: "hostIPC: true" }));
        }
      }
    } else if (workload.platform === "docker") {
      if (asString(hostConfigOf(workload.object).IpcMode) === "host") {
        out.push(finding(hostIpc, { container: null, path: "HostConfig.IpcMode", message: 'IpcMode "host"' }));
      }
    } else if (asString(workload.object.ipc) === "host") {
      out.push(finding(hostIpc, { container: null, path: join(workload.pathPrefix, "ipc"), message: "ipc: host" }));
    }
    return out;
  },
};
