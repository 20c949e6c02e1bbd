import { formatMiB } from "../../format";
import type { Finding, WorkloadRule } from "../types";
import {
  asString,
  composeVolumes,
  finding,
  hostConfigOf,
  isObject,
  keyPath,
  mountsOfVolume,
  parseByteSize,
  volumesOf,
  type MountRef,
} from "../walk";

const LIMIT_BYTES = 64 * 1024 * 1024;

/** `size=` from a Docker tmpfs option string ("rw,noexec,size=128m"). */
function tmpfsOptionSize(options: string): number | undefined {
  return parseByteSize(/(?:^|,)size=([^,]+)/.exec(options)?.[1]);
}

function distinctMountPaths(mounts: readonly MountRef[]): string[] {
  const out: string[] = [];
  for (const m of mounts) {
    const path = asString(m.mount.mountPath);
    if (path && !out.includes(path)) out.push(path);
  }
  return out;
}

export const memoryEmptydir: WorkloadRule = {
  id: "memory-emptydir",
  scope: "workload",
  since: "1.0",
  title: "Memory-backed emptyDir or large tmpfs",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes", "docker", "compose"],
  summary:
    "A memory-backed emptyDir (Kubernetes) or a tmpfs larger than 64 MiB (Docker, Compose) that lives in the VM's RAM, where its size limit is not applied.",
  why: `Under Kata a \`medium: Memory\` emptyDir becomes a tmpfs **inside the guest**, mounted without a size option. \`sizeLimit\` is therefore not applied: the tmpfs can grow to half of the VM's RAM (on the Go runtime's dynamic mode it is later resized to the whole sandbox memory). Every byte written there is VM memory, and the VM is sized from the containers' memory limits, not from the tmpfs. A large tmpfs can push the whole VM out of memory, where the guest kernel kills processes instead of reporting a per-container OOM. kubelet's \`sizeLimit\` eviction watches the host-side directory and most likely never sees the guest's usage.`,
  remediation: `- Add the expected tmpfs usage to the container's \`resources.limits.memory\`: that is what sizes the VM.
- Do not rely on \`sizeLimit\` to cap or evict.
- For large scratch space use a disk-backed \`emptyDir\` (no \`medium\`) or a PersistentVolumeClaim:

\`\`\`yaml
volumes:
  - name: scratch
    emptyDir: {}
\`\`\`

- Docker / Compose: keep \`--tmpfs\` sizes small, or use a volume for large scratch data.`,
  references: [
    {
      title: "kata-containers#2438: memory emptyDir size in the guest",
      url: "https://github.com/kata-containers/kata-containers/issues/2438",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    if (workload.platform === "kubernetes") {
      for (const pod of workload.pods) {
        for (const volume of volumesOf(pod)) {
          const emptyDir = volume.volume.emptyDir;
          if (!isObject(emptyDir) || asString(emptyDir.medium) !== "Memory") continue;
          const sizeLimit = emptyDir.sizeLimit === undefined ? "" : ` with sizeLimit ${String(emptyDir.sizeLimit)} (not enforced)`;
          const at = distinctMountPaths(mountsOfVolume(pod, volume.name));
          const where = at.length ? ` mounted at ${at.join(", ")}` : "";
          out.push(
            finding(memoryEmptydir, {
              container: null,
              path: `${volume.path}.emptyDir.medium`,
              message: `emptyDir "${volume.name}" has medium: Memory${sizeLimit}${where}; it uses VM RAM`,
            }),
          );
        }
      }
    } else if (workload.platform === "docker") {
      const hostConfig = hostConfigOf(workload.object);
      if (isObject(hostConfig.Tmpfs)) {
        for (const [target, options] of Object.entries(hostConfig.Tmpfs)) {
          const size = tmpfsOptionSize(typeof options === "string" ? options : "");
          if (size === undefined || size <= LIMIT_BYTES) continue;
          out.push(
            finding(memoryEmptydir, {
              container: null,
              path: keyPath("HostConfig.Tmpfs", target),
              message: `tmpfs at ${target} of ${formatMiB(size / 2 ** 20)} (over 64 MiB) lives in VM RAM`,
            }),
          );
        }
      }
      (Array.isArray(hostConfig.Mounts) ? hostConfig.Mounts : []).forEach((m, i) => {
        if (!isObject(m) || m.Type !== "tmpfs") return;
        const options = isObject(m.TmpfsOptions) ? m.TmpfsOptions : {};
        const size = parseByteSize(options.SizeBytes);
        if (size === undefined || size <= LIMIT_BYTES) return;
        out.push(
          finding(memoryEmptydir, {
            container: null,
            path: `HostConfig.Mounts[${i}].TmpfsOptions.SizeBytes`,
            message: `tmpfs at ${asString(m.Target) ?? "?"} of ${formatMiB(size / 2 ** 20)} (over 64 MiB) lives in VM RAM`,
          }),
        );
      });
    } else {
      for (const volume of composeVolumes(workload.object, workload.pathPrefix)) {
        if (volume.type !== "tmpfs" || volume.tmpfsSize === undefined || volume.tmpfsSize <= LIMIT_BYTES) continue;
        out.push(
          finding(memoryEmptydir, {
            container: null,
            path: volume.path,
            message: `tmpfs at ${volume.target} of ${formatMiB(volume.tmpfsSize / 2 ** 20)} (over 64 MiB) lives in VM RAM`,
          }),
        );
      }
    }
    return out;
  },
};
