// Small readers for untyped JSON values: inputs are untrusted, so every field is checked.
import type { JsonObject } from "./types";

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** The string-valued entries of a labels/annotations-like map (numbers and booleans stringified). */
export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const key in value) {
    const v = value[key];
    if (typeof v === "string") out[key] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[key] = String(v);
  }
  return out;
}

const SPLIT_PATHS = new Map<string, string[]>();

/** `obj.a.b.c` for a dotted path, or undefined. */
export function getPath(object: JsonObject, path: string): unknown {
  let keys = SPLIT_PATHS.get(path);
  if (!keys) {
    keys = path.split(".");
    // Paths are a handful of constants; the bound only guards against misuse.
    if (SPLIT_PATHS.size < 256) SPLIT_PATHS.set(path, keys);
  }
  let current: unknown = object;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** True when arrays/objects nest deeper than `limit` (bounded: stops at the limit). */
export function exceedsDepth(value: unknown, limit: number): boolean {
  if (limit <= 0) return typeof value === "object" && value !== null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null && exceedsDepth(item, limit - 1)) return true;
    }
    return false;
  }
  if (typeof value !== "object" || value === null) return false;
  const object = value as JsonObject;
  for (const key in object) {
    const item = object[key];
    if (typeof item === "object" && item !== null && exceedsDepth(item, limit - 1)) return true;
  }
  return false;
}

/** "a mapping with keys a, b, c", for messages about input that was not recognised. */
export function describeValue(value: unknown, depth = 3): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    // Bounded: a 200k-deep nest of lists must not overflow the stack while being described.
    if (depth <= 0) return `a list of ${value.length} item(s)`;
    const first = value.find((item) => item !== null && item !== undefined);
    return `a list of ${value.length} item(s), the first ${describeValue(first, depth - 1)}`;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty mapping";
    const shown = keys.slice(0, 6).join(", ");
    return `a mapping with keys ${shown}${keys.length > 6 ? ", ..." : ""}`;
  }
  if (typeof value === "string") return `a text scalar "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return `a ${value === null ? "null" : typeof value} value`;
}

/** The public workload identity `cluster/namespace/Kind/name`; Docker containers have no namespace. */
export function workloadId(cluster: string, namespace: string | null, kind: string, name: string): string {
  return `${cluster}/${namespace ?? ""}/${kind}/${name}`;
}
