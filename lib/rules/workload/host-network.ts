import type { Finding, WorkloadRule } from "../types";
import { asString, finding, hostConfigOf, join } from "../walk";

export const hostNetwork: WorkloadRule = {
  id: "host-network",
  scope: "workload",
  since: "1.0",
  title: "Host network namespace",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload asks for the node's network namespace (`hostNetwork: true`, `--net=host`, `network_mode: host`).",
  why: [
    "A Kata pod runs in its own virtual machine with its own kernel, so it cannot sit in the host's network namespace:",
    "",
    "- The Go runtime refuses it outright (`Host networking requested, not supported by runtime`), or, when containerd passes no network namespace, builds an empty one: the VM starts with no interface and connections fail with `network is unreachable`.",
    "- runtime-rs only wires the interfaces of a namespace listed in the OCI spec, so with host networking the container sees only `lo`.",
    "- Kata's documentation also warns that trying to set up networking against the host namespace can reconfigure, and break, the node's own networking.",
    "",
    "Typical workloads with `hostNetwork` (CNI agents, kube-proxy, node exporters) need the real node network and cannot work from inside a VM.",
  ].join("\n"),
  remediation: [
    "- Keep the workload on runc: leave `runtimeClassName` unset (or point it at a runc RuntimeClass). Never make Kata the default runtime for host-network DaemonSets.",
    "- If host networking is not really needed, remove it and publish the ports through a Service, a `hostPort` or a NodePort:",
    "",
    "```yaml",
    "spec:",
    "  template:",
    "    spec:",
    "      # hostNetwork: true   <- remove",
    "      containers:",
    "        - name: web",
    "          ports:",
    "            - containerPort: 8080",
    "```",
    "",
    "- Docker / Compose: drop `--net=host` / `network_mode: host` and publish ports (`-p 8080:8080`, `ports:`).",
  ].join("\n"),
  references: [
    { title: "Kata Limitations: Host network", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    {
      title: "kata-containers#2912: flannel/kube-proxy fail with host networking",
      url: "https://github.com/kata-containers/kata-containers/issues/2912",
    },
    {
      title: "kata-containers#9157: hostNetwork pods report network is unreachable",
      url: "https://github.com/kata-containers/kata-containers/issues/9157",
    },
    {
      title: "kata-containers#9211: runtime-rs with --net=host shows only lo",
      url: "https://github.com/kata-containers/kata-containers/issues/9211",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        if (pod.spec.hostNetwork === true) {
          out.push(finding(hostNetwork, { container: null, path: join(pod.path, "hostNetwork"), message: "hostNetwork: true" }));
        }
      }
    } else if (workload.platform === "docker") {
      if (asString(hostConfigOf(workload.object).NetworkMode) === "host") {
        out.push(finding(hostNetwork, { container: null, path: "HostConfig.NetworkMode", message: 'NetworkMode "host"' }));
      }
    } else {
      for (const key of ["network_mode", "net"]) {
        if (asString(workload.object[key]) === "host") {
          out.push(finding(hostNetwork, { container: null, path: join(workload.pathPrefix, key), message: `${key}: host` }));
        }
      }
    }
    return out;
  },
};
