// Ownership folding: children of a listed controller add nothing; Pods (or ReplicaSets, Jobs)
// whose owner is absent become one workload named after that owner.
import { WORKLOAD_KINDS } from "./kubernetes";
import { MAX_DEPTH } from "./limits";
import type { K8sCandidate } from "./sink";
import type { JsonObject, PodTemplateRef, Workload } from "./types";
import { asObject, asString, exceedsDepth, getPath, isObject, stringRecord, workloadId } from "./values";
import { teamOf } from "../owners";

interface OwnerTarget {
  apiVersion: string;
  kind: string;
  name: string;
}

type Resolution = { type: "self" } | { type: "folded" } | { type: "group"; target: OwnerTarget };

const SELF: Resolution = { type: "self" };
const FOLDED: Resolution = { type: "folded" };

/** Labels that differ per replica or per revision, dropped from a workload built from its Pods. */
const REPLICA_LABELS = [
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
];
/** Past this many distinct specs in one group, compare by serialised key instead of pairwise. */
const PAIRWISE_LIMIT = 32;

function controllerRef(object: JsonObject): OwnerTarget | undefined {
  const refs = getPath(object, "metadata.ownerReferences");
  if (!Array.isArray(refs)) return undefined;
  // The controller among the well-formed references, else the first of them.
  let ref: JsonObject | undefined;
  for (const item of refs) {
    if (!isObject(item) || typeof item.kind !== "string" || typeof item.name !== "string") continue;
    ref ??= item;
    if (item.controller === true) {
      ref = item;
      break;
    }
  }
  if (!ref) return undefined;
  return { apiVersion: asString(ref.apiVersion) ?? "", kind: ref.kind as string, name: ref.name as string };
}

function resolveOwner(candidate: K8sCandidate, present: Set<string>): Resolution {
  const owner = controllerRef(candidate.object);
  // Only workload kinds are owners to fold into (catalog 1.1): a StatefulSet run by an operator's
  // custom resource (prometheus-operator's Prometheus) is a workload of its own, and so is a Pod
  // of a custom resource; mirror (static) Pods are "owned" by their Node, which is no controller.
  if (!owner || !Object.hasOwn(WORKLOAD_KINDS, owner.kind)) return SELF;
  const isPresent = (kind: string, name: string) => present.has(`${candidate.namespace}/${kind}/${name}`);
  if (isPresent(owner.kind, owner.name)) return FOLDED;
  const labels = stringRecord(getPath(candidate.object, "metadata.labels"));
  const hash = labels["pod-template-hash"];
  if (owner.kind === "ReplicaSet" && hash && owner.name.endsWith(`-${hash}`)) {
    const name = owner.name.slice(0, -hash.length - 1);
    if (isPresent("Deployment", name)) return FOLDED;
    return { type: "group", target: { apiVersion: "apps/v1", kind: "Deployment", name } };
  }
  const annotations = owner.kind === "ReplicationController" ? asObject(getPath(candidate.object, "metadata.annotations")) : undefined;
  const deploymentConfig = asString(annotations?.["openshift.io/deployment-config.name"]);
  if (deploymentConfig) {
    if (isPresent("DeploymentConfig", deploymentConfig)) return FOLDED;
    return { type: "group", target: { apiVersion: "apps.openshift.io/v1", kind: "DeploymentConfig", name: deploymentConfig } };
  }
  return { type: "group", target: owner };
}

function podRefOf(candidate: K8sCandidate): PodTemplateRef {
  const paths = WORKLOAD_KINDS[candidate.kind];
  return {
    spec: asObject(getPath(candidate.object, paths.spec)) ?? {},
    path: paths.spec,
    metadata: asObject(getPath(candidate.object, paths.metadata)) ?? {},
    metadataPath: paths.metadata,
    source: candidate.summary.source,
  };
}

function replicasOf(candidate: K8sCandidate): number {
  const spec = asObject(candidate.object.spec) ?? {};
  switch (candidate.kind) {
    case "Pod":
    case "CronJob":
      return 1;
    case "Job":
      return nonNegative(spec.parallelism) ?? 1;
    case "DaemonSet":
      // One pod per node (perNode): the node count is known only from a cluster dump's status.
      return nonNegative(candidate.desiredNumberScheduled) ?? 1;
    default:
      return nonNegative(spec.replicas) ?? 1;
  }
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function workloadOf(candidate: K8sCandidate, cluster: string): Workload {
  const pod = podRefOf(candidate);
  const metadata = asObject(candidate.object.metadata) ?? {};
  const isPod = candidate.kind === "Pod";
  const labels = isPod ? stringRecord(metadata.labels) : { ...stringRecord(metadata.labels), ...stringRecord(pod.metadata.labels) };
  const annotations = isPod
    ? stringRecord(metadata.annotations)
    : { ...stringRecord(metadata.annotations), ...stringRecord(pod.metadata.annotations) };
  return {
    id: workloadId(cluster, candidate.namespace, candidate.kind, candidate.name),
    platform: "kubernetes",
    kind: candidate.kind,
    namespace: candidate.namespace,
    name: candidate.name,
    source: sourceOf(candidate),
    sources: sourcesOf([candidate]),
    labels,
    annotations,
    object: candidate.object,
    pathPrefix: "",
    pods: [pod],
    replicas: replicasOf(candidate),
    perNode: candidate.kind === "DaemonSet",
    team: teamOf(labels),
  };
}

function sourceOf(candidate: K8sCandidate): Workload["source"] {
  return candidate.line === undefined ? { file: candidate.summary.source } : { file: candidate.summary.source, line: candidate.line };
}

/** Every file the candidates (and identical copies merged into them) came from, first seen first. */
function sourcesOf(candidates: readonly K8sCandidate[]): string[] {
  if (candidates.length === 1 && !candidates[0].copies) return [candidates[0].summary.source];
  const files = new Set<string>();
  for (const candidate of candidates) {
    files.add(candidate.summary.source);
    if (candidate.copies) for (const file of candidate.copies) files.add(file);
  }
  return [...files];
}

interface Group {
  target: OwnerTarget;
  namespace: string;
  members: K8sCandidate[];
}

/** Reports a candidate that cannot become (part of) a workload. */
export type RejectCandidate = (candidate: K8sCandidate, message: string) => void;

/**
 * Builds workloads from de-duplicated candidates, in input order. The nesting limit is checked
 * here, on what a workload exposes, so children folded into a listed controller cost nothing.
 */
export function foldCandidates(candidates: readonly K8sCandidate[], cluster: string, reject: RejectCandidate): Map<K8sCandidate, Workload> {
  const present = new Set(candidates.map((c) => c.key));
  const groups = new Map<string, Group>();
  const leaders = new Map<K8sCandidate, Group | null>();
  for (const candidate of candidates) {
    const resolution = resolveOwner(candidate, present);
    if (resolution.type === "folded") continue;
    if (resolution.type === "self") {
      leaders.set(candidate, null);
      continue;
    }
    const key = `${candidate.namespace}/${resolution.target.kind}/${resolution.target.name}`;
    const group = groups.get(key);
    if (group) group.members.push(candidate);
    else {
      const created = { target: resolution.target, namespace: candidate.namespace, members: [candidate] };
      groups.set(key, created);
      leaders.set(candidate, created);
    }
  }
  const out = new Map<K8sCandidate, Workload>();
  const isTooDeep = (candidate: K8sCandidate, ...parts: unknown[]) => {
    if (!parts.some((part) => exceedsDepth(part, MAX_DEPTH))) return false;
    reject(candidate, `${candidate.kind} ${candidate.namespace}/${candidate.name} nests deeper than ${MAX_DEPTH} levels`);
    return true;
  };
  for (const [candidate, group] of leaders) {
    if (!group) {
      if (!isTooDeep(candidate, candidate.object)) out.set(candidate, workloadOf(candidate, cluster));
      continue;
    }
    // Only a member's pod spec and metadata reach the workload (the object is a stand-in).
    group.members = group.members.filter((member) => {
      const paths = WORKLOAD_KINDS[member.kind];
      return !isTooDeep(member, getPath(member.object, paths.spec), getPath(member.object, paths.metadata));
    });
    if (group.members.length > 0) out.set(candidate, groupWorkload(group, cluster));
  }
  return out;
}

function groupWorkload(group: Group, cluster: string): Workload {
  const { target, namespace } = group;
  const first = group.members[0];
  // Old ReplicaSets scaled to 0 are history, not what runs.
  const live = group.members.filter((m) => m.kind === "Pod" || nonNegative(getPath(m.object, "spec.replicas")) !== 0);
  const members = live.length > 0 ? live : group.members;
  const metadata = asObject(first.object.metadata) ?? {};
  const firstPod = podRefOf(first);
  const labels =
    first.kind === "Pod" ? stringRecord(metadata.labels) : { ...stringRecord(metadata.labels), ...stringRecord(firstPod.metadata.labels) };
  for (const label of REPLICA_LABELS) delete labels[label];
  const annotations = stringRecord(metadata.annotations);
  let replicas = 0;
  for (const member of members) replicas += replicasOf(member);
  return {
    id: workloadId(cluster, namespace, target.kind, target.name),
    platform: "kubernetes",
    kind: target.kind,
    namespace,
    name: target.name,
    source: sourceOf(first),
    sources: sourcesOf(group.members),
    labels,
    annotations,
    object: { apiVersion: target.apiVersion, kind: target.kind, metadata: { name: target.name, namespace, labels, annotations } },
    pathPrefix: "",
    pods: distinctPods(members),
    replicas: target.kind === "CronJob" ? 1 : replicas,
    perNode: target.kind === "DaemonSet",
    team: teamOf(labels),
  };
}

function distinctPods(members: readonly K8sCandidate[]): PodTemplateRef[] {
  const refs: PodTemplateRef[] = [];
  const normalised: JsonObject[] = [];
  const keys = new Set<string>();
  for (const member of members) {
    const ref = podRefOf(member);
    const spec = normaliseSpec(ref.spec, member.kind === "Pod" ? member.name : undefined);
    if (normalised.length < PAIRWISE_LIMIT) {
      if (normalised.some((other) => equalValues(other, spec, MAX_DEPTH))) continue;
      normalised.push(spec);
      if (normalised.length === PAIRWISE_LIMIT) for (const s of normalised) keys.add(JSON.stringify(s));
    } else {
      const key = JSON.stringify(spec);
      if (keys.has(key)) continue;
      keys.add(key);
    }
    refs.push(ref);
  }
  return refs;
}

const NOISE_FIELDS = new Set(["nodeName", "hostname", "subdomain"]);
const CONTAINER_FIELDS = ["containers", "initContainers", "ephemeralContainers"];

function isGeneratedVolume(name: unknown): boolean {
  return typeof name === "string" && name.startsWith("kube-api-access-");
}

/**
 * A shallow copy of a pod spec without per-replica noise: node placement, hostname, the generated
 * service-account token volume and its mounts, StatefulSet claim names and the node pinning a
 * DaemonSet controller writes into each Pod.
 */
export function normaliseSpec(spec: JsonObject, podName: string | undefined): JsonObject {
  const out: JsonObject = {};
  for (const key in spec) {
    if (NOISE_FIELDS.has(key)) continue;
    const value = spec[key];
    if (key === "volumes" && Array.isArray(value))
      out.volumes = value.filter((v) => !(isObject(v) && isGeneratedVolume(v.name))).map((v) => normaliseVolume(v, podName));
    else if (CONTAINER_FIELDS.includes(key) && Array.isArray(value)) out[key] = value.map(normaliseContainer);
    else if (key === "affinity" && isObject(value)) out.affinity = normaliseAffinity(value);
    else out[key] = value;
  }
  return out;
}

function normaliseVolume(volume: unknown, podName: string | undefined): unknown {
  const claim = isObject(volume) ? asObject(volume.persistentVolumeClaim) : undefined;
  const claimName = asString(claim?.claimName);
  if (!podName || !claim || !claimName?.endsWith(`-${podName}`)) return volume;
  return { ...(volume as JsonObject), persistentVolumeClaim: { ...claim, claimName: claimName.slice(0, -podName.length) } };
}

function normaliseContainer(container: unknown): unknown {
  if (!isObject(container) || !Array.isArray(container.volumeMounts)) return container;
  if (!container.volumeMounts.some((m) => isObject(m) && isGeneratedVolume(m.name))) return container;
  return { ...container, volumeMounts: container.volumeMounts.filter((m) => !(isObject(m) && isGeneratedVolume(m.name))) };
}

function normaliseAffinity(affinity: JsonObject): JsonObject {
  const terms = getPath(affinity, "nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms");
  if (!Array.isArray(terms)) return affinity;
  const nodeAffinity = affinity.nodeAffinity as JsonObject;
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution as JsonObject;
  const cleaned = terms.map((term) => (isObject(term) && "matchFields" in term ? { ...term, matchFields: undefined } : term));
  return {
    ...affinity,
    nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { ...required, nodeSelectorTerms: cleaned } },
  };
}

/** Structural equality of JSON values, bounded in depth (too deep counts as different). */
export function equalValues(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || depth <= 0) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i], depth - 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as JsonObject;
  const y = b as JsonObject;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count++;
    if (!equalValues(x[key], y[key], depth - 1)) return false;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}
