// Size limits on the fields every page shows (names, labels, annotations). Kubernetes enforces these on
// every object it stores, so an object over them did not come from a cluster; without them one 30 MB
// name made every page that lists workloads tens of megabytes. Docker and Compose set no hard limits:
// the same bounds apply (far above anything real).
import { asObject, getPath, isObject } from "./values";
import type { JsonObject } from "./types";

/** metadata.name (a DNS subdomain): 253 characters. Also Docker container and Compose service/project names. */
export const MAX_NAME_LENGTH = 253;
/** metadata.namespace (a DNS label): 63 characters. */
export const MAX_NAMESPACE_LENGTH = 63;
/** A label value: 63 characters. */
export const MAX_LABEL_VALUE_LENGTH = 63;
/** A label key: a 253-character prefix, "/", a 63-character name. */
export const MAX_LABEL_KEY_LENGTH = 317;
/** Annotations: 256 KiB of keys and values in total per object (Docker/Compose: labels in total). */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** A description of the first limit `value` breaks (its length, never its text), or null. */
export function nameLimitProblem(value: unknown, field: string, max = MAX_NAME_LENGTH): string | null {
  return typeof value === "string" && value.length > max ? `${field} is ${value.length} characters long (at most ${max})` : null;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Total size of a string map's keys and values, stopping once past `max`. */
function mapBytesOver(map: JsonObject, max: number): number | null {
  let total = 0;
  for (const key in map) {
    const value = map[key];
    total += byteLength(key) + (typeof value === "string" ? byteLength(value) : byteLength(JSON.stringify(value) ?? ""));
    if (total > max) return total;
  }
  return null;
}

function labelsProblem(labels: unknown, field: string): string | null {
  if (!isObject(labels)) return null;
  for (const key in labels) {
    if (key.length > MAX_LABEL_KEY_LENGTH) return `a key of ${field} is ${key.length} characters long (at most ${MAX_LABEL_KEY_LENGTH})`;
    const value = labels[key];
    const text = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
    if (text.length > MAX_LABEL_VALUE_LENGTH) {
      return `${field}.${key.length > 63 ? `${key.slice(0, 60)}...` : key} is ${text.length} characters long (at most ${MAX_LABEL_VALUE_LENGTH})`;
    }
  }
  return null;
}

function annotationsProblem(annotations: unknown, field: string): string | null {
  if (!isObject(annotations)) return null;
  const over = mapBytesOver(annotations, MAX_ANNOTATIONS_BYTES);
  return over === null
    ? null
    : `${field} hold more than ${MAX_ANNOTATIONS_BYTES / 1024} KiB (at most ${MAX_ANNOTATIONS_BYTES / 1024} KiB in total)`;
}

/**
 * The first Kubernetes limit the object breaks, in its metadata or in its pod template's metadata
 * (`templateMetadataPath`, e.g. "spec.template.metadata"), or null.
 */
export function kubernetesLimitProblem(object: JsonObject, templateMetadataPath?: string): string | null {
  const metadata = asObject(object.metadata) ?? {};
  const problem =
    nameLimitProblem(metadata.name, "metadata.name") ??
    nameLimitProblem(metadata.generateName, "metadata.generateName") ??
    nameLimitProblem(metadata.namespace, "metadata.namespace", MAX_NAMESPACE_LENGTH) ??
    labelsProblem(metadata.labels, "metadata.labels") ??
    annotationsProblem(metadata.annotations, "metadata.annotations");
  if (problem !== null || !templateMetadataPath || templateMetadataPath === "metadata") return problem;
  const template = asObject(getPath(object, templateMetadataPath));
  if (!template) return null;
  return (
    labelsProblem(template.labels, `${templateMetadataPath}.labels`) ??
    annotationsProblem(template.annotations, `${templateMetadataPath}.annotations`)
  );
}

/** Docker: the container name and its labels in total. */
export function dockerLimitProblem(name: string, labels: unknown): string | null {
  return nameLimitProblem(name, "Name") ?? annotationsProblem(labels, "Config.Labels");
}

/** Compose: the service and project names, and the service's labels in total. */
export function composeLimitProblem(service: string, project: string | null, labels: unknown): string | null {
  return (
    nameLimitProblem(service, "the service name") ?? nameLimitProblem(project, "the project name") ?? annotationsProblem(labels, "labels")
  );
}
