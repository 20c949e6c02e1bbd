import type { WorkloadRule } from "../types";
import { asArray, asString, finding, isObject, mountsOfVolume, volumesOf } from "../walk";

const SOCKET_DIR = /sock|^\/run(\/|$)|^\/var\/run(\/|$)/;

function isUnder(path: string, dir: string): boolean {
  const base = dir.replace(/\/+$/, "");
  return path === base || path.startsWith(`${base}/`);
}

/** `unix:///var/run/app/app.sock` style addresses in a container's env values. */
function unixAddresses(container: Record<string, unknown>): string[] {
  return asArray(container.env).flatMap((e) => {
    if (!isObject(e)) return [];
    const match = /unix:\/\/(\/[^\s,;]*)/.exec(asString(e.value) ?? "");
    return match ? [match[1]] : [];
  });
}

export const socketOnDiskEmptydir: WorkloadRule = {
  id: "socket-on-disk-emptydir",
  scope: "workload",
  since: "1.0",
  title: "UNIX socket on a disk-backed emptyDir (heuristic)",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary:
    "A heuristic: a disk-backed emptyDir shared by two or more containers at a path that looks like a socket directory, where a UNIX socket between containers would fail to bind under Kata.",
  why: `Under Kata a disk-backed \`emptyDir\` reaches the guest from the host, over virtio-fs or as a block device. A UNIX socket cannot be bound on such a mount: the server's \`bind()\` fails, and the client container never connects. Sockets work on the tmpfs the Kata agent creates inside the guest for \`medium: Memory\`, which Kata's own CI tests.

This rule cannot see sockets in a manifest. It guesses from the shape: a disk \`emptyDir\` mounted by two or more containers, where a mount path contains \`sock\`, is \`/run\` or \`/var/run\` (or below), or a container's environment holds a \`unix://\` address under one of those mounts. Waive it when the volume carries only regular files.`,
  remediation: `Back the shared socket directory with memory; the sockets themselves use no space:

\`\`\`yaml
volumes:
  - name: sockets
    emptyDir:
      medium: Memory
\`\`\`

If the volume also carries large files, split it: a memory \`emptyDir\` for the sockets, a disk \`emptyDir\` for the data.`,
  references: [
    {
      title: "Kata CI: UNIX sockets on a shared emptyDir (pod-uds-shared-volume.yaml)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/tests/integration/kubernetes/runtimeclass_workloads/pod-uds-shared-volume.yaml",
    },
  ],
  check(workload) {
    const out = [];
    for (const pod of workload.pods) {
      for (const volume of volumesOf(pod)) {
        const emptyDir = volume.volume.emptyDir;
        if (!isObject(emptyDir) || (asString(emptyDir.medium) ?? "") !== "") continue;
        const mounts = mountsOfVolume(pod, volume.name);
        const containers = new Set(mounts.map((m) => m.container.path));
        if (containers.size < 2) continue;
        const mountPaths = mounts.map((m) => asString(m.mount.mountPath) ?? "");
        const socketPath =
          mountPaths.find((p) => SOCKET_DIR.test(p)) ??
          mounts.flatMap((m) => unixAddresses(m.container.container)).find((address) => mountPaths.some((p) => p && isUnder(address, p)));
        if (!socketPath) continue;
        const names = [...new Set(mounts.map((m) => m.container.name))].join(", ");
        out.push(
          finding(socketOnDiskEmptydir, {
            container: null,
            path: `${volume.path}.emptyDir`,
            message: `disk-backed emptyDir "${volume.name}" is shared by ${names} and looks like a socket place (${socketPath}); heuristic: UNIX sockets on it fail to bind under Kata`,
          }),
        );
      }
    }
    return out;
  },
};
