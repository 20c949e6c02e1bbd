// Big JSON Lists (`kubectl get ... -o json`) read item by item straight from their bytes. Parsing a
// 45 MB List whole holds its text and its whole tree at once, and V8 frees such big strings late:
// cutting the bytes into items and decoding + parsing each on its own keeps memory near what the
// scan retains (and is no slower). Anything not laid out as expected is left to the whole-file path.
import { decodeUtf8 } from "./decode";
import { scanString } from "./json-scan";
import { isKubernetesList } from "./kubernetes";
import { JSON_LINE_SCAN_BYTES } from "./limits";
import type { SourceDoc } from "./read-documents";
import { isObject } from "./values";

/** An item range that does not decode or parse on its own: read the file whole instead. */
export class SplitListMismatch extends Error {}

export interface JsonListSplit {
  /** Offset of the `[` that opens `items`. */
  open: number;
  /** Offset of the `]` that closes it. */
  close: number;
  /** [start, end) of each item's bytes. */
  starts: number[];
  ends: number[];
}

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
/** How far into the file the top-level `"items"` key is looked for (a List's head is a few keys). */
const HEAD_BYTES = 64 * 1024;

function isWs(byte: number): boolean {
  return byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;
}

function skipWs(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWs(bytes[i])) i++;
  return i;
}

/**
 * The item ranges of a pretty-printed top-level `{..., "items": [...]}` (as `kubectl get -o json`
 * and `jq` print it), found by looking for each item's closing brace at the item's own indentation:
 * a raw newline cannot occur inside a JSON string, so a `}` that starts a line is structural. That
 * costs one `indexOf` jump per `}` instead of a pass over every byte (fast on Node's Buffer). The
 * ranges are a guess until each item parses; a range that parses is exactly the item, since a JSON
 * value has one end. Null when the bytes are not laid out that way (compact JSON, items not on
 * their own lines, an empty List).
 */
export function splitJsonList(bytes: Uint8Array): JsonListSplit | null {
  const open = findTopLevelItems(bytes);
  if (open === -1) return null;
  let start = skipWs(bytes, open + 1);
  if (bytes[start] !== OPEN_BRACE) return null;
  let indentStart = start;
  while (bytes[indentStart - 1] === 0x20 || bytes[indentStart - 1] === 0x09) indentStart--;
  if (bytes[indentStart - 1] !== NEWLINE) return null;
  const indent = bytes.slice(indentStart, start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (;;) {
    let end = bytes.indexOf(CLOSE_BRACE, start);
    while (end !== -1 && !startsLine(bytes, end, indent)) end = bytes.indexOf(CLOSE_BRACE, end + 1);
    if (end === -1) return null;
    starts.push(start);
    ends.push(end + 1);
    const next = skipWs(bytes, end + 1);
    if (bytes[next] === CLOSE_BRACKET) return { open, close: next, starts, ends };
    if (bytes[next] !== COMMA) return null;
    start = skipWs(bytes, next + 1);
    if (bytes[start] !== OPEN_BRACE) return null;
  }
}

/** True when the byte at `at` is preceded by a newline and exactly `indent`. */
function startsLine(bytes: Uint8Array, at: number, indent: Uint8Array): boolean {
  const lineStart = at - indent.length;
  if (bytes[lineStart - 1] !== NEWLINE) return false;
  for (let k = 0; k < indent.length; k++) if (bytes[lineStart + k] !== indent[k]) return false;
  return true;
}

/** Offset of the `[` of a top-level `"items": [` in the file's head, or -1. */
function findTopLevelItems(bytes: Uint8Array): number {
  const base = hasBom(bytes) ? 3 : 0;
  const head = decodeUtf8(bytes.subarray(base, Math.min(bytes.length, base + HEAD_BYTES))) ?? "";
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0x22) {
      const end = scanString(head, i);
      if (typeof end !== "number") return -1;
      if (depth === 1 && end === i + 7 && head.startsWith('"items"', i)) {
        let j = end;
        while (isWs(head.charCodeAt(j))) j++;
        if (head[j] !== ":") return -1;
        j++;
        while (isWs(head.charCodeAt(j))) j++;
        // Offsets in the text are byte offsets only while the text before is ASCII.
        return head[j] === "[" && /^[\x00-\x7f]*$/.test(head.slice(0, j)) ? base + j : -1;
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === 0x5b) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (depth === 0 && !isWs(c)) return -1;
  }
  return -1;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function parseBytes(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new SplitListMismatch("not valid UTF-8");
  try {
    return JSON.parse(text);
  } catch {
    throw new SplitListMismatch("does not parse on its own");
  }
}

/**
 * A Kubernetes List document whose items are parsed on demand (`SourceDoc.listItems`), or null when
 * the bytes are not a pretty-printed List. Reading an item throws `SplitListMismatch` when the
 * guessed ranges were wrong or the file is broken: the caller then reads the file whole, which
 * gives the exact error.
 */
export function readJsonList(bytes: Uint8Array): SourceDoc | null {
  const split = splitJsonList(bytes);
  if (!split) return null;
  const { open, close, starts, ends } = split;
  let head: unknown;
  try {
    const base = hasBom(bytes) ? 3 : 0;
    head = JSON.parse((decodeUtf8(bytes.subarray(base, open + 1)) ?? "") + (decodeUtf8(bytes.subarray(close)) ?? ""));
  } catch {
    return null;
  }
  // A second top-level "items" key would win in JSON.parse: leave such a file to it.
  if (!isObject(head) || !isKubernetesList(head) || (head.items as unknown[]).length > 0) return null;
  const doc: SourceDoc = {
    value: head,
    line: 1 + countNewlines(bytes, 0, skipWs(bytes, 0)),
    listItems: { count: starts.length, read: (index) => parseBytes(bytes.subarray(starts[index], ends[index])) },
  };
  if (bytes.length <= JSON_LINE_SCAN_BYTES) doc.itemLines = lineNumbers(bytes, starts);
  return doc;
}

function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let nl = bytes.indexOf(NEWLINE, from); nl !== -1 && nl < to; nl = bytes.indexOf(NEWLINE, nl + 1)) count++;
  return count;
}

/** 1-based line of each offset (ascending). */
function lineNumbers(bytes: Uint8Array, offsets: readonly number[]): number[] {
  let line = 1;
  let from = 0;
  return offsets.map((offset) => {
    line += countNewlines(bytes, from, offset);
    from = offset;
    return line;
  });
}
