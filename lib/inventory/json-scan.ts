// Hand-rolled JSON scanning for what JSON.parse does not tell us: where a syntax error is (V8 omits
// the position for some errors) and where each list item starts (for line numbers).

export interface JsonSyntaxError {
  offset: number;
  message: string;
  /** The text holds a complete JSON value followed by more data (JSON Lines, concatenated output). */
  trailing: boolean;
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
}

function describe(text: string, i: number): string {
  return i >= text.length ? "end of file" : `character ${JSON.stringify(text[i])}`;
}

/** Returns the end offset (exclusive) of the string starting at `i`, or an error. */
export function scanString(text: string, i: number): number | JsonSyntaxError {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { offset: j, message: "control character (e.g. a raw newline) inside a string", trailing: false };
    if (c === 0x5c) {
      const next = text[j + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6)))
          return { offset: j, message: "invalid \\u escape in a string", trailing: false };
        j += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) j++;
      else return { offset: j, message: "invalid escape sequence in a string", trailing: false };
    }
  }
  return { offset: text.length, message: "unexpected end of file inside a string (the file looks truncated)", trailing: false };
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The first syntax error of `text`, or null when it is one valid JSON value. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  // Stack of open containers: "{" or "[".
  const stack: string[] = [];
  let i = skipWs(text, 0);
  let expectValue = true;
  for (;;) {
    i = skipWs(text, i);
    if (expectValue) {
      if (i >= text.length) return { offset: i, message: "unexpected end of file (the file looks truncated)", trailing: false };
      const c = text[i];
      if (c === "{" || c === "[") {
        stack.push(c);
        i = skipWs(text, i + 1);
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === "{") {
          const key = readKey(text, i);
          if (typeof key !== "number") return key;
          i = key;
        }
        continue;
      }
      if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== "number") return end;
        i = end;
      } else {
        LITERAL.lastIndex = i;
        if (!LITERAL.test(text))
          return { offset: i, message: `unexpected ${describe(text, i)} where a value was expected`, trailing: false };
        i = LITERAL.lastIndex;
      }
      expectValue = false;
      continue;
    }
    const open = stack[stack.length - 1];
    if (open === undefined) {
      if (i >= text.length) return null;
      return { offset: i, message: "unexpected data after the end of the JSON value", trailing: true };
    }
    const c = text[i];
    if (c === ",") {
      i = skipWs(text, i + 1);
      if (open === "{") {
        const key = readKey(text, i);
        if (typeof key !== "number") return key;
        i = key;
      }
      expectValue = true;
      continue;
    }
    if (c === (open === "{" ? "}" : "]")) {
      stack.pop();
      i++;
      continue;
    }
    if (i >= text.length) return { offset: i, message: "unexpected end of file (the file looks truncated)", trailing: false };
    const wanted = open === "{" ? "',' or '}' after a property value" : "',' or ']' after an array element";
    return { offset: i, message: `expected ${wanted}, found ${describe(text, i)}`, trailing: false };
  }
}

/** Reads `"key" :` at `i`; returns the offset after the colon. */
function readKey(text: string, i: number): number | JsonSyntaxError {
  if (text[i] !== '"') {
    if (i >= text.length) return { offset: i, message: "unexpected end of file (the file looks truncated)", trailing: false };
    return { offset: i, message: `expected a property name in double quotes, found ${describe(text, i)}`, trailing: false };
  }
  const end = scanString(text, i);
  if (typeof end !== "number") return end;
  const colon = skipWs(text, end);
  if (text[colon] !== ":")
    return { offset: colon, message: `expected ':' after a property name, found ${describe(text, colon)}`, trailing: false };
  return colon + 1;
}

/**
 * Offsets of the object items of a top-level array, or of the top-level object's `items` array
 * (a Kubernetes List). Non-object items get -1.
 */
export function scanItemOffsets(text: string): number[] {
  const offsets: number[] = [];
  const start = skipWs(text, 0);
  const topIsArray = text[start] === "[";
  let targetDepth = topIsArray ? 1 : -1;
  let depth = 0;
  let lastKey = "";
  let expectItem = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = text.indexOf('"', i + 1);
      while (j > 0 && isEscaped(text, j)) j = text.indexOf('"', j + 1);
      if (j < 0) break;
      if (depth === targetDepth && expectItem) offsets.push(-1);
      else if (depth === 1 && !topIsArray) lastKey = text.slice(i + 1, j);
      expectItem = false;
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === targetDepth && expectItem) offsets.push(c === 0x7b ? i : -1);
      expectItem = false;
      if (c === 0x5b && depth === 1 && !topIsArray && targetDepth === -1 && lastKey === "items") {
        targetDepth = 2;
        expectItem = true;
      }
      depth++;
      if (depth === 1 && topIsArray) expectItem = true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < targetDepth) break;
    } else if (c === 0x2c) {
      if (depth === targetDepth) expectItem = true;
    } else if (depth === targetDepth && expectItem && !WS.has(c)) {
      offsets.push(-1);
      expectItem = false;
    }
  }
  return offsets;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** 1-based line and column of each offset (offsets ascending; -1 stays undefined). */
export function linesOf(text: string, offsets: readonly number[]): ({ line: number; column: number } | undefined)[] {
  const out: ({ line: number; column: number } | undefined)[] = [];
  let line = 1;
  let lineStart = 0;
  // The next newline at or after lineStart (text.length when none): searched once per line, not once per
  // offset, so a single-line document with a million items stays linear.
  let nextNewline = newlineFrom(text, 0);
  for (const offset of offsets) {
    if (offset < 0) {
      out.push(undefined);
      continue;
    }
    while (nextNewline < offset && nextNewline < text.length) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = newlineFrom(text, lineStart);
    }
    out.push({ line, column: offset - lineStart + 1 });
  }
  return out;
}

function newlineFrom(text: string, from: number): number {
  const at = text.indexOf("\n", from);
  return at === -1 ? text.length : at;
}
