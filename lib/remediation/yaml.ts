// Renders a manifest as YAML and maps field paths to the lines they occupy, so the UI can mark
// the fields a finding points at.
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { formatPath, parsePath, type PathSegment } from "./path";

export interface YamlComment {
  path: readonly PathSegment[];
  text: string;
}

export function renderYaml(value: unknown, comments: readonly YamlComment[] = []): string {
  const doc = new Document(value);
  for (const comment of comments) {
    const node = doc.getIn(comment.path, true);
    if (isNode(node)) node.comment = ` ${comment.text}`;
  }
  return doc.toString({ lineWidth: 0 });
}

/** Canonical path -> 1-based line of the key (map entries) or of the item (sequence entries). */
export type PathLineMap = Map<string, number>;

export function mapPathsToLines(yamlText: string): PathLineMap {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines: PathLineMap = new Map();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;

  const walk = (node: unknown, segments: PathSegment[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const path = [...segments, key];
        const range = (pair.key as Node | null)?.range;
        if (range) lines.set(formatPath(path), lineOf(range[0]));
        walk(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const path = [...segments, index];
        const range = (item as Node | null)?.range;
        if (range) lines.set(formatPath(path), lineOf(range[0]));
        walk(item, path);
      });
    }
  };
  walk(doc.contents, []);
  return lines;
}

export interface PathLine {
  line: number;
  /** False when the field itself is absent (e.g. a missing limit) and an ancestor's line is given. */
  exact: boolean;
}

/** The line of a finding path, or of its nearest existing ancestor. */
export function findPathLine(lines: PathLineMap, path: string): PathLine | null {
  const segments = parsePath(path);
  for (let length = segments.length; length > 0; length--) {
    const line = lines.get(formatPath(segments.slice(0, length)));
    if (line !== undefined) return { line, exact: length === segments.length };
  }
  return null;
}
