import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostBindsOf, hostPathVolumesOf } from "../hostpath";
import { finding, isObject, volumesOf } from "../walk";

/** CSI drivers whose volumes deliver a host UNIX socket (the SPIFFE workload API). */
const SOCKET_CSI_DRIVERS: ReadonlySet<string> = new Set(["csi.spiffe.io"]);

export const hostpathSocket: WorkloadRule = {
  id: "hostpath-socket",
  scope: "workload",
  since: "1.0",
  title: "Host UNIX socket",
  severity: "blocker",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "The workload mounts a host UNIX socket (docker.sock, containerd, CRI-O, kubelet plugin sockets, a `*.sock` path, the SPIFFE CSI driver).",
  why: [
    "A UNIX socket connects processes on one kernel. The Kata container runs on the guest kernel, the daemon listening on the socket runs on the host: the connection cannot cross the VM boundary.",
    "",
    "- With virtio-fs the socket file is visible in the container, but `connect()` fails with *connection refused*.",
    "- With no shared filesystem (Firecracker, confidential profiles) non-regular files are skipped when the volume is copied, so the socket is simply missing.",
    "",
    "The pod starts and then fails at its first call: CI runners talking to Docker, log agents reading containerd, CSI and device plugins registering with kubelet, SPIRE clients fetching identities.",
  ].join("\n"),
  remediation: [
    "- Keep clients of host daemons on runc: Docker-socket CI runners, CSI node plugins, device plugins, SPIRE agents and workload-API consumers, log agents that use the containerd socket.",
    "- Or expose the host service over TCP (or vsock) with authentication instead of a socket.",
    "- For image builds inside a pod, run a daemon inside the pod's VM (see `docker-in-docker`) or a daemonless builder (BuildKit rootless, Kaniko) instead of mounting the node's `docker.sock`.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#4244: UNIX domain sockets won't work across kernels",
      url: "https://github.com/kata-containers/kata-containers/issues/4244",
    },
    {
      title: "kata-containers#8024: SPIRE CSI socket gives connection refused",
      url: "https://github.com/kata-containers/kata-containers/issues/8024",
    },
    {
      title: "kata-containers#9816: UNIX sockets do not work across VMs",
      url: "https://github.com/kata-containers/kata-containers/issues/9816",
    },
    { title: "kata-containers/runtime#457: sharing the Docker socket fails", url: "https://github.com/kata-containers/runtime/issues/457" },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "socket") continue;
          out.push(finding(hostpathSocket, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
        for (const v of volumesOf(pod)) {
          const csi = v.volume.csi;
          if (!isObject(csi) || typeof csi.driver !== "string" || !SOCKET_CSI_DRIVERS.has(csi.driver)) continue;
          out.push(
            finding(hostpathSocket, {
              container: null,
              path: `${v.path}.csi.driver`,
              message: `CSI driver "${csi.driver}" (volume "${v.name}")`,
            }),
          );
        }
      }
      return out;
    }
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "socket") continue;
      out.push(
        finding(hostpathSocket, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
