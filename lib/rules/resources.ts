// Container resources (limits/requests) with exact field paths, for the sizing-related rules.
import { parseQuantity } from "../inventory/quantity";
import type { PodTemplateRef } from "../inventory/types";
import { containersOf, isObject, keyPath, RecentMemo, type ContainerRef } from "./walk";

/** Containers that can carry resources: ephemeral containers cannot. */
export const RESOURCE_KINDS = ["containers", "initContainers"] as const;

export interface ContainerResources {
  container: ContainerRef;
  limits: Record<string, unknown>;
  requests: Record<string, unknown>;
  /** e.g. "spec.template.spec.containers[0].resources.limits" */
  limitsPath: string;
  requestsPath: string;
}

export function resourcesOf(container: ContainerRef): ContainerResources {
  const resources = isObject(container.container.resources) ? container.container.resources : {};
  return {
    container,
    limits: isObject(resources.limits) ? resources.limits : {},
    requests: isObject(resources.requests) ? resources.requests : {},
    limitsPath: `${container.path}.resources.limits`,
    requestsPath: `${container.path}.resources.requests`,
  };
}

// Several rules ask for the same pod's resources in a row (see RecentMemo).
const podResourcesMemo = new RecentMemo(4, (pod: PodTemplateRef): readonly ContainerResources[] => containersOf(pod, RESOURCE_KINDS).map(resourcesOf));

/** Resources of the containers and init containers of a pod (shared, read-only result). */
export function podResources(pod: PodTemplateRef): readonly ContainerResources[] {
  return podResourcesMemo.get(pod);
}

export interface LimitEntry {
  container: ContainerRef;
  name: string;
  value: unknown;
  /** e.g. `spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"]` */
  path: string;
}

/**
 * Every `resources.limits` entry of every container kind: the API rejects resources on ephemeral
 * containers, but an inventory is not always API-validated, so device requests there still count.
 */
export function limitEntries(pod: PodTemplateRef): LimitEntry[] {
  const out: LimitEntry[] = [];
  for (const container of containersOf(pod)) {
    const resources = resourcesOf(container);
    for (const name in resources.limits) {
      out.push({ container: resources.container, name, value: resources.limits[name], path: limitPath(resources, name) });
    }
  }
  return out;
}

export function hasQuantity(map: Record<string, unknown>, name: string): boolean {
  return parseQuantity(map[name]) !== undefined;
}

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
  return all.every((r) =>
    ["cpu", "memory"].every((name) => {
      const limit = parseQuantity(r.limits[name]);
      if (limit === undefined) return false;
      const request = r.requests[name] === undefined ? limit : parseQuantity(r.requests[name]);
      return request === limit;
    }),
  );
}
