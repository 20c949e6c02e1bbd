// The line of a finding's field in its source file, for SARIF: the file is parsed again (YAML reads
// JSON too) with positions, each object found where the parser said it starts (a document, an item
// of a `kind: List`/`items` list or of a top-level array), and the finding path walked from there.
// Where the field is absent (a missing limit), the nearest existing ancestor's line is given.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import { parsePath } from "./path";

/** Larger files (cluster dumps) are not parsed a second time (the yaml package reads ~2.5 MB/s): their findings point at the object's first line. */
export const MAX_LINE_LOOKUP_BYTES = 2 ** 20;

export type LineFinder = (objectLine: number | null, path: string) => number | null;

function nodeAt(node: unknown, key: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof key === "number") return { key: node.items[key], value: node.items[key] };
  return undefined;
}

export function lineFinder(text: string): LineFinder {
  const counter = new LineCounter();
  const line = (node: unknown) => {
    const range = (node as Node | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line : null;
  };
  const objects: { line: number; node: Node }[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false })) {
    if (!("contents" in doc)) continue;
    const root = doc.contents;
    const add = (node: unknown) => {
      const at = line(node);
      if (at !== null && isMap(node)) objects.push({ line: at, node });
    };
    add(root);
    const items = isMap(root) ? root.get("items", true) : isSeq(root) ? root : undefined;
    if (isSeq(items)) for (const item of items.items) add(item);
  }
  objects.sort((a, b) => a.line - b.line);
  return (objectLine, path) => {
    // The first object starting at or after the line the parser gave (a document may start at `---`).
    const entry = objectLine === null ? objects[0] : objects.find((o) => o.line >= objectLine);
    if (!entry) return objectLine;
    let node: unknown = entry.node;
    let found = entry.line;
    for (const segment of parsePath(path)) {
      const next = nodeAt(node, segment) as { key: unknown; value: unknown } | undefined;
      if (!next) break;
      found = line(next.key) ?? found;
      node = next.value;
    }
    return found;
  };
}
