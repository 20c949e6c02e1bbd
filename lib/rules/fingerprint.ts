// The finding fingerprint (shared/spec/kata-rules.md, "Finding fingerprint", catalog 1.1): stays the
// same across uploads while the finding is the same, so decisions (status, owner, waiver) can follow it.
// It hashes rule id + workload identity + container name + the field path with array indices replaced
// by the element's own name, so reordering or adding containers, volumes or mounts changes nothing.
import { hash } from "node:crypto";
import type { JsonObject, Workload } from "../inventory/types";
import type { Finding } from "./types";

/** Which field names an element of a list, by the list's key; `name` for any other list of objects. */
const ELEMENT_KEYS: Record<string, readonly string[]> = {
  volumeMounts: ["mountPath", "name"],
  volumeDevices: ["devicePath", "name"],
  ports: ["containerPort", "target", "published"],
  // Docker inspect and Compose long syntax.
  Mounts: ["Destination", "Target"],
  Devices: ["PathInContainer", "PathOnHost"],
  volumes: ["name", "target"],
};
const DEFAULT_KEYS: readonly string[] = ["name"];
const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

type Token = { key: string } | { index: number } | { quoted: string };

/** `a.b[2]["x.y"].c` -> tokens; a path it cannot read is returned whole as one key (kept verbatim). */
function tokenize(path: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      i++;
      continue;
    }
    if (c === "[") {
      const end = path.indexOf("]", i);
      if (end === -1) return [{ key: path }];
      const inner = path.slice(i + 1, end);
      if (/^\d+$/.test(inner)) tokens.push({ index: Number(inner) });
      else if (inner.startsWith('"')) {
        // A quoted key may hold "]": find its closing quote first.
        const close = findClosingQuote(path, i + 1);
        if (close === -1) return [{ key: path }];
        tokens.push({ quoted: path.slice(i + 1, close + 1) });
        i = close + 2;
        continue;
      } else tokens.push({ quoted: JSON.stringify(inner) });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
    tokens.push({ key: path.slice(i, end) });
    i = end;
  }
  return tokens;
}

function findClosingQuote(path: string, open: number): number {
  for (let i = open + 1; i < path.length; i++) {
    if (path[i] === "\\") i++;
    else if (path[i] === '"') return path[i + 1] === "]" ? i : -1;
  }
  return -1;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `[key=value]` for an element that names itself, else undefined. */
function elementName(list: string, element: unknown): string | undefined {
  if (typeof element === "string" || typeof element === "number") return `[=${element}]`;
  if (!isObject(element)) return undefined;
  for (const key of ELEMENT_KEYS[list] ?? DEFAULT_KEYS) {
    const value = element[key];
    if (typeof value === "string" || typeof value === "number") return `[${key}=${value}]`;
  }
  return undefined;
}

/**
 * The path with indices replaced by names, resolved against `root` (the object the path starts
 * in). `container`: the finding's container, used for a container list whatever the object says.
 * Returns undefined when a container index does not lead to that container (wrong pod template).
 */
function normalise(tokens: readonly Token[], root: unknown, container: string | null): string | undefined {
  let out = "";
  let node: unknown = root;
  let parentKey = "";
  for (const token of tokens) {
    if ("index" in token) {
      const element = Array.isArray(node) ? node[token.index] : undefined;
      if (CONTAINER_LISTS.has(parentKey) && container !== null) {
        const named = isObject(element) ? element.name : undefined;
        if (named !== undefined && named !== container) return undefined;
        out += `[name=${container}]`;
      } else out += elementName(parentKey, element) ?? `[${token.index}]`;
      node = element;
      continue;
    }
    const key = "key" in token ? token.key : (JSON.parse(token.quoted) as string);
    out += "key" in token ? (out ? `.${key}` : key) : `[${token.quoted}]`;
    node = isObject(node) ? node[key] : undefined;
    parentKey = key;
  }
  return out;
}

/** The finding's path with array indices replaced by element names (the fingerprint's path part). */
export function stablePath(workload: Workload, finding: Pick<Finding, "path" | "container">): string {
  const { path, container } = finding;
  const prefix = workload.pathPrefix;
  // Compose paths start with `services.<name>` while the object is the service itself.
  if (prefix && (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))) {
    const rest = path.slice(prefix.length);
    const normal = normalise(tokenize(rest), workload.object, container);
    if (normal === undefined) return path;
    return normal === "" || normal.startsWith("[") ? prefix + normal : `${prefix}.${normal}`;
  }
  const tokens = tokenize(path);
  // Folded Pods: each pod template's paths start in the object it came from, and two Pods of one
  // owner may list their containers in another order. Take the template the container belongs to.
  for (const pod of workload.pods) {
    if (!path.startsWith(`${pod.path}.`)) continue;
    const rest = tokenize(path.slice(pod.path.length + 1));
    const normal = normalise(rest, pod.spec, container);
    if (normal !== undefined) return `${pod.path}.${normal}`;
  }
  return normalise(tokens, workload.object, container) ?? normalise(tokens, undefined, container) ?? path;
}

/** The fingerprint: the same while the finding is the same, whatever its position in lists. */
export function fingerprint(workload: Workload, finding: Pick<Finding, "ruleId" | "path" | "container">): string {
  const key = `${finding.ruleId}\u0000${workload.id}\u0000${finding.container ?? ""}\u0000${stablePath(workload, finding)}`;
  return hash("sha256", key, "base64url");
}
