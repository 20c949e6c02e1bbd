// Text to JS values, one per document, with the line numbers the rest of the parser reports.
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type Document, type Node as YamlNode } from "yaml";
import { locateJsonError, linesOf, scanItemOffsets } from "./json-scan";
import { JSON_LINE_SCAN_BYTES, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES, MAX_YAML_BYTES } from "./limits";

export interface SourceDoc {
  value: unknown;
  /** 1-based line where the document (or JSON value) starts. */
  line?: number;
  /** Lines of a top-level array's items, or of a List's `items`, by index. */
  itemLines?: (number | undefined)[];
  /** Lines of top-level mapping keys, and of `services.<name>` keys as "services.<name>". */
  keyLines?: Map<string, number>;
  /**
   * A JSON List read item by item: `value.items` is empty and `read(i)` parses item i, so a big
   * cluster dump's whole tree is never in memory at once (see json-list.ts).
   */
  listItems?: { count: number; read(index: number): unknown };
}

export interface SyntaxProblem {
  line?: number;
  column?: number;
  message: string;
}

export interface ReadResult {
  syntax: "json" | "yaml";
  docs: SourceDoc[];
  errors: SyntaxProblem[];
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : -1;
}

export function readDocuments(text: string): ReadResult {
  const start = firstNonSpace(text);
  if (start === -1) return { syntax: "yaml", docs: [], errors: [] };
  const c = text[start];
  return c === "{" || c === "[" ? readJson(text, start) : readYaml(text);
}

function hasItems(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  return typeof value === "object" && value !== null && Array.isArray((value as Record<string, unknown>).items);
}

function readJson(text: string, start: number): ReadResult {
  try {
    const value: unknown = JSON.parse(text);
    const doc: SourceDoc = { value, line: linesOf(text, [start])[0]?.line };
    if (text.length <= JSON_LINE_SCAN_BYTES && hasItems(value)) {
      doc.itemLines = linesOf(text, scanItemOffsets(text)).map((position) => position?.line);
    }
    return { syntax: "json", docs: [doc], errors: [] };
  } catch {
    return isJsonLines(text) ? readJsonLines(text) : readJsonValues(text, start);
  }
}

const JSON_LINE = /^\s*(?:\{.*\}|\[.*\])\s*$|^\s*$/;

/** JSON Lines (`docker ps --format json`): every line a value; garbage lines are their own error. */
function isJsonLines(text: string): boolean {
  const lines = text.split("\n", 3);
  if (lines.length < 2) return false;
  const [first, second] = lines;
  return JSON_LINE.test(first) && /^\s*[{[]/.test(second) && isCompleteJson(first);
}

function readJsonLines(text: string): ReadResult {
  const docs: SourceDoc[] = [];
  const errors: SyntaxProblem[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      docs.push({ value: JSON.parse(line) as unknown, line: index + 1 });
    } catch {
      const problem = locateJsonError(line);
      errors.push({ line: index + 1, column: (problem?.offset ?? 0) + 1, message: `invalid JSON: ${problem?.message ?? "unreadable line"}` });
    }
  });
  return { syntax: "json", docs, errors };
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Several JSON values one after another (JSON Lines, or `docker inspect a; docker inspect b`). */
function readJsonValues(text: string, start: number): ReadResult {
  const values: { value: unknown; offset: number }[] = [];
  const errors: { offset: number; message: string }[] = [];
  let pos = start;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const problem = locateJsonError(rest);
    const length = problem === null ? rest.length : problem.trailing ? problem.offset : -1;
    let value: unknown;
    try {
      value = length === -1 ? undefined : JSON.parse(rest.slice(0, length));
    } catch {
      // Only if this scanner accepted what JSON.parse refuses.
    }
    if (value === undefined) {
      const offset = pos + (problem?.offset ?? 0);
      errors.push({ offset, message: `invalid JSON: ${problem?.message ?? "unreadable value"}` });
      if (values.length === 0) break;
      // Carry on at the next line that starts a value, as a person reading the file would.
      const next = /\n[ \t]*[{[]/g;
      next.lastIndex = offset;
      const found = next.exec(text);
      if (!found) break;
      pos = found.index + 1;
      continue;
    }
    values.push({ value, offset: pos });
    pos += length;
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  const offsets = [...values.map((v) => v.offset), ...errors.map((e) => e.offset)].sort((a, b) => a - b);
  const computed = linesOf(text, offsets);
  const positions = new Map(offsets.map((offset, i) => [offset, computed[i]] as const));
  return {
    syntax: "json",
    docs: values.map(({ value, offset }) => ({ value, line: positions.get(offset)?.line })),
    errors: errors.map(({ offset, message }) => ({ line: positions.get(offset)?.line, column: positions.get(offset)?.column, message })),
  };
}

function readYaml(text: string): ReadResult {
  if (text.length > MAX_YAML_BYTES) {
    return { syntax: "yaml", docs: [], errors: [{ message: `YAML file over the ${MAX_YAML_BYTES / 2 ** 20} MiB limit: export it as JSON (-o json), which is read faster and up to ${MAX_FILE_BYTES / 2 ** 20} MiB` }] };
  }
  const deep = findDeepNesting(text);
  if (deep !== -1) {
    const position = linesOf(text, [deep])[0];
    return { syntax: "yaml", docs: [], errors: [{ ...position, message: `nesting deeper than a real inventory has (over ${MAX_DEPTH} flow or ${MAX_BLOCK_DEPTH} block levels): refused` }] };
  }
  const lineCounter = new LineCounter();
  const docs: SourceDoc[] = [];
  const errors: SyntaxProblem[] = [];
  // Streaming (Parser -> Composer) rather than parseAllDocuments: each document's syntax tree is
  // dropped once converted, which keeps big `kubectl get -o yaml` dumps within memory.
  const composer = new Composer({ uniqueKeys: false, merge: true });
  try {
    for (const document of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
      readYamlDocument(document as Document.Parsed, lineCounter, docs, errors);
    }
  } catch (error) {
    errors.push({ message: `YAML could not be read: ${describeThrown(error)}` });
  }
  return { syntax: "yaml", docs, errors };
}

function readYamlDocument(document: Document.Parsed, lineCounter: LineCounter, docs: SourceDoc[], errors: SyntaxProblem[]): void {
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const contents = document.contents as YamlNode | null;
  const line = lineAt(contents?.range?.[0] ?? document.range[0]);
  if (document.errors.length > 0) {
    const [first] = document.errors;
    const position = lineCounter.linePos(first.pos[0]);
    errors.push({ line: position.line, column: position.col, message: `invalid YAML: ${cleanYamlMessage(first.message)}` });
    return;
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many YAML aliases (over ${MAX_ALIAS_COUNT} expansions): an alias bomb?`
        : `YAML document could not be read: ${describeThrown(error)}`;
    errors.push({ line, message });
    return;
  }
  docs.push({ value, line, ...nodeLines(contents, lineAt) });
}

function nodeLines(contents: YamlNode | null, lineAt: (offset: number) => number): Pick<SourceDoc, "itemLines" | "keyLines"> {
  if (isSeq(contents)) return { itemLines: contents.items.map((item) => lineOfNode(item, lineAt)) };
  if (!isMap(contents)) return {};
  const keyLines = new Map<string, number>();
  let itemLines: (number | undefined)[] | undefined;
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const line = lineOfNode(pair.key, lineAt);
    if (line !== undefined) keyLines.set(key, line);
    if (key === "items" && isSeq(pair.value)) itemLines = pair.value.items.map((item) => lineOfNode(item, lineAt));
    if (key === "services" && isMap(pair.value)) {
      for (const service of pair.value.items) {
        const serviceLine = isScalar(service.key) ? lineOfNode(service.key, lineAt) : undefined;
        if (serviceLine !== undefined) keyLines.set(`services.${String((service.key as { value: unknown }).value)}`, serviceLine);
      }
    }
  }
  return { itemLines, keyLines };
}

function lineOfNode(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineAt(range[0]) : undefined;
}

/** "Map keys must be unique at line 3, column 1:\n\n<excerpt>" -> "Map keys must be unique". */
function cleanYamlMessage(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
}

function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return "nesting too deep";
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

/** Block nesting allowed: indentation levels plus compact "- - x" levels. */
const MAX_BLOCK_DEPTH = 2 * MAX_DEPTH;

/**
 * Offset where nesting goes past the limits, or -1. The yaml package recurses per level and
 * overflows the stack near 900 levels; a stack overflow inside it can leave V8 unable to compile
 * regexps afterwards (a fatal error), so hostile nesting is refused before parsing.
 */
function findDeepNesting(text: string): number {
  let depth = 0;
  // Last significant character before the current one on this line ("" at line start).
  let previous = "";
  const indents: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    if (atLineStart) {
      atLineStart = false;
      if (depth === 0 && blockLevels(text, i, indents) > MAX_BLOCK_DEPTH) return i;
    }
    const c = text[i];
    if (c === "\n") {
      previous = "";
      atLineStart = true;
      if (depth > 0 && text.startsWith("---", i + 1)) depth = 0;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf("\n", i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    const atValueStart = previous === "" || previous === ":" || previous === "-" || previous === "," || previous === "[" || previous === "{" || previous === "?";
    if ((c === "[" || c === "{") && (depth > 0 || atValueStart)) {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if (depth > 0 && (c === "]" || c === "}")) depth--;
    else if (depth > 0 && (c === '"' || c === "'") && atValueStart) {
      const end = skipQuoted(text, i);
      if (end === -1) break;
      i = end;
    }
    previous = c;
  }
  return -1;
}

/** Block nesting level of the line starting at `start`, updating the stack of open indents. */
function blockLevels(text: string, start: number, indents: number[]): number {
  let j = start;
  while (text[j] === " ") j++;
  const next = text[j];
  if (next === undefined || next === "\n" || next === "\r" || next === "#") return 0;
  const indent = j - start;
  while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
  indents.push(indent);
  let levels = indents.length;
  for (let k = j; (text[k] === "-" || text[k] === "?") && text[k + 1] === " "; k += 2) {
    levels++;
    while (text[k + 2] === " ") k++;
  }
  return levels;
}

function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\" && quote === '"') j++;
    else if (text[j] === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}
