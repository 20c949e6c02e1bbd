// The strategic-merge-patch subset our migration patches use, both ways: `diffStrategic` writes the
// patch from an object and its changed copy, `applyStrategic` applies one (the tests use it to
// check a patch does what it says). Lists Kubernetes merges by key are matched by that key, as
// kubectl and kustomize do; other lists are replaced whole; null deletes a field; a list that lost
// or re-keyed an element is sent whole with a `$patch: replace` item.
import type { JsonObject } from "../inventory/types";

/** patchMergeKey of the Kubernetes pod-spec lists our patches touch. */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  env: "name",
};

export const REPLACE_DIRECTIVE = { $patch: "replace" } as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function keyedBy(list: readonly unknown[], key: string): Map<unknown, JsonObject> | null {
  const map = new Map<unknown, JsonObject>();
  for (const item of list) {
    if (!isObject(item) || item[key] === undefined || map.has(item[key])) return null;
    map.set(item[key], item);
  }
  return map;
}

function diffList(field: string, before: unknown[], after: unknown[]): unknown[] | undefined {
  const key = MERGE_KEYS[field];
  const oldItems = key ? keyedBy(before, key) : null;
  const newItems = key ? keyedBy(after, key) : null;
  if (!key || !oldItems || !newItems || [...oldItems.keys()].some((k) => !newItems.has(k))) {
    // Not mergeable (or an element went away): the whole list, replacing the old one.
    return key ? [...after, REPLACE_DIRECTIVE] : after;
  }
  const out: unknown[] = [];
  for (const [k, item] of newItems) {
    const old = oldItems.get(k);
    if (!old) out.push(item);
    else if (!equal(old, item)) out.push({ [key]: k, ...diffObject(old, item) });
  }
  return out.length > 0 ? out : undefined;
}

/** The patch turning `before` into `after` (fields only; the caller adds apiVersion/kind/metadata). */
export function diffObject(before: JsonObject, after: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [field, value] of Object.entries(after)) {
    const old = before[field];
    if (equal(old, value)) continue;
    if (isObject(old) && isObject(value)) patch[field] = diffObject(old, value);
    else if (Array.isArray(old) && Array.isArray(value)) {
      const list = diffList(field, old, value);
      if (list !== undefined) patch[field] = list;
    } else patch[field] = value;
  }
  for (const field of Object.keys(before)) if (!(field in after)) patch[field] = null;
  return patch;
}

function applyList(field: string, target: unknown, patch: unknown[]): unknown[] {
  if (patch.some((item) => isObject(item) && item.$patch === "replace")) {
    return patch.filter((item) => !(isObject(item) && item.$patch === "replace"));
  }
  const key = MERGE_KEYS[field];
  if (!key || !Array.isArray(target)) return patch;
  const result = [...target];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex((old) => isObject(old) && old[key] === item[key]);
    if (index === -1) result.push(item);
    else result[index] = applyStrategic(result[index] as JsonObject, item);
  }
  return result;
}

/** Applies a patch made of the directives above to a copy of `target`. */
export function applyStrategic(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete result[field];
    else if (Array.isArray(value)) result[field] = applyList(field, result[field], value);
    else if (isObject(value)) result[field] = applyStrategic(isObject(result[field]) ? (result[field] as JsonObject) : {}, value);
    else result[field] = value;
  }
  return result;
}
