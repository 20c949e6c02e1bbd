import type { Finding, WorkloadRule } from "../types";
import { asString, finding, mountsOfWorkload } from "../walk";

const SUBPATH_FIELDS = ["subPath", "subPathExpr"] as const;

export const subpath: WorkloadRule = {
  id: "subpath",
  scope: "workload",
  since: "1.0",
  title: "Volume subPath",
  severity: "blocker",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary: "A volume mount uses `subPath` or `subPathExpr`, which Kata does not support.",
  why: [
    "kubelet resolves `subPath` on the host and hands the runtime a plain bind mount of the resolved directory or file. Kata never learns that the mount is part of a volume, so its special handling of that volume type is lost:",
    "",
    "- a `medium: Memory` emptyDir mounted with `subPath` is backed by the host disk over the shared filesystem instead of guest tmpfs;",
    "- with no shared filesystem (Firecracker, confidential profiles) an emptyDir mounted with `subPath` is copied per container and no longer shared between them;",
    "- a ConfigMap or Secret mounted with `subPath` never receives updates (as on runc).",
    "",
    "Kata documents `subPath` as unsupported; the effect depends on the volume, and is usually silent.",
  ].join("\n"),
  remediation: [
    "- Mount the whole volume on a dedicated directory and point the application at the file inside it.",
    "- For ConfigMaps and Secrets, select keys with `items` instead of `subPath`:",
    "",
    "```yaml",
    "volumeMounts:",
    "  - name: cfg",
    "    mountPath: /etc/app        # was: /etc/app/app.conf + subPath: app.conf",
    "volumes:",
    "  - name: cfg",
    "    configMap:",
    "      name: app-config",
    "      items:",
    "        - key: app.conf",
    "          path: app.conf",
    "```",
    "",
    "- For per-pod directories built with `subPathExpr`, mount the parent directory and let the application build the path from a downward-API environment variable.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Kubernetes volumeMounts.subPaths",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    { title: "kata-containers/runtime#2812: subPath is handled by kubelet", url: "https://github.com/kata-containers/runtime/issues/2812" },
    {
      title: "kata-containers#1728: subPath on a memory emptyDir is not tmpfs",
      url: "https://github.com/kata-containers/kata-containers/issues/1728",
    },
    {
      title: "kata-containers#12145: subPath emptyDir not shared with shared_fs=none",
      url: "https://github.com/kata-containers/kata-containers/issues/12145",
    },
    {
      title: "kata-containers#10487: subPath support via KEP 4113",
      url: "https://github.com/kata-containers/kata-containers/issues/10487",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const m of mountsOfWorkload(workload)) {
      const volume = asString(m.mount.name) ?? "";
      for (const field of SUBPATH_FIELDS) {
        const value = asString(m.mount[field]);
        if (!value) continue;
        out.push(
          finding(subpath, {
            container: m.container.name,
            path: `${m.path}.${field}`,
            message: `${field} "${value}" on volume "${volume}"`,
          }),
        );
      }
    }
    return out;
  },
};
