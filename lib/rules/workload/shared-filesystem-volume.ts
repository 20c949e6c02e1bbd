import type { JsonObject, PersistentVolumeClaimInfo, Workload } from "../../inventory/types";
import type { Finding, WorkloadRule } from "../types";
import { asArray, asString, finding, isObject, volumesOf } from "../walk";

const INLINE_SHARED = ["nfs", "cephfs", "glusterfs"] as const;

/** ReadWriteMany in Filesystem mode (the default): what virtio-fs shares between pods. */
function isSharedFilesystemClaim(spec: JsonObject | PersistentVolumeClaimInfo): boolean {
  const volumeMode = asString(spec.volumeMode);
  return asArray(spec.accessModes).includes("ReadWriteMany") && (volumeMode === undefined || volumeMode === "Filesystem");
}

export const sharedFilesystemVolume: WorkloadRule = {
  id: "shared-filesystem-volume",
  scope: "workload",
  since: "1.2",
  title: "Volume shared between pods over virtio-fs",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary:
    "An inline `nfs`, `cephfs` or `glusterfs` volume, or a claim (or claim template) that is `ReadWriteMany` in `Filesystem` mode: a filesystem several pods write at once, which reaches a Kata container through virtio-fs.",
  why: [
    "A filesystem volume is mounted on the host and passed into the VM over virtio-fs. For a volume that several pods share, that layer changes behaviour the applications may rely on:",
    "",
    "- **POSIX and `flock` locks** taken in one Kata pod are not seen by the other pods, so two writers can both believe they hold the lock (databases, SQLite files, lock-file leader election);",
    "- shared `mmap` of a file on the volume misbehaves;",
    "- growing the volume online is not seen inside the VM until the pod restarts.",
    "",
    "These are open Kata issues. Claims are judged only when the PersistentVolumeClaim is in the inventory (include `kubectl get pvc -A -o yaml`).",
  ].join("\n"),
  remediation: [
    "- Where the workload needs its own disk, not a shared one, request a block volume: it is hot-plugged into the VM as a disk and avoids virtio-fs:",
    "",
    "```yaml",
    "spec:",
    "  accessModes: [ReadWriteOnce]",
    "  volumeMode: Block",
    "```",
    "",
    "- Keep workloads that coordinate through file locks on a shared volume on runc.",
    "- Plan restarts after expanding a shared volume.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#3408: POSIX locks not visible across pods",
      url: "https://github.com/kata-containers/kata-containers/issues/3408",
    },
    { title: "kata-containers#5634: mmap of shared files", url: "https://github.com/kata-containers/kata-containers/issues/5634" },
    {
      title: "kata-containers#2788: volume expansion not seen until restart",
      url: "https://github.com/kata-containers/kata-containers/issues/2788",
    },
  ],
  check(workload, context) {
    const out: Finding[] = [];
    const namespace = workload.namespace ?? "default";
    const claims = context.inventory.persistentVolumeClaims;
    for (const pod of workload.pods) {
      for (const v of volumesOf(pod)) {
        const inline = INLINE_SHARED.find((type) => isObject(v.volume[type]));
        if (inline) {
          out.push(
            finding(sharedFilesystemVolume, {
              container: null,
              path: `${v.path}.${inline}`,
              message: `${inline} volume "${v.name}" shared over virtio-fs`,
            }),
          );
          continue;
        }
        const pvc = v.volume.persistentVolumeClaim;
        const claimName = isObject(pvc) ? asString(pvc.claimName) : undefined;
        const claim = claimName ? claims[`${namespace}/${claimName}`] : undefined;
        if (claim && isSharedFilesystemClaim(claim)) {
          out.push(
            finding(sharedFilesystemVolume, {
              container: null,
              path: `${v.path}.persistentVolumeClaim.claimName`,
              message: `claim "${claimName}" (volume "${v.name}") is ReadWriteMany in Filesystem mode`,
            }),
          );
          continue;
        }
        const template = isObject(v.volume.ephemeral) ? v.volume.ephemeral.volumeClaimTemplate : undefined;
        if (isObject(template) && isObject(template.spec) && isSharedFilesystemClaim(template.spec)) {
          out.push(
            finding(sharedFilesystemVolume, {
              container: null,
              path: `${v.path}.ephemeral.volumeClaimTemplate.spec.accessModes`,
              message: `ephemeral volume "${v.name}" claims ReadWriteMany in Filesystem mode`,
            }),
          );
        }
      }
    }
    out.push(...claimTemplateFindings(workload));
    return out;
  },
};

/** A StatefulSet's `volumeClaimTemplates`. */
function claimTemplateFindings(workload: Workload): Finding[] {
  if (workload.kind !== "StatefulSet") return [];
  const spec = isObject(workload.object.spec) ? workload.object.spec : {};
  const out: Finding[] = [];
  asArray(spec.volumeClaimTemplates).forEach((template, i) => {
    if (!isObject(template) || !isObject(template.spec) || !isSharedFilesystemClaim(template.spec)) return;
    const name = isObject(template.metadata) ? (asString(template.metadata.name) ?? "?") : "?";
    out.push(
      finding(sharedFilesystemVolume, {
        container: null,
        path: `spec.volumeClaimTemplates[${i}].spec.accessModes`,
        message: `claim template "${name}" is ReadWriteMany in Filesystem mode`,
      }),
    );
  });
  return out;
}
