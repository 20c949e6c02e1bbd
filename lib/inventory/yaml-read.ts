// YAML text to JS values with js-yaml, one document at a time, with the line numbers and limits
// the rest of the parser relies on.
//
// js-yaml (4.x) parses about ten times faster than the `yaml` package and, like kubectl's reader,
// accepts what the spec is strict about (a quoted scalar continued at its key's indentation).
// Its `listener` sees every node open and close; that one pass gives the lines of top-level keys,
// of `services.<name>` and of the items of a top-level sequence or List, and counts alias uses
// and what they expand to, before a billion-laughs document can blow up in a later walk.
import { loadAll, YAMLException } from "js-yaml";
import type { State } from "js-yaml";
import { MAX_ALIAS_COUNT, MAX_ALIAS_NODES, MAX_DEPTH } from "./limits";
import { isCompose } from "./compose";
import type { JsonObject } from "./types";
import { isObject } from "./values";
import { COMPOSE_SCHEMA, KUBECTL_SCHEMA } from "./yaml-schema";
import type { SourceDoc, SyntaxProblem } from "./read-documents";

/** Block nesting allowed: indentation levels plus compact "- - x" levels, each node counted once. */
export const MAX_YAML_DEPTH = 2 * MAX_DEPTH;

/** What the listener sees beyond the typed `State` (js-yaml keeps these on it). */
interface ListenerState extends State {
  depth: number;
  anchor: string | null;
}

type Positions = Omit<SourceDoc, "value">;

class LimitError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Splits multi-document text at `---` lines (a document marker at column 0 ends any scalar, so this
 * is where a YAML parser splits too). Parsing each piece on its own keeps one bad document from
 * losing the rest, and lets each document's parse state go before the next. Directive lines (`%`)
 * just before a marker go with the document they introduce.
 */
function splitDocuments(text: string): { start: number; line: number }[] {
  const pieces = [{ start: 0, line: 1 }];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let line = 1;
  let counted = 0;
  for (let match = marker.exec(text); match !== null; match = marker.exec(text)) {
    let start = match.index;
    while (start > 0) {
      const previous = text.lastIndexOf("\n", start - 2) + 1;
      if (text[previous] !== "%") break;
      start = previous;
    }
    if (start <= pieces[pieces.length - 1].start) continue;
    line += countLines(text, counted, start);
    counted = start;
    pieces.push({ start, line });
  }
  return pieces;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Offset of the first character of the node that opened at `position` (past spaces and comments). */
function contentStart(input: string, position: number): number {
  for (let i = position; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x23) {
      const end = input.indexOf("\n", i);
      if (end === -1) return input.length;
      i = end - 1;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return i;
  }
  return input.length;
}

/** Line (0-based, in the piece) where the node that opened at `position` on `line` really starts. */
function contentLine(input: string, position: number, line: number): number {
  return line + countLines(input, position, contentStart(input, position));
}

/** Whether a `:` follows on the same line: the scalar that just closed is a mapping key. */
function isKey(input: string, position: number): boolean {
  for (let i = position; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}

const EMPTY_DOCUMENT = /^---[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t\r]*(?:#[^\n]*)?$/;
const NOTHING = /^(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t\r]*(?:#[^\n]*)?$/;

/** The documents of a YAML file, and whether there are several. */
export interface YamlDocuments {
  multiple: boolean;
  /**
   * Each document, or the syntax error that took its place, in file order. A document is parsed
   * only when the iteration reaches it, so one file's values need not all be in memory at once.
   */
  entries: Iterable<SourceDoc | SyntaxProblem>;
}

export function readYamlDocuments(text: string): YamlDocuments {
  const pieces = splitDocuments(text);
  // Comments before the first `---` are no document (a `---` with nothing after it is one).
  const first = pieces.length > 0 && NOTHING.test(text.slice(0, pieces[1]?.start ?? text.length)) ? 1 : 0;
  function* entries(): Generator<SourceDoc | SyntaxProblem> {
    for (let i = first; i < pieces.length; i++) {
      const { start, line } = pieces[i];
      const piece = text.slice(start, pieces[i + 1]?.start ?? text.length);
      // An empty document (`---` and nothing, as many tools print last) costs js-yaml a whole call.
      if (EMPTY_DOCUMENT.test(piece)) yield { value: null, line };
      else yield* readPiece(piece, line - 1);
    }
  }
  return { multiple: pieces.length - first > 1, entries: entries() };
}

/** Compose files are read by Docker Compose (go-yaml v3): `yes` and `on` stay strings there. */
function isComposeFile(values: unknown[]): boolean {
  return values.length === 1 && isObject(values[0]) && isCompose(values[0]);
}

/** The documents of one piece (usually one), or the error that stopped it. */
function readPiece(piece: string, lineOffset: number, schema = KUBECTL_SCHEMA): (SourceDoc | SyntaxProblem)[] {
  // Per document: positions found by the listener, and the alias budget.
  const found: Positions[] = [];
  let current: Positions = {};
  let rootKey: string | undefined;
  let pendingItems: number[] = [];
  let rootItems: number[] = [];
  let aliases = 0;
  let expanded = 0;
  let anchored = new WeakMap<object, { size: number; height: number }>();
  const mayAlias = piece.includes("*");
  // Per depth, for the open node: where it started, how many nodes it holds and how deep it goes
  // below itself (aliases expanded).
  const openLine: number[] = [];
  const openPosition: number[] = [];
  const nodes: number[] = [];
  const below: number[] = [];

  function refuse(message: string, depth: number): never {
    const start = contentStart(piece, openPosition[depth]);
    throw new LimitError(
      message,
      openLine[depth] + countLines(piece, openPosition[depth], start),
      start - piece.lastIndexOf("\n", start - 1),
    );
  }

  function listener(this: unknown, event: "open" | "close", s: State): void {
    const state = s as ListenerState;
    const depth = state.depth;
    if (event === "open") {
      openLine[depth] = state.line;
      openPosition[depth] = state.position;
      nodes[depth] = 0;
      below[depth] = 0;
      if (depth === 1) {
        current = {};
        rootKey = undefined;
        rootItems = [];
        pendingItems = [];
        aliases = 0;
        expanded = 0;
        anchored = new WeakMap();
      } else if (depth === 2) rootItems.push(contentLine(piece, state.position, state.line));
      else if (depth === 3 && rootKey === "items") pendingItems.push(contentLine(piece, state.position, state.line));
      return;
    }
    const { kind, result } = state;
    let size = nodes[depth] + 1;
    let height = below[depth] + 1;
    // An alias leaves `kind` unset and the anchored value in `result` (so does a tagged empty node).
    if (mayAlias && kind === null && piece.charCodeAt(contentStart(piece, openPosition[depth])) === 0x2a) {
      const target = typeof result === "object" && result !== null ? anchored.get(result) : { size: 1, height: 1 };
      // js-yaml hands out a collection's anchor before the collection is complete.
      if (target === undefined) refuse("YAML alias refers to a node that contains it (a cycle): refused", depth);
      ({ size, height } = target);
      aliases++;
      expanded += size;
      if (aliases > MAX_ALIAS_COUNT) refuse(`too many YAML aliases (over ${MAX_ALIAS_COUNT} in one document): an alias bomb?`, depth);
      if (expanded > MAX_ALIAS_NODES) refuse(`YAML aliases expand to over ${MAX_ALIAS_NODES} nodes in one document: an alias bomb?`, depth);
      if (depth - 1 + height > MAX_YAML_DEPTH)
        refuse(`nesting deeper than a real inventory has (over ${MAX_YAML_DEPTH} levels, through aliases): refused`, depth);
    } else if (mayAlias && state.anchor !== null && typeof result === "object" && result !== null) {
      anchored.set(result, { size, height });
    }
    if (depth > 1) {
      nodes[depth - 1] += size;
      if (height >= below[depth - 1]) below[depth - 1] = height;
    }
    if (depth === 1) {
      current.line = contentLine(piece, openPosition[1], openLine[1]) + 1 + lineOffset;
      if (kind === "sequence") current.itemLines = rootItems.map((line) => line + 1 + lineOffset);
      found.push(current);
    } else if (depth === 2) {
      if (kind === "scalar" && isKey(piece, state.position)) {
        rootKey = String(result);
        pendingItems = [];
        (current.keyLines ??= new Map()).set(rootKey, state.line + 1 + lineOffset);
      } else {
        if (rootKey === "items" && kind === "sequence") current.itemLines = pendingItems.map((line) => line + 1 + lineOffset);
        rootKey = undefined;
      }
    } else if (depth === 3 && rootKey === "services" && kind === "scalar" && isKey(piece, state.position)) {
      (current.keyLines ??= new Map()).set(`services.${String(result)}`, state.line + 1 + lineOffset);
    }
  }

  let values: unknown[];
  try {
    values = loadAll(piece, null, { schema, json: true, listener, maxDepth: MAX_YAML_DEPTH } as Parameters<typeof loadAll>[2]);
  } catch (error) {
    return [describeError(error, lineOffset)];
  }
  if (schema === KUBECTL_SCHEMA && isComposeFile(values)) return readPiece(piece, lineOffset, COMPOSE_SCHEMA);
  return values.map((value, i) => ({ ...found[i], value: detach(value) }));
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * A copy that shares nothing with the parse. js-yaml's strings are slices of the document's text
 * (V8 keeps substrings of 13 characters or more as views), so a kept image name would keep its
 * whole document's text alive: at 50k workloads, the whole inventory again (about 250 MB). A JSON
 * round trip copies the strings and lays objects out compactly (copying only the strings leaves
 * 100 MB more on the heap at 50k). What kubectl keeps for itself (`status`,
 * `metadata.managedFields`, the last-applied annotation) is handed over uncopied: the parser keeps
 * none of it, and it is a third of a cluster dump.
 */
function detach(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(detach);
  if (!isObject(value)) return value;
  if (!Array.isArray(value.items)) return detachObject(value);
  const items = value.items;
  value.items = [];
  const copy = detachObject(value);
  copy.items = items.map(detach);
  return copy;
}

function detachObject(object: JsonObject): JsonObject {
  const metadata = isObject(object.metadata) ? object.metadata : undefined;
  const annotations = isObject(metadata?.annotations) ? metadata.annotations : undefined;
  const own = { status: object.status, managedFields: metadata?.managedFields, lastApplied: annotations?.[LAST_APPLIED] };
  if (own.status === undefined && own.managedFields === undefined && own.lastApplied === undefined)
    return JSON.parse(JSON.stringify(object)) as JsonObject;
  // Set aside (on the parse's own objects, dropped after this), copy, then put back on the copy.
  delete object.status;
  delete metadata?.managedFields;
  delete annotations?.[LAST_APPLIED];
  const copy = JSON.parse(JSON.stringify(object)) as JsonObject & { metadata: JsonObject & { annotations: JsonObject } };
  if (own.status !== undefined) copy.status = own.status;
  if (own.managedFields !== undefined) copy.metadata.managedFields = own.managedFields;
  if (own.lastApplied !== undefined) copy.metadata.annotations[LAST_APPLIED] = own.lastApplied;
  return copy;
}

function describeError(error: unknown, lineOffset: number): SyntaxProblem {
  if (error instanceof LimitError) return { line: error.line + 1 + lineOffset, column: error.column, message: error.message };
  if (error instanceof YAMLException) {
    const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
    const position = mark ? { line: mark.line + 1 + lineOffset, column: mark.column + 1 } : {};
    const message = /maxDepth/.test(error.reason)
      ? `nesting deeper than a real inventory has (over ${MAX_YAML_DEPTH} levels): refused`
      : `invalid YAML: ${error.reason}`;
    return { ...position, message };
  }
  if (error instanceof RangeError) return { message: "YAML could not be read: nesting too deep" };
  return { message: `YAML could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
}
