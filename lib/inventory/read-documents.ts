// Text to JS values, one per document, with the line numbers the rest of the parser reports.
import { locateJsonError, linesOf, scanItemOffsets } from "./json-scan";
import { JSON_LINE_SCAN_BYTES, MAX_FILE_BYTES, MAX_YAML_BYTES } from "./limits";
import { readYamlDocuments, type YamlDocuments } from "./yaml-read";

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
  /** YAML read lazily (see readDocuments): `docs` and `errors` are then empty. */
  yaml?: YamlDocuments;
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : -1;
}

/**
 * `lazy`: YAML documents come in `yaml.entries`, each parsed when the iteration reaches it (a big
 * multi-document file's values are then never all in memory, as with JSON Lists).
 */
export function readDocuments(text: string, options: { lazy?: boolean } = {}): ReadResult {
  const start = firstNonSpace(text);
  if (start === -1) return { syntax: "yaml", docs: [], errors: [] };
  const c = text[start];
  if (c === "{" || c === "[") return readJson(text, start);
  const yaml = readYaml(text);
  return options.lazy || yaml.yaml === undefined ? yaml : { ...collect(yaml.yaml), syntax: "yaml" };
}

function collect(yaml: YamlDocuments): Pick<ReadResult, "docs" | "errors"> {
  const docs: SourceDoc[] = [];
  const errors: SyntaxProblem[] = [];
  for (const entry of yaml.entries) {
    if ("message" in entry) errors.push(entry);
    else docs.push(entry);
  }
  return { docs, errors };
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
      errors.push({
        line: index + 1,
        column: (problem?.offset ?? 0) + 1,
        message: `invalid JSON: ${problem?.message ?? "unreadable line"}`,
      });
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
    return {
      syntax: "yaml",
      docs: [],
      errors: [
        {
          message: `YAML file over the ${MAX_YAML_BYTES / 2 ** 20} MiB limit: export it as JSON (-o json), which is read faster and up to ${MAX_FILE_BYTES / 2 ** 20} MiB`,
        },
      ],
    };
  }
  return { syntax: "yaml", docs: [], errors: [], yaml: readYamlDocuments(text) };
}
