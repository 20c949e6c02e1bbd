import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostBindsOf, hostPathVolumesOf } from "../hostpath";
import { asString, finding, isObject, mountsOfVolume, volumesOf } from "../walk";

export const noSharedFilesystem: WorkloadRule = {
  id: "no-shared-filesystem",
  scope: "workload",
  since: "1.0",
  title: "Files are copied, not shared (no virtio-fs)",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  profiles: (profile) => profile.sharedFs === "none",
  summary:
    "On a profile without a shared filesystem (Firecracker, confidential VMs), the workload relies on files shared with the host or between containers.",
  why: [
    "Firecracker has no virtio-fs, and the confidential profiles turn filesystem sharing off (`shared_fs = none`) so the host cannot see into the VM. Kata then **copies** host files into the guest when a container starts:",
    "",
    "- changes are not synchronised in either direction: what the host writes later never arrives, what the container writes never reaches the host;",
    "- sockets and device files in the source are skipped;",
    "- a disk-backed emptyDir used by several containers to exchange files no longer behaves like one shared directory.",
    "",
    "ConfigMap, Secret, projected and downward-API volumes are the exception: a host-side watcher re-copies them when they change.",
  ].join("\n"),
  remediation: [
    "- Target a profile with virtio-fs (QEMU, Cloud Hypervisor, Dragonball) for workloads that share files with the host.",
    "- Replace hostPath volumes and bind mounts with block-backed PersistentVolumeClaims, ConfigMaps or Secrets.",
    "- For files exchanged between containers of the pod, use a memory-backed emptyDir (and count it in the memory limit):",
    "",
    "```yaml",
    "volumes:",
    "  - name: shared",
    "    emptyDir:",
    "      medium: Memory",
    "```",
    "",
    "- Keep confidential workloads self-contained: everything they need comes in the image or through attested secrets.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Kubernetes hostPath volumes",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "Kata hypervisor capability matrix",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    },
    {
      title: "How to use Kata Containers with Firecracker",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-kata-containers-with-firecracker.md",
    },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    const profile = context.profile.id;
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          // Block devices are hotplugged, not shared through the filesystem.
          if (v.class.kind === "block-device") continue;
          out.push(
            finding(noSharedFilesystem, {
              container: null,
              path: v.fieldPath,
              message: `${describeHostPathVolume(v)} is copied, not shared, on ${profile}`,
            }),
          );
        }
        for (const v of volumesOf(pod)) {
          const emptyDir = v.volume.emptyDir;
          if (!isObject(emptyDir) || asString(emptyDir.medium)) continue;
          const containers = new Set(mountsOfVolume(pod, v.name).map((m) => m.container.name));
          if (containers.size < 2) continue;
          out.push(
            finding(noSharedFilesystem, {
              container: null,
              path: `${v.path}.emptyDir`,
              message: `disk emptyDir "${v.name}" shared by ${containers.size} containers (${[...containers].join(", ")}) on ${profile}`,
            }),
          );
        }
      }
      return out;
    }
    for (const { mount } of hostBindsOf(workload)) {
      out.push(
        finding(noSharedFilesystem, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" is copied, not shared, on ${profile}`,
        }),
      );
    }
    return out;
  },
};
