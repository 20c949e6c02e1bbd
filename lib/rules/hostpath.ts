// One classifier for host paths (K8s hostPath volumes, Docker bind sources, Compose bind sources),
// so every host-path rule agrees on which rule owns a path and none double-reports.
import type { JsonObject, PodTemplateRef, Workload } from "../inventory/types";
import { asArray, asString, composeVolumes, dockerMounts, isObject, join, RecentMemo, volumesOf, type VolumeRef } from "./walk";

/**
 * Which rule owns a host path:
 * - `block-device`: `hostPath.type: BlockDevice` (hotplugged; rule `block-device`)
 * - `vfio`: `/dev/vfio` or below (rule `vfio-device`)
 * - `hugepages`: `/dev/hugepages` or below (rule `hugepages`)
 * - `socket`: `type: Socket`, `*.sock`, or a known host-daemon socket place (rule `hostpath-socket`)
 * - `proc-sys`: `/proc`, `/sys` or below (rule `hostpath-proc-sys`)
 * - `device`: `/dev` or below except `/dev/shm`, or `type: CharDevice` (rule `host-devices`)
 * - `kernel-modules`: `/lib/modules` (or `/usr/lib/modules`, the same place on merged-/usr hosts) or below (rule `kernel-modules`)
 * - `other`: everything else, including `/dev/shm` (rule `hostpath-volume`)
 */
export type HostPathKind = "block-device" | "vfio" | "hugepages" | "socket" | "proc-sys" | "device" | "kernel-modules" | "other";

export interface HostPathClass {
  kind: HostPathKind;
  /** True when the `hostPath.type` decided the kind (the finding then points at `.type`). */
  byType: boolean;
}

const SOCKET_PLACES: readonly string[] = [
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/run/containerd",
  "/var/run/containerd",
  "/run/crio",
  "/var/run/crio",
  "/var/lib/kubelet/pod-resources",
  "/var/lib/kubelet/device-plugins",
];
/** `/var/lib/kubelet/plugins`, `/var/lib/kubelet/plugins_registry`, ... */
const SOCKET_PREFIX_ANY = "/var/lib/kubelet/plugins";

/** Drops trailing slashes and repeated slashes: `/dev//vfio/` -> `/dev/vfio`. */
export function normalizeHostPath(path: string): string {
  let out = path;
  if (out.includes("//")) out = out.replace(/\/{2,}/g, "/");
  while (out.length > 1 && out.endsWith("/")) out = out.slice(0, -1);
  return out;
}

const SLASH = "/".charCodeAt(0);

/** `path` equals `base` or lies below it (both normalised). */
export function isAtOrUnder(path: string, base: string): boolean {
  return path === base || (path.startsWith(base) && path.charCodeAt(base.length) === SLASH);
}

function isSocketPath(path: string): boolean {
  if (path.endsWith(".sock")) return true;
  if (path.startsWith(SOCKET_PREFIX_ANY)) return true;
  for (const place of SOCKET_PLACES) if (isAtOrUnder(path, place)) return true;
  return false;
}

/** Classifies a host path, with the K8s `hostPath.type` when there is one. */
export function classifyHostPath(rawPath: string, type?: string): HostPathClass {
  const path = normalizeHostPath(rawPath);
  if (type === "BlockDevice") return { kind: "block-device", byType: true };
  if (isAtOrUnder(path, "/dev/vfio")) return { kind: "vfio", byType: false };
  if (isAtOrUnder(path, "/dev/hugepages")) return { kind: "hugepages", byType: false };
  if (type === "Socket") return { kind: "socket", byType: !isSocketPath(path) };
  if (isSocketPath(path)) return { kind: "socket", byType: false };
  if (isAtOrUnder(path, "/proc") || isAtOrUnder(path, "/sys")) return { kind: "proc-sys", byType: false };
  if (isAtOrUnder(path, "/dev") && !isAtOrUnder(path, "/dev/shm")) return { kind: "device", byType: false };
  if (type === "CharDevice") return { kind: "device", byType: true };
  if (isAtOrUnder(path, "/lib/modules") || isAtOrUnder(path, "/usr/lib/modules")) return { kind: "kernel-modules", byType: false };
  return { kind: "other", byType: false };
}

export interface HostPathVolume {
  volume: VolumeRef;
  hostPath: string;
  type: string | undefined;
  class: HostPathClass;
  /** Path of the field that decided the class: `...hostPath.path` or `...hostPath.type`. */
  fieldPath: string;
}

const hostPathMemo = new RecentMemo<PodTemplateRef, readonly HostPathVolume[]>(4, (pod) => collectHostPathVolumes(pod));
const engineMountMemo = new RecentMemo<Workload, readonly EngineMount[]>(2, (workload) => collectEngineMounts(workload));
const hostBindMemo = new RecentMemo<Workload, readonly HostBind[]>(2, (workload) =>
  engineMountsOf(workload)
    .filter((mount) => mount.type === "bind" && mount.source !== "")
    .map((mount) => ({ mount, class: classifyHostPath(mount.source) })),
);

/** The pod's hostPath volumes, classified (shared, read-only result). */
export function hostPathVolumesOf(pod: PodTemplateRef): readonly HostPathVolume[] {
  return hostPathMemo.get(pod);
}

function collectHostPathVolumes(pod: PodTemplateRef): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  for (const volume of volumesOf(pod)) {
    const hostPath = volume.volume.hostPath;
    if (!isObject(hostPath)) continue;
    const path = asString(hostPath.path) ?? "";
    const type = asString(hostPath.type);
    if (!path && !type) continue;
    const cls = classifyHostPath(path, type);
    out.push({
      volume,
      hostPath: path,
      type,
      class: cls,
      fieldPath: `${volume.path}.hostPath.${cls.byType ? "type" : "path"}`,
    });
  }
  return out;
}

/** One line naming a hostPath volume, e.g. `hostPath "/dev/fuse" (volume "fuse")`. */
export function describeHostPathVolume(v: HostPathVolume): string {
  const type = v.type ? `, type ${v.type}` : "";
  return `hostPath "${v.hostPath}"${type} (volume "${v.volume.name}")`;
}

// ---- Docker inspect and Compose ----

/** A mount of a Docker container or Compose service, with the path of each of its fields. */
export interface EngineMount {
  /** "bind" | "volume" | "tmpfs" | ... */
  type: string;
  source: string;
  destination: string;
  propagation: string;
  sourcePath: string;
  destinationPath: string;
  propagationPath: string;
}

/**
 * Mounts of a Docker or Compose workload (none for Kubernetes). Field paths point at the
 * exact field for long forms and at the whole entry for short strings (`Binds[0]`, `volumes[0]`).
 * Shared, read-only result.
 */
export function engineMountsOf(workload: Workload): readonly EngineMount[] {
  return engineMountMemo.get(workload);
}

function collectEngineMounts(workload: Workload): EngineMount[] {
  if (workload.platform === "docker") {
    return dockerMounts(workload.object).map((m) => {
      const isBindString = m.path.startsWith("HostConfig.Binds");
      const isRequest = m.path.startsWith("HostConfig.Mounts");
      return {
        type: m.type,
        source: m.source,
        destination: m.destination,
        propagation: m.propagation,
        sourcePath: isBindString ? m.path : `${m.path}.Source`,
        destinationPath: isBindString ? m.path : `${m.path}.${isRequest ? "Target" : "Destination"}`,
        propagationPath: isBindString ? m.path : `${m.path}.${isRequest ? "BindOptions.Propagation" : "Propagation"}`,
      };
    });
  }
  if (workload.platform === "compose") {
    const entries = asArray(workload.object.volumes);
    const volumesPrefix = `${join(workload.pathPrefix, "volumes")}[`;
    return composeVolumes(workload.object, workload.pathPrefix).map((v) => {
      const isLong = v.path.startsWith(volumesPrefix) && isObject(entries[indexOf(v.path)]);
      return {
        type: v.type,
        source: v.source,
        destination: v.target,
        propagation: v.propagation,
        sourcePath: isLong ? `${v.path}.source` : v.path,
        destinationPath: isLong ? `${v.path}.target` : v.path,
        propagationPath: isLong ? `${v.path}.bind.propagation` : v.path,
      };
    });
  }
  return [];
}

function indexOf(path: string): number {
  const open = path.lastIndexOf("[");
  return open < 0 ? -1 : Number(path.slice(open + 1, -1));
}

export interface HostBind {
  mount: EngineMount;
  class: HostPathClass;
}

/** Bind mounts from the host (Docker `bind`, Compose binds), classified by their source. */
export function hostBindsOf(workload: Workload): readonly HostBind[] {
  return hostBindMemo.get(workload);
}

/** A device a Docker container or Compose service asks for (`HostConfig.Devices`, compose `devices`). */
export interface EngineDevice {
  /** Host path, or a CDI name such as `vendor.com/class=name`. */
  source: string;
  path: string;
}

export function engineDevicesOf(workload: Workload): EngineDevice[] {
  const out: EngineDevice[] = [];
  if (workload.platform === "docker") {
    const hostConfig: JsonObject = isObject(workload.object.HostConfig) ? workload.object.HostConfig : {};
    asArray(hostConfig.Devices).forEach((d, i) => {
      if (!isObject(d)) return;
      out.push({ source: asString(d.PathOnHost) ?? "", path: `HostConfig.Devices[${i}].PathOnHost` });
    });
  } else if (workload.platform === "compose") {
    const prefix = join(workload.pathPrefix, "devices");
    asArray(workload.object.devices).forEach((d, i) => {
      if (typeof d === "string") {
        // "host[:container[:perms]]"; a CDI name ("nvidia.com/gpu=all") has no colon.
        const colon = d.indexOf(":");
        out.push({ source: colon < 0 ? d : d.slice(0, colon), path: `${prefix}[${i}]` });
      } else if (isObject(d)) {
        out.push({ source: asString(d.source) ?? "", path: `${prefix}[${i}].source` });
      }
    });
  }
  return out;
}
