import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const sharedNetworkNamespace: WorkloadRule = {
  id: "shared-network-namespace",
  scope: "workload",
  since: "1.0",
  title: "Joining another container's network namespace",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["docker", "compose"],
  summary:
    "A Docker container or Compose service joins another container's network namespace (`--net=container:<id>`, `network_mode: service:<name>`).",
  why: [
    "Outside Kubernetes every Kata container is its own VM, and Kata does not support sharing a network namespace between sandboxes.",
    "When a Kata container is pointed at another container's namespace, the runtime takes over all the interfaces of that namespace and moves them into its VM: the other container (for example a runc one) loses its network.",
    "",
    "Containers of one Kubernetes pod are not affected: they share one VM and one network stack, which is why this rule has no Kubernetes trigger.",
  ].join("\n"),
  remediation: [
    "- Put the processes that must share `localhost` in one Kubernetes pod (its containers share one VM and one network namespace), or in one container.",
    "- Or let the sidecar reach the app over the network instead of `localhost`: publish the app's port on the host and point the sidecar at it. Do not move them to a user-defined network for this: Docker's embedded DNS on such networks does not answer inside a Kata VM (see `docker-embedded-dns`).",
    "",
    "```yaml",
    "services:",
    "  app:",
    "    network_mode: bridge",
    '    ports: ["8080:8080"]',
    "  sidecar:",
    "    # network_mode: service:app   <- remove",
    "    network_mode: bridge",
    '    extra_hosts: ["host.docker.internal:host-gateway"]   # reach the app as http://host.docker.internal:8080',
    "```",
    "",
    "- Or run both containers on runc.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Support for joining an existing VM network",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "kata-containers/runtime#1335: --net=container is a Kata limitation",
      url: "https://github.com/kata-containers/runtime/issues/1335",
    },
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
