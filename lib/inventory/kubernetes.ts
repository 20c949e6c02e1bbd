// Kubernetes objects: workload controllers become candidates, the rest is context or skipped.
import { kubernetesLimitProblem } from "./object-limits";
import { describeAt, type FileSink, type K8sCandidate } from "./sink";
import type { CiliumConfigInfo, ConfigDataSize, JsonObject, NodeInfo } from "./types";
import { asObject, asString, getPath, isObject, stringRecord } from "./values";

export interface PodPaths {
  spec: string;
  metadata: string;
}

const TEMPLATE: PodPaths = { spec: "spec.template.spec", metadata: "spec.template.metadata" };

/** Workload kinds and where their pod template lives. */
export const WORKLOAD_KINDS: Readonly<Record<string, PodPaths>> = {
  Deployment: TEMPLATE,
  StatefulSet: TEMPLATE,
  DaemonSet: TEMPLATE,
  ReplicaSet: TEMPLATE,
  ReplicationController: TEMPLATE,
  DeploymentConfig: TEMPLATE,
  Job: TEMPLATE,
  CronJob: { spec: "spec.jobTemplate.spec.template.spec", metadata: "spec.jobTemplate.spec.template.metadata" },
  Pod: { spec: "spec", metadata: "metadata" },
};

export function isKubernetesObject(value: JsonObject): boolean {
  return typeof value.kind === "string" && (typeof value.apiVersion === "string" || isObject(value.metadata));
}

export function isKubernetesList(value: JsonObject): boolean {
  return typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
}

/** Reads one Kubernetes object. `where` names it when the line is unknown (e.g. "items[3]"). */
export function readKubernetesObject(object: JsonObject, sink: FileSink, line: number | undefined, where?: string): void {
  const kind = object.kind as string;
  const metadata = asObject(object.metadata) ?? {};
  const name = asString(metadata.name) ?? asString(metadata.generateName) ?? "";
  const namespace = asString(metadata.namespace) || "default";
  const paths = WORKLOAD_KINDS[kind];
  const overLimit = kubernetesLimitProblem(object, paths?.metadata);
  if (overLimit !== null) {
    sink.error(`${kind.length > 100 ? `${kind.slice(0, 100)}...` : kind} ${describeAt(line, where)}: ${overLimit}`, { line });
    return;
  }
  if (!paths) {
    readContextObject(kind, object, metadata, name, namespace, sink);
    sink.skip(kind);
    return;
  }
  if (!name) {
    sink.error(`${kind} ${describeAt(line, where)} has no metadata.name`, { line });
    return;
  }
  const containers = asObject(getPath(object, paths.spec))?.containers;
  if (!Array.isArray(containers) || !containers.some(isObject)) {
    sink.error(`${kind} ${namespace}/${name} has no containers (${paths.spec}.containers is missing or empty)`, { line });
    return;
  }
  sink.summary.workloads++;
  const candidate: K8sCandidate = {
    object: trimObject(object),
    kind,
    name,
    namespace,
    key: `${namespace}/${kind}/${name}`,
    summary: sink.summary,
    line,
  };
  // A cluster dump's DaemonSet status is the only place its node count is known.
  if (kind === "DaemonSet") candidate.desiredNumberScheduled = getPath(object, "status.desiredNumberScheduled");
  sink.entries.push({ type: "k8s", candidate });
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * The object without what the API server and kubectl keep for themselves (`status`,
 * `metadata.managedFields`, the last-applied copy of the manifest): no rule reads them, and in a
 * cluster dump they are a third of the bytes every workload would hold in memory and storage.
 * Shallow copies: the input is not modified.
 */
function trimObject(object: JsonObject): JsonObject {
  const metadata = object.metadata;
  const annotations = isObject(metadata) ? metadata.annotations : undefined;
  const lastApplied = isObject(annotations) && Object.hasOwn(annotations, LAST_APPLIED);
  const managed = isObject(metadata) && Object.hasOwn(metadata, "managedFields");
  if (!lastApplied && !managed && !Object.hasOwn(object, "status")) return object;
  const out = omit(object, "status");
  if (managed || lastApplied) {
    const trimmed = omit(metadata as JsonObject, "managedFields");
    if (lastApplied) trimmed.annotations = omit(annotations as JsonObject, LAST_APPLIED);
    out.metadata = trimmed;
  }
  return out;
}

/**
 * A shallow copy without `key`. Copied rather than spread-then-deleted: `delete` would turn the copy
 * into a slow dictionary-mode object that every rule then reads. A `__proto__` key stays data.
 */
function omit(object: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const name in object) {
    if (name === key) continue;
    if (name === "__proto__")
      Object.defineProperty(out, name, { value: object[name], enumerable: true, writable: true, configurable: true });
    else out[name] = object[name];
  }
  return out;
}

function readContextObject(kind: string, object: JsonObject, metadata: JsonObject, name: string, namespace: string, sink: FileSink): void {
  const context = sink.context;
  if (kind === "ConfigMap") {
    context.configMaps[`${namespace}/${name}`] ??= sizeOfData(object.data, object.binaryData);
    if (name === "cilium-config") context.ciliumConfigs.push(ciliumConfigOf(object, namespace, sink.file));
  } else if (kind === "Secret") {
    context.secrets[`${namespace}/${name}`] ??= sizeOfData(object.stringData, object.data);
  } else if (kind === "RuntimeClass") {
    const podFixed = asObject(getPath(object, "overhead.podFixed"));
    context.runtimeClasses.push({
      name,
      handler: asString(object.handler) ?? "",
      overhead: podFixed ? stringRecord(podFixed) : null,
      source: sink.file,
    });
  } else if (kind === "Node") {
    const memoryCapacity = getPath(object, "status.capacity.memory");
    const node: NodeInfo = { name, labels: stringRecord(metadata.labels), source: sink.file };
    if (typeof memoryCapacity === "string" || typeof memoryCapacity === "number") node.memoryCapacity = String(memoryCapacity);
    // What pods can use: allocatable, else the whole capacity (a hand-written Node has only capacity).
    for (const [field, resource] of [
      ["allocatableMemory", "memory"],
      ["allocatableCpu", "cpu"],
    ] as const) {
      const value = getPath(object, `status.allocatable.${resource}`) ?? getPath(object, `status.capacity.${resource}`);
      if (typeof value === "string" || typeof value === "number") node[field] = String(value);
    }
    context.nodes.push(node);
  } else if (kind === "PersistentVolumeClaim") {
    const spec = asObject(object.spec) ?? {};
    const accessModes = Array.isArray(spec.accessModes) ? spec.accessModes.filter((mode): mode is string => typeof mode === "string") : [];
    context.persistentVolumeClaims[`${namespace}/${name}`] ??= { accessModes, volumeMode: asString(spec.volumeMode) ?? null };
  }
}

/** The keys of Cilium's ConfigMap that decide whether its socket load balancer serves pods. */
function ciliumConfigOf(object: JsonObject, namespace: string, source: string): CiliumConfigInfo {
  const data = asObject(object.data) ?? {};
  const text = (key: string) => (typeof data[key] === "string" || typeof data[key] === "boolean" ? String(data[key]) : null);
  return {
    namespace,
    kubeProxyReplacement: text("kube-proxy-replacement"),
    socketLbHostNamespaceOnly: text("bpf-lb-sock-hostns-only"),
    source,
  };
}

/**
 * Keys and bytes of a ConfigMap (`data` text, `binaryData` base64) or Secret (`stringData` text,
 * `data` base64). A key in both counts once, with the text value (the API lets stringData win).
 */
function sizeOfData(text: unknown, base64: unknown): ConfigDataSize {
  const sizes = new Map<string, number>();
  if (isObject(base64)) for (const key in base64) sizes.set(key, decodedLength(base64[key]));
  if (isObject(text)) for (const key in text) sizes.set(key, utf8Length(text[key]));
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { keys: sizes.size, bytes };
}

const NON_ASCII = /[^\u0000-\u007f]/;

function utf8Length(value: unknown): number {
  if (typeof value !== "string") return value === null || value === undefined ? 0 : String(value).length;
  if (!NON_ASCII.test(value)) return value.length;
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function decodedLength(value: unknown): number {
  if (typeof value !== "string") return 0;
  const clean = value.replace(/[^A-Za-z0-9+/]/g, "");
  return Math.floor((clean.length * 3) / 4);
}
