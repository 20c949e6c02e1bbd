// Finding field paths (`spec.template.spec.containers[1].volumeMounts[0].subPath`,
// `metadata.annotations["istio.io/dataplane-mode"]`) as segments, and object access by them.
import type { JsonObject } from "../inventory/types";

export type PathSegment = string | number;

/** Splits a finding path into keys and indexes; `["a.b"]` keeps dots inside quoted keys. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const char = path[i];
    if (char === ".") {
      i++;
    } else if (char === "[") {
      const end = findBracketEnd(path, i);
      const inner = path.slice(i + 1, end);
      segments.push(/^\d+$/.test(inner) ? Number(inner) : parseQuotedKey(inner));
      i = end + 1;
    } else {
      let end = i;
      while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

function findBracketEnd(path: string, start: number): number {
  if (path[start + 1] === '"') {
    let i = start + 2;
    while (i < path.length && path[i] !== '"') i += path[i] === "\\" ? 2 : 1;
    const close = path.indexOf("]", i);
    return close < 0 ? path.length : close;
  }
  const close = path.indexOf("]", start);
  return close < 0 ? path.length : close;
}

function parseQuotedKey(inner: string): string {
  if (!inner.startsWith('"')) return inner;
  try {
    return JSON.parse(inner) as string;
  } catch {
    return inner.slice(1, -1);
  }
}

/** One canonical spelling, so paths from the rules and from the YAML walk compare equal. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      if (/^[A-Za-z_$][\w$-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join("");
}

export function getIn(root: unknown, segments: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
      current = (current as JsonObject)[segment];
    }
  }
  return current;
}

/** Wraps a Compose service under its path prefix (`services.web`), so finding paths resolve from the root. */
export function wrapInPrefix(object: JsonObject, pathPrefix: string): JsonObject {
  if (!pathPrefix) return object;
  return parsePath(pathPrefix)
    .reverse()
    .reduce<JsonObject>((inner, segment) => ({ [String(segment)]: inner }), object);
}
