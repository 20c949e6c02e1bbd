import type { Finding, WorkloadRule } from "../types";
import { containersOfWorkload, finding, hostConfigOf, isObject, join } from "../walk";

export const privileged: WorkloadRule = {
  id: "privileged",
  scope: "workload",
  since: "1.0",
  title: "Privileged container",
  severity: "blocker",
  remedy: "platform",
  appliesTo: ["kubernetes", "docker", "compose"],
  severityByPlatform: { kubernetes: "warning", docker: "blocker", compose: "blocker" },
  summary: "A container runs privileged (`securityContext.privileged: true`, `--privileged`, `privileged: true`).",
  why: [
    "A privileged runc container gets every host device. A Kata container cannot: it runs inside a VM, and the host's devices are not there.",
    "",
    "- **Kubernetes** (warning): with `privileged_without_host_devices = true` in the containerd or CRI-O runtime entry for Kata (kata-deploy sets it), the pod starts and is privileged *inside the guest*. It sees the VM's devices, not the host's, so anything that manages host disks, kernel modules, iptables or other node state silently works on the VM instead. Without that setting, the runtime tries to pass every host device and creation fails (`/dev/full ... EEXIST`, `Conflicting device updates`, device timeouts).",
    "- **Docker / Compose** (blocker): there is no documented Docker equivalent of that setting, and `docker run --privileged` with Kata fails with the same `EEXIST` device error.",
    "",
    "Containers that are privileged only for work inside their own VM (Docker-in-Docker, setting guest sysctls) do work on Kubernetes once the node is configured.",
  ].join("\n"),
  remediation: [
    "- Make sure the Kata runtime entry on every node has `privileged_without_host_devices = true` (kata-deploy configures it out of the box):",
    "",
    "```toml",
    '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.kata-qemu-runtime-rs]',
    "  privileged_without_host_devices = true",
    "```",
    "",
    "- Better, replace `privileged: true` with the capabilities the container really needs, which Kata applies inside the guest:",
    "",
    "```yaml",
    "securityContext:",
    "  privileged: false",
    "  capabilities:",
    "    add: [NET_ADMIN]",
    "```",
    "",
    "- Keep workloads that must touch host devices or node state (CSI node plugins, device managers, node tuning agents, Rook/Ceph OSDs) on runc.",
    "- Docker / Compose: drop `--privileged` and use `--cap-add`, or keep the container on runc.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Privileged containers",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "Kata how-to: privileged containers",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/privileged.md",
    },
    {
      title: "kata-containers#10666: docker run --privileged fails",
      url: "https://github.com/kata-containers/kata-containers/issues/10666",
    },
    {
      title: "kata-containers#1342: fails only when privileged_without_host_devices = false",
      url: "https://github.com/kata-containers/kata-containers/issues/1342",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const c of containersOfWorkload(workload)) {
        const sc = c.container.securityContext;
        if (isObject(sc) && sc.privileged === true) {
          out.push(
            finding(privileged, {
              severity: "warning",
              container: c.name,
              path: `${c.path}.securityContext.privileged`,
              message: "privileged: true",
            }),
          );
        }
      }
    } else if (workload.platform === "docker") {
      if (hostConfigOf(workload.object).Privileged === true) {
        out.push(finding(privileged, { container: null, path: "HostConfig.Privileged", message: "Privileged: true" }));
      }
    } else if (workload.object.privileged === true) {
      out.push(finding(privileged, { container: null, path: join(workload.pathPrefix, "privileged"), message: "privileged: true" }));
    }
    return out;
  },
};
