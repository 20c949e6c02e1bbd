// Container resources (limits/requests) with exact field paths, for the sizing-related rules.
import { parseQuantity } from "../inventory/quantity";
import type { PodTemplateRef } from "../inventory/types";
import { containersOf, isObject, keyPath, RecentMemo, type ContainerRef } from "./walk";

export interface ContainerResources {
  container: ContainerRef;
  limits: Record<string, unknown>;
  requests: Record<string, unknown>;
  /** e.g. "spec.template.spec.containers[0].resources.limits" */
  limitsPath: string;
}

export function resourcesOf(container: ContainerRef): ContainerResources {
  const resources = isObject(container.container.resources) ? container.container.resources : {};
  return {
    container,
    limits: isObject(resources.limits) ? resources.limits : {},
    requests: isObject(resources.requests) ? resources.requests : {},
    limitsPath: `${container.path}.resources.limits`,
  };
}

// Several rules ask for the same pod's resources in a row (see RecentMemo).
const podResourcesMemo = new RecentMemo(4, collectPodResources);

/** Containers and init containers: ephemeral containers cannot carry resources. */
function collectPodResources(pod: PodTemplateRef): readonly ContainerResources[] {
  const out: ContainerResources[] = [];
  for (const container of containersOf(pod)) if (container.kind !== "ephemeralContainers") out.push(resourcesOf(container));
  return out;
}

/** Resources of the containers and init containers of a pod (shared, read-only result). */
export function podResources(pod: PodTemplateRef): readonly ContainerResources[] {
  return podResourcesMemo.get(pod);
}

export interface LimitEntry {
  resources: ContainerResources;
  name: string;
  value: unknown;
}

// The device rules (gpu, device-plugin-resource) both read every limit of the same pod.
const limitEntriesMemo = new RecentMemo(4, collectLimitEntries);

/**
 * Every `resources.limits` entry of every container kind: the API rejects resources on ephemeral
 * containers, but an inventory is not always API-validated, so device requests there still count.
 * Shared, read-only result.
 */
export function limitEntries(pod: PodTemplateRef): readonly LimitEntry[] {
  return limitEntriesMemo.get(pod);
}

function collectLimitEntries(pod: PodTemplateRef): LimitEntry[] {
  const out: LimitEntry[] = [];
  // Container order: containers and init containers (already read by podResources), then ephemeral ones.
  for (const resources of podResources(pod)) addLimitEntries(out, resources);
  for (const container of containersOf(pod)) {
    if (container.kind === "ephemeralContainers") addLimitEntries(out, resourcesOf(container));
  }
  return out;
}

function addLimitEntries(out: LimitEntry[], resources: ContainerResources): void {
  for (const name in resources.limits) out.push({ resources, name, value: resources.limits[name] });
}

export function hasQuantity(map: Record<string, unknown>, name: string): boolean {
  return parseQuantity(map[name]) !== undefined;
}

/** e.g. `spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"]`; built for findings only. */
export function limitPath(resources: ContainerResources, name: string): string {
  return keyPath(resources.limitsPath, name);
}

/**
 * Kubernetes QoS class Guaranteed: every container and init container has CPU and memory limits,
 * and requests, where given, equal the limits (absent requests default to the limits).
 */
export function isGuaranteed(pod: PodTemplateRef): boolean {
  const all = podResources(pod);
  if (all.length === 0) return false;
  for (const r of all) if (!isRequestEqualToLimit(r, "cpu") || !isRequestEqualToLimit(r, "memory")) return false;
  return true;
}

function isRequestEqualToLimit(r: ContainerResources, name: string): boolean {
  const limit = parseQuantity(r.limits[name]);
  if (limit === undefined) return false;
  const request = r.requests[name] === undefined ? limit : parseQuantity(r.requests[name]);
  return request === limit;
}
