// The normalised model shared by the parser, the rules, scoring and the web import.
// Everything here is plain data: it must survive JSON.stringify for storage.

import type { Platform } from "../domain";

export type { Platform };

export type JsonObject = Record<string, unknown>;

/** One input file (or stdin) as handed to the parser. */
export interface InputFile {
  /** Display name: the path given on the command line, or the uploaded file name. */
  name: string;
  content: Uint8Array | string;
}

/**
 * An input file read only when the parser gets to it (the CLI): the bytes of one file are dropped
 * once decoded, so a scan of many files never holds them all. `load` may throw; the message is
 * reported against the file.
 */
export interface LazyInputFile {
  name: string;
  load(): Uint8Array | string;
}

export type InputSource = InputFile | LazyInputFile;

/** A problem with the input: reported with file, line and column where known. */
export interface InputError {
  source: string;
  line?: number;
  column?: number;
  message: string;
}

export type FileFormat = "kubernetes" | "docker-inspect" | "podman-inspect" | "docker-version" | "compose" | "unknown";

export interface FileSummary {
  source: string;
  format: FileFormat;
  /** "json" or "yaml": what the bytes were. */
  syntax: "json" | "yaml" | null;
  bytes: number;
  /** Objects read from the file (list items count one each). */
  objects: number;
  /** Workloads this file contributed before folding. */
  workloads: number;
  /** Non-workload objects counted and skipped, by kind. */
  skipped: Record<string, number>;
  errors: number;
}

/** A pod template as it appears in one object, with the path prefix of its fields. */
export interface PodTemplateRef {
  /** The pod spec (`spec.template.spec`, `spec.jobTemplate.spec.template.spec`, or `spec` of a Pod). */
  spec: JsonObject;
  /** Path of `spec` inside the object, e.g. "spec.template.spec". */
  path: string;
  /** The pod template's metadata (labels, annotations), or the Pod's metadata. */
  metadata: JsonObject;
  /** Path of `metadata`, e.g. "spec.template.metadata". */
  metadataPath: string;
  /** File the template came from. */
  source: string;
}

export interface Workload {
  /** Identity: `cluster/namespace/Kind/name`; Docker containers have an empty namespace part. */
  id: string;
  platform: Platform;
  kind: string;
  /** Kubernetes namespace (`default` when absent), Compose project, null for Docker containers. */
  namespace: string | null;
  name: string;
  /** Where the workload was first read. */
  source: { file: string; line?: number; column?: number };
  /** Every file that defines the workload (or a Pod folded into it), `source.file` first. */
  sources: string[];
  /** Labels and annotations of the workload object (for K8s merged with the pod template's). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /**
   * The object as written: the K8s controller (or a synthetic stand-in when only its Pods were
   * listed), the `docker inspect` object, or the Compose service. Field paths in findings are
   * relative to this object, except Compose, whose paths start with `pathPrefix`.
   */
  object: JsonObject;
  /** Compose: "services.web" (or "web" for the v1 format); Docker and K8s: "". */
  pathPrefix: string;
  /**
   * K8s only: the pod templates to check. One for a controller; for Pods folded into an absent
   * owner, one per distinct pod spec (so a drifted Pod still shows). Paths are relative to the
   * object each came from.
   */
  pods: PodTemplateRef[];
  /** Desired replicas (K8s Deployment/StatefulSet/ReplicaSet, Compose deploy.replicas); null: unknown. */
  replicas: number | null;
  /** True for DaemonSets: one pod per node. */
  perNode: boolean;
  /** Team or owner from labels (`team`, `owner`, `app.kubernetes.io/part-of`), if any. */
  team: string | null;
  /**
   * Other objects of the same identity whose content differs (catalog 1.1, `duplicate-workload`):
   * each is checked as it is and its findings join this workload's, with paths relative to its
   * own object. Absent when the identity was defined once (or only by identical copies).
   */
  duplicates?: Workload[];
}

export interface ConfigDataSize {
  keys: number;
  bytes: number;
}

export interface RuntimeClassInfo {
  name: string;
  handler: string;
  /** overhead.podFixed, as written (e.g. { memory: "160Mi", cpu: "250m" }). */
  overhead: Record<string, string> | null;
  source: string;
}

export interface NodeInfo {
  name: string;
  labels: Record<string, string>;
  /** `status.capacity.memory` as written (e.g. "65843012Ki"), when the Node object has it. */
  memoryCapacity?: string;
  /** `status.allocatable` (else `status.capacity`) memory and cpu as written: what a rollout plan can fill. */
  allocatableMemory?: string;
  allocatableCpu?: string;
  source: string;
}

/** What `shared-filesystem-volume` reads of a PersistentVolumeClaim. */
export interface PersistentVolumeClaimInfo {
  accessModes: string[];
  /** `spec.volumeMode`; absent means Filesystem. */
  volumeMode: string | null;
}

/** The socket load balancer settings of a Cilium `cilium-config` ConfigMap. */
export interface CiliumConfigInfo {
  namespace: string;
  /** `kube-proxy-replacement` ("true", "strict", "false", ...), null when absent. */
  kubeProxyReplacement: string | null;
  /** `bpf-lb-sock-hostns-only`, null when absent. */
  socketLbHostNamespaceOnly: string | null;
  source: string;
}

export interface EngineInfo {
  /** "docker" for `docker version`/`docker info`, "podman" when the inventory is Podman output. */
  engine: "docker" | "podman";
  version: string | null;
  source: string;
}

/** One identity defined by objects of different content (catalog 1.1). */
export interface DuplicateIdentity {
  /** Workload identity `cluster/namespace/Kind/name`. */
  id: string;
  /** Field that names the object: `metadata.name`, `Name`, `services.web`. */
  path: string;
  /** Every file that defines it, in scan order. */
  files: string[];
  /** How many objects of different content define it (2 or more). */
  variants: number;
}

/** Non-workload facts some rules need. */
export interface InventoryContext {
  /** Keyed by `namespace/name`. */
  configMaps: Record<string, ConfigDataSize>;
  secrets: Record<string, ConfigDataSize>;
  runtimeClasses: RuntimeClassInfo[];
  nodes: NodeInfo[];
  engines: EngineInfo[];
  /** Identities defined more than once with different content. */
  duplicates: DuplicateIdentity[];
  /** Keyed by `namespace/name`. */
  persistentVolumeClaims: Record<string, PersistentVolumeClaimInfo>;
  ciliumConfigs: CiliumConfigInfo[];
}

export interface ParsedInventory {
  workloads: Workload[];
  context: InventoryContext;
  files: FileSummary[];
  errors: InputError[];
}

export interface ParseOptions {
  /** Cluster part of workload ids. */
  cluster: string;
}
