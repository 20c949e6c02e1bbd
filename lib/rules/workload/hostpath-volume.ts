import type { Finding, WorkloadRule } from "../types";
import { describeHostPathVolume, hostBindsOf, hostPathVolumesOf } from "../hostpath";
import { finding } from "../walk";

export const hostpathVolume: WorkloadRule = {
  id: "hostpath-volume",
  scope: "workload",
  since: "1.0",
  title: "Host directory or file shared into the VM",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary: "The workload mounts a host directory or file (a hostPath or bind mount not covered by a more specific rule).",
  why: [
    "Under Kata a host directory reaches the container through the shared filesystem (virtio-fs), not as a plain bind mount:",
    "",
    "- **inotify does not work** across virtio-fs: applications that watch host files for changes (config reloaders, log tailers) never get an event;",
    "- metadata-heavy I/O (many small files, `stat` storms, builds) is noticeably slower than on runc;",
    "- with no shared filesystem (Firecracker, confidential profiles) the files are copied at start and changes never sync in either direction (see `no-shared-filesystem`).",
    "",
    "A hostPath of `/dev/shm` lands here too: Kata gives the container the guest's `/dev/shm`, so shared memory with host processes does not work.",
  ].join("\n"),
  remediation: [
    "- Replace host directories with volumes the pod owns: a PersistentVolumeClaim for data, a ConfigMap or Secret for configuration, an emptyDir for scratch space:",
    "",
    "```yaml",
    "volumes:",
    "  - name: data",
    "    persistentVolumeClaim:",
    "      claimName: app-data     # was: hostPath: { path: /srv/app }",
    "```",
    "",
    "- If the application reloads on file changes, switch it to polling.",
    "- Benchmark I/O-heavy workloads on Kata before moving them.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Kubernetes hostPath volumes",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    { title: "Kata design: inotify", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/inotify.md" },
    {
      title: "How to use virtio-fs with Kata",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-virtio-fs-with-kata.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const v of hostPathVolumesOf(pod)) {
          if (v.class.kind !== "other") continue;
          out.push(finding(hostpathVolume, { container: null, path: v.fieldPath, message: describeHostPathVolume(v) }));
        }
      }
      return out;
    }
    for (const { mount, class: cls } of hostBindsOf(workload)) {
      if (cls.kind !== "other") continue;
      out.push(
        finding(hostpathVolume, {
          container: null,
          path: mount.sourcePath,
          message: `bind mount of host "${mount.source}" at ${mount.destination}`,
        }),
      );
    }
    return out;
  },
};
