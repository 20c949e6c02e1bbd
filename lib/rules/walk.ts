// Shared walkers over the normalised model: every rule reads containers, volumes and mounts
// through these so field paths are built one way.
import type { JsonObject, PodTemplateRef, Workload } from "../inventory/types";
import type { Finding, Severity, WorkloadRule } from "./types";

export type ContainerKind = "containers" | "initContainers" | "ephemeralContainers";

export interface ContainerRef {
  container: JsonObject;
  name: string;
  kind: ContainerKind;
  /** e.g. "spec.template.spec.initContainers[0]" */
  path: string;
  pod: PodTemplateRef;
  /** Its volumeMounts, read once with the container: several rules walk them. */
  mounts: readonly MountRef[];
}

export interface VolumeRef {
  volume: JsonObject;
  name: string;
  path: string;
  pod: PodTemplateRef;
}

export interface MountRef {
  mount: JsonObject;
  path: string;
  container: ContainerRef;
}

const CONTAINER_KINDS: readonly ContainerKind[] = ["containers", "initContainers", "ephemeralContainers"];
const NO_MOUNTS: readonly MountRef[] = [];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/**
 * A tiny most-recently-used memo: the engine runs every rule over one workload before the next,
 * so the rules asking about the same pods and containers hit it. No WeakMap: a scan of 50k
 * workloads would leave hundreds of thousands of ephemerons for the GC to trace. Results are
 * shared and read-only (the model is never mutated after parsing).
 */
export class RecentMemo<K extends object, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(
    size: number,
    private readonly compute: (key: K) => V,
  ) {
    this.keys = new Array<K | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  get(key: K): V {
    // Newest first: the key asked for is nearly always one of the last few.
    const size = this.keys.length;
    for (let n = 1, i = this.next; n <= size; n++) {
      i = i === 0 ? size - 1 : i - 1;
      if (this.keys[i] === key) return this.values[i] as V;
    }
    const value = this.compute(key);
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }
}

function collectContainers(pod: PodTemplateRef): ContainerRef[] {
  const all: ContainerRef[] = [];
  for (const kind of CONTAINER_KINDS) {
    const list = pod.spec[kind];
    if (!Array.isArray(list)) continue;
    const prefix = join(pod.path, kind);
    for (let index = 0; index < list.length; index++) {
      const container: unknown = list[index];
      if (!isObject(container)) continue;
      const ref: ContainerRef = {
        container,
        name: asString(container.name) ?? `${kind}[${index}]`,
        kind,
        path: `${prefix}[${index}]`,
        pod,
        mounts: NO_MOUNTS,
      };
      ref.mounts = collectMounts(ref);
      all.push(ref);
    }
  }
  return all;
}

function collectVolumes(pod: PodTemplateRef): VolumeRef[] {
  const out: VolumeRef[] = [];
  const list = pod.spec.volumes;
  if (!Array.isArray(list)) return out;
  const prefix = join(pod.path, "volumes");
  for (let index = 0; index < list.length; index++) {
    const volume: unknown = list[index];
    if (!isObject(volume)) continue;
    out.push({ volume, name: asString(volume.name) ?? "", path: `${prefix}[${index}]`, pod });
  }
  return out;
}

function collectMounts(container: ContainerRef): readonly MountRef[] {
  const list = container.container.volumeMounts;
  if (!Array.isArray(list)) return NO_MOUNTS;
  const out: MountRef[] = [];
  for (let index = 0; index < list.length; index++) {
    const mount: unknown = list[index];
    if (!isObject(mount)) continue;
    out.push({ mount, path: `${container.path}.volumeMounts[${index}]`, container });
  }
  return out;
}

/** Mounts of every container of the pod, by volume name. */
function collectMountsByVolume(pod: PodTemplateRef): Map<unknown, MountRef[]> {
  const out = new Map<unknown, MountRef[]>();
  for (const container of containersOf(pod)) {
    for (const mount of mountsOf(container)) {
      const name = mount.mount.name;
      const list = out.get(name);
      if (list) list.push(mount);
      else out.set(name, [mount]);
    }
  }
  return out;
}

// Sizes: a folded workload can carry several pod templates, each with a few containers.
const containerMemo = new RecentMemo(8, collectContainers);
const volumeMemo = new RecentMemo(8, collectVolumes);
const mountsByVolumeMemo = new RecentMemo(4, collectMountsByVolume);

/** Containers, init containers and ephemeral containers, in that order (shared, read-only result). */
export function containersOf(pod: PodTemplateRef): readonly ContainerRef[] {
  return containerMemo.get(pod);
}

// Rules that look at every container (or mount) of a workload walk one flat list, not pods then containers.
const workloadContainerMemo = new RecentMemo(2, (workload: Workload): readonly ContainerRef[] => {
  const pods = workload.pods;
  if (pods.length === 1) return containersOf(pods[0]);
  const all: ContainerRef[] = [];
  for (const pod of pods) all.push(...containersOf(pod));
  return all;
});
const workloadMountMemo = new RecentMemo(2, (workload: Workload): readonly MountRef[] => {
  const containers = containersOfWorkload(workload);
  if (containers.length === 1) return containers[0].mounts;
  const all: MountRef[] = [];
  for (const container of containers) all.push(...container.mounts);
  return all;
});

/** Every container of every pod template of the workload, pod by pod (shared, read-only result). */
export function containersOfWorkload(workload: Workload): readonly ContainerRef[] {
  return workloadContainerMemo.get(workload);
}

/** Every volume mount of every container of the workload, container by container (shared, read-only result). */
export function mountsOfWorkload(workload: Workload): readonly MountRef[] {
  return workloadMountMemo.get(workload);
}

export function volumesOf(pod: PodTemplateRef): readonly VolumeRef[] {
  return volumeMemo.get(pod);
}

/**
 * The StatefulSet claim template a mount names (`spec.volumeClaimTemplates[].metadata.name`): such
 * a mount is backed by a PersistentVolumeClaim even though the pod template declares no volume.
 */
export function claimTemplateOf(workload: Workload, volumeName: unknown): JsonObject | undefined {
  if (workload.kind !== "StatefulSet" || typeof volumeName !== "string") return undefined;
  const spec = workload.object.spec;
  const templates = isObject(spec) ? spec.volumeClaimTemplates : undefined;
  if (!Array.isArray(templates)) return undefined;
  for (const template of templates) {
    if (isObject(template) && isObject(template.metadata) && template.metadata.name === volumeName) return template;
  }
  return undefined;
}

export function mountsOf(container: ContainerRef): readonly MountRef[] {
  return container.mounts;
}

/** Containers of the pod that mount the named volume (shared, read-only result). */
export function mountsOfVolume(pod: PodTemplateRef, volumeName: string): readonly MountRef[] {
  return mountsByVolumeMemo.get(pod).get(volumeName) ?? NO_MOUNTS;
}

/** Pod-level and container-level annotations/labels as one lookup (pod template metadata wins). */
export function annotationsOf(workload: Workload, pod?: PodTemplateRef): Record<string, string> {
  const podAnnotations = pod && isObject(pod.metadata.annotations) ? (pod.metadata.annotations as Record<string, string>) : {};
  return { ...workload.annotations, ...podAnnotations };
}

export interface FindingInput {
  severity?: Severity;
  container: string | null;
  path: string;
  message: string;
}

/** A finding of `rule`, at the rule's severity unless the input names another. */
export function finding(rule: Pick<WorkloadRule, "id" | "severity" | "remedy">, input: FindingInput): Finding {
  return {
    ruleId: rule.id,
    severity: input.severity ?? rule.severity,
    remedy: rule.remedy,
    container: input.container,
    path: input.path,
    message: input.message,
  };
}

// ---- Docker inspect and Compose ----

export interface DockerMount {
  /** "bind" | "volume" | "tmpfs" | "npipe" | ... */
  type: string;
  source: string;
  destination: string;
  propagation: string;
  /** `RW: false`, a `:ro` bind, `ReadOnly: true`. */
  readOnly: boolean;
  path: string;
}

/** `ro` among a bind's comma-separated options (`/src:/dst:ro,rslave`). */
function hasReadOnlyOption(options: string): boolean {
  return options.split(",").includes("ro");
}

/**
 * Every mount a `docker inspect` object declares: `Mounts[]` (the resolved list), and the
 * `HostConfig.Binds` / `HostConfig.Mounts` requests when `Mounts` is absent (e.g. a created,
 * never started container). Deduplicated by destination, first wins.
 */
export function dockerMounts(object: JsonObject): DockerMount[] {
  const out: DockerMount[] = [];
  const seen = new Set<string>();
  const add = (m: DockerMount) => {
    if (!m.destination || seen.has(m.destination)) return;
    seen.add(m.destination);
    out.push(m);
  };
  asArray(object.Mounts).forEach((m, i) => {
    if (!isObject(m)) return;
    add({
      type: asString(m.Type) ?? "bind",
      source: asString(m.Source) ?? "",
      destination: asString(m.Destination) ?? "",
      propagation: asString(m.Propagation) ?? "",
      readOnly: m.RW === false,
      path: `Mounts[${i}]`,
    });
  });
  const hostConfig = isObject(object.HostConfig) ? object.HostConfig : {};
  asArray(hostConfig.Binds).forEach((bind, i) => {
    if (typeof bind !== "string") return;
    const [source = "", destination = "", options = ""] = bind.split(":");
    const propagation = options.split(",").find((o) => /^r?(shared|slave|private)$/.test(o)) ?? "";
    add({
      type: source.startsWith("/") ? "bind" : "volume",
      source,
      destination,
      propagation,
      readOnly: hasReadOnlyOption(options),
      path: `HostConfig.Binds[${i}]`,
    });
  });
  asArray(hostConfig.Mounts).forEach((m, i) => {
    if (!isObject(m)) return;
    const bindOptions = isObject(m.BindOptions) ? m.BindOptions : {};
    add({
      type: asString(m.Type) ?? "bind",
      source: asString(m.Source) ?? "",
      destination: asString(m.Target) ?? "",
      propagation: asString(bindOptions.Propagation) ?? "",
      readOnly: m.ReadOnly === true,
      path: `HostConfig.Mounts[${i}]`,
    });
  });
  return out;
}

export interface ComposeVolume {
  type: "bind" | "volume" | "tmpfs" | "npipe" | "cluster" | string;
  source: string;
  target: string;
  propagation: string;
  /** Short syntax `:ro`, long syntax `read_only: true`. */
  readOnly: boolean;
  /** tmpfs size in bytes when given. */
  tmpfsSize?: number;
  path: string;
}

/**
 * A Compose service's `volumes` (short `src:dst[:mode]` and long syntax) and `tmpfs` entries.
 * Short-syntax sources starting with `/`, `.` or `~` are host binds; others are named volumes.
 */
export function composeVolumes(service: JsonObject, prefix: string): ComposeVolume[] {
  const out: ComposeVolume[] = [];
  asArray(service.volumes).forEach((v, i) => {
    const path = `${join(prefix, "volumes")}[${i}]`;
    if (typeof v === "string") {
      const parts = v.split(":");
      if (parts.length === 1) {
        out.push({ type: "volume", source: "", target: parts[0], propagation: "", readOnly: false, path });
        return;
      }
      const [source, target, mode = ""] = parts;
      const isBind = /^[/.~]/.test(source);
      const propagation = mode.split(",").find((o) => /^r?(shared|slave|private)$/.test(o)) ?? "";
      out.push({ type: isBind ? "bind" : "volume", source, target: target ?? "", propagation, readOnly: hasReadOnlyOption(mode), path });
    } else if (isObject(v)) {
      const bind = isObject(v.bind) ? v.bind : {};
      const tmpfs = isObject(v.tmpfs) ? v.tmpfs : {};
      out.push({
        type: asString(v.type) ?? "volume",
        source: asString(v.source) ?? "",
        target: asString(v.target) ?? "",
        propagation: asString(bind.propagation) ?? "",
        readOnly: v.read_only === true,
        tmpfsSize: parseByteSize(tmpfs.size),
        path,
      });
    }
  });
  const tmpfs = service.tmpfs;
  const tmpfsList = typeof tmpfs === "string" ? [tmpfs] : asArray(tmpfs);
  tmpfsList.forEach((t, i) => {
    if (typeof t !== "string") return;
    const [target, options = ""] = t.split(":");
    const size = /(?:^|,)size=([^,]+)/.exec(options)?.[1];
    out.push({
      type: "tmpfs",
      source: "",
      target,
      propagation: "",
      readOnly: false,
      tmpfsSize: parseByteSize(size),
      path: Array.isArray(tmpfs) ? `${join(prefix, "tmpfs")}[${i}]` : join(prefix, "tmpfs"),
    });
  });
  return out;
}

/** "64m", "1g", "512k", 1048576 -> bytes (Docker/Compose byte units, 1024-based). */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(value);
  if (!match) return undefined;
  const power = { "": 0, k: 1, m: 2, g: 3, t: 4 }[match[2].toLowerCase() as "" | "k" | "m" | "g" | "t"];
  return Math.round(Number(match[1]) * 1024 ** power);
}

// ---- appended by H3 (group B) ----

/** `prefix.key`, or `prefix["key"]` when the key is not a plain identifier (annotations, `hugepages-2Mi`). */
export function keyPath(prefix: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? join(prefix, key) : `${prefix}["${key}"]`;
}

export interface MetadataEntry {
  key: string;
  value: string;
  /** e.g. `spec.template.metadata.annotations["istio.io/dataplane-mode"]` */
  path: string;
}

type MetadataField = "annotations" | "labels";

/** A string annotation or label as found, before its path is built. */
interface MetadataItem {
  key: string;
  value: string;
  metadataPath: string;
  /** Its path may repeat an earlier item's (see collectMetadataItems). */
  mayRepeat: boolean;
}

interface WorkloadMetadata {
  annotations: readonly MetadataItem[];
  labels: readonly MetadataItem[];
}

// Several rules read the annotations and labels of each workload: they are listed once.
const metadataMemo = new RecentMemo(2, (workload: Workload): WorkloadMetadata => ({
  annotations: collectMetadataItems(workload, "annotations"),
  labels: collectMetadataItems(workload, "labels"),
}));

/**
 * Every annotation (or label) of a Kubernetes workload with its exact path: the object's
 * `metadata` and each pod template's metadata (a bare Pod's template metadata is the object's,
 * listed once).
 */
export function metadataEntriesOf(
  workload: Workload,
  field: MetadataField,
  /** Keys to keep; filtering here keeps the common no-match case allocation-free. */
  match?: (key: string) => boolean,
): MetadataEntry[] {
  const items = metadataMemo.get(workload)[field];
  const out: MetadataEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (match && !match(item.key)) continue;
    const path = keyPath(join(item.metadataPath, field), item.key);
    if (item.mayRepeat && hasEntryAt(out, path)) continue;
    out.push({ key: item.key, value: item.value, path });
  }
  return out;
}

function collectMetadataItems(workload: Workload, field: MetadataField): MetadataItem[] {
  const out: MetadataItem[] = [];
  const metadata = workload.object.metadata;
  addMetadataItems(out, metadata, "metadata", field, false);
  // Paths can only repeat when a metadata path does (a bare Pod, Pods folded into one workload);
  // from the first repeat on, entries whose path is already listed are dropped.
  let mayRepeat = false;
  const pods = workload.pods;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    mayRepeat = mayRepeat || isRepeatedMetadataPath(pods, i);
    // A bare Pod's template metadata is the object's own: every entry would be a repeat.
    if (pod.metadata === metadata && pod.metadataPath === "metadata") continue;
    addMetadataItems(out, pod.metadata, pod.metadataPath, field, mayRepeat);
  }
  return out;
}

function isRepeatedMetadataPath(pods: readonly PodTemplateRef[], index: number): boolean {
  const path = pods[index].metadataPath;
  if (path === "metadata") return true;
  for (let i = 0; i < index; i++) if (pods[i].metadataPath === path) return true;
  return false;
}

function hasEntryAt(entries: readonly MetadataEntry[], path: string): boolean {
  for (let i = 0; i < entries.length; i++) if (entries[i].path === path) return true;
  return false;
}

function addMetadataItems(out: MetadataItem[], metadata: unknown, metadataPath: string, field: MetadataField, mayRepeat: boolean): void {
  if (!isObject(metadata)) return;
  const entries = metadata[field];
  if (!isObject(entries)) return;
  for (const key in entries) {
    const value = entries[key];
    if (typeof value === "string") out.push({ key, value, metadataPath, mayRepeat });
  }
}

/** A Compose service's `labels`, map or `KEY=value` list form. */
export function composeLabels(service: JsonObject, prefix: string): MetadataEntry[] {
  const labels = service.labels;
  const base = join(prefix, "labels");
  if (isObject(labels)) {
    return Object.entries(labels).flatMap(([key, value]) =>
      typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? [{ key, value: String(value), path: keyPath(base, key) }]
        : [],
    );
  }
  return asArray(labels).flatMap((item, i) => {
    if (typeof item !== "string") return [];
    const eq = item.indexOf("=");
    return [{ key: eq < 0 ? item : item.slice(0, eq), value: eq < 0 ? "" : item.slice(eq + 1), path: `${base}[${i}]` }];
  });
}

/** `docker inspect` HostConfig (empty object when absent). */
export function hostConfigOf(object: JsonObject): JsonObject {
  return isObject(object.HostConfig) ? object.HostConfig : {};
}

/** A value cut to one short line for a finding message (Docker puts whole seccomp JSON in SecurityOpt). */
export function shortValue(value: string, max = 80): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
