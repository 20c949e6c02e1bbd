import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const sharedNetworkNamespace: WorkloadRule = {
  id: "shared-network-namespace",
  scope: "workload",
  title: "Joining another container's network namespace",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["docker", "compose"],
  summary: "A Docker container or Compose service joins another container's network namespace (`--net=container:<id>`, `network_mode: service:<name>`).",
  why: [
    "Outside Kubernetes every Kata container is its own VM, and Kata does not support sharing a network namespace between sandboxes.",
    "When a Kata container is pointed at another container's namespace, the runtime takes over all the interfaces of that namespace and moves them into its VM: the other container (for example a runc one) loses its network.",
    "",
    "Containers of one Kubernetes pod are not affected: they share one VM and one network stack, which is why this rule has no Kubernetes trigger.",
  ].join("\n"),
  remediation: [
    "- Put the processes that must share `localhost` in one Kubernetes pod, or in one container.",
    "- Or give both containers a user-defined network and address the peer by name:",
    "",
    "```yaml",
    "services:",
    "  app:",
    "    networks: [backend]",
    "  sidecar:",
    "    # network_mode: service:app   <- remove",
    "    networks: [backend]   # reach the app as http://app:8080",
    "networks:",
    "  backend: {}",
    "```",
    "",
    "- Or run both containers on runc.",
  ].join("\n"),
  references: [
    { title: "Kata Limitations: Support for joining an existing VM network", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    { title: "kata-containers/runtime#1335: --net=container is a Kata limitation", url: "https://github.com/kata-containers/runtime/issues/1335" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "docker") {
      const mode = asString(hostConfigOf(workload.object).NetworkMode);
      if (mode?.startsWith("container:")) {
        out.push(finding(sharedNetworkNamespace, { container: null, path: "HostConfig.NetworkMode", message: `NetworkMode "${mode}"` }));
      }
    } else if (workload.platform === "compose") {
      for (const key of ["network_mode", "net"]) {
        const mode = asString(workload.object[key]);
        if (mode && (mode.startsWith("container:") || mode.startsWith("service:"))) {
          out.push(finding(sharedNetworkNamespace, { container: null, path: join(workload.pathPrefix, key), message: `${key}: ${mode}` }));
        }
      }
    }
    return out;
  },
};
