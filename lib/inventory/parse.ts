// Entry point: bytes of inventory files in, normalised workloads, context and errors out.
// Pure (no I/O) and total: no input makes it throw.
import { isCompose, isComposeV1, readCompose } from "./compose";
import { decodeInput, refuseBytes } from "./decode";
import {
  CONTAINER_LIST_MESSAGE,
  engineOf,
  IMAGE_INSPECT_MESSAGE,
  isContainerInspect,
  isContainerList,
  isImageInspect,
  isPodmanInspect,
  readContainer,
} from "./docker";
import { foldCandidates, type RejectCandidate } from "./fold";
import { isKubernetesList, isKubernetesObject, readKubernetesObject } from "./kubernetes";
import { readJsonList, SplitListMismatch } from "./json-list";
import { readDocuments, type ReadResult, type SourceDoc } from "./read-documents";
import type { Entry, FileSink, K8sCandidate, Position } from "./sink";
import type { FileFormat, FileSummary, InputError, InputSource, InventoryContext, JsonObject, ParsedInventory, ParseOptions, Workload } from "./types";
import { describeValue, isObject } from "./values";

/** Unrecognised objects reported one by one per file; the rest are summed up. */
const MAX_UNKNOWN_REPORTS = 10;

interface Unknown {
  value: unknown;
  line?: number;
  where: string;
}

interface FileState {
  sink: FileSink;
  unknown: Unknown[];
  recognised: number;
  /** Container-list / image-inspect messages already given for this file (one each is enough). */
  reported: Set<string>;
}

export function parseInventory(files: readonly InputSource[], options: ParseOptions): ParsedInventory {
  const context = emptyContext();
  const errors: InputError[] = [];
  const summaries: FileSummary[] = [];
  const entries: Entry[] = [];
  for (const file of files) {
    const read = readFileStaged(file, options.cluster);
    summaries.push(read.sink.summary);
    mergeFile(read, { context, errors, entries });
  }
  let workloads: Workload[] = [];
  const reject = (candidate: K8sCandidate, message: string) => {
    candidate.summary.errors++;
    errors.push(inputError(candidate.summary.source, message, { line: candidate.line }));
  };
  try {
    workloads = buildWorkloads(entries, options.cluster, reject);
  } catch (error) {
    errors.push({ source: "(inventory)", message: `workloads could not be assembled (internal error: ${error instanceof Error ? error.message : String(error)})` });
  }
  return { workloads, context, files: summaries, errors };
}

function emptyContext(): InventoryContext {
  return { configMaps: {}, secrets: {}, runtimeClasses: [], nodes: [], engines: [] };
}

/** What one file produced, kept apart until the file is read to the end. */
interface StagedFile {
  sink: FileSink;
  errors: InputError[];
}

function stageFile(file: InputSource, cluster: string): StagedFile {
  const errors: InputError[] = [];
  const summary = newSummary(file);
  const sink: FileSink = {
    file: file.name,
    summary,
    context: emptyContext(),
    entries: [],
    cluster,
    error(message: string, at: Position = {}) {
      summary.errors++;
      errors.push(inputError(file.name, message, at));
    },
    skip(kind: string) {
      summary.skipped[kind] = (summary.skipped[kind] ?? 0) + 1;
    },
  };
  return { sink, errors };
}

/**
 * Reads one file into its own staging, so that a file that fails half-way leaves nothing behind:
 * a List read item by item whose guessed item ranges turn out wrong is read again whole, and an
 * internal error drops what the file had produced.
 */
function readFileStaged(file: InputSource, cluster: string): StagedFile {
  let staged = stageFile(file, cluster);
  const content = loadContent(file, staged.sink);
  if (content === undefined) return staged;
  try {
    readContent(content, staged.sink, false);
  } catch (error) {
    try {
      if (!(error instanceof SplitListMismatch)) throw error;
      staged = stageFile(file, cluster);
      readContent(content, staged.sink, true);
    } catch (internal) {
      // A bug here must not lose the other files: report it against this file.
      staged = stageFile(file, cluster);
      staged.sink.summary.bytes = byteLength(content);
      staged.sink.error(`could not be read (internal error: ${internal instanceof Error ? internal.message : String(internal)})`);
    }
  }
  return staged;
}

/** First-wins for ConfigMaps and Secrets, as within one file. */
function mergeFile({ sink, errors }: StagedFile, into: { context: InventoryContext; errors: InputError[]; entries: Entry[] }): void {
  const from = sink.context;
  for (const key of Object.keys(from.configMaps)) into.context.configMaps[key] ??= from.configMaps[key];
  for (const key of Object.keys(from.secrets)) into.context.secrets[key] ??= from.secrets[key];
  appendAll(into.context.runtimeClasses, from.runtimeClasses);
  appendAll(into.context.nodes, from.nodes);
  appendAll(into.context.engines, from.engines);
  appendAll(into.errors, errors);
  appendAll(into.entries, sink.entries);
}

/** push(...items) without the argument-count limit of a spread. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function newSummary(file: InputSource): FileSummary {
  return { source: file.name, format: "unknown", syntax: null, bytes: 0, objects: 0, workloads: 0, skipped: {}, errors: 0 };
}

function inputError(source: string, message: string, at: Position): InputError {
  const error: InputError = { source, message };
  if (at.line !== undefined) error.line = at.line;
  if (at.column !== undefined) error.column = at.column;
  return error;
}

/** `whole`: never read a List item by item (after a `SplitListMismatch`). */
function readContent(content: Uint8Array | string, sink: FileSink, whole: boolean): void {
  sink.summary.bytes = byteLength(content);
  if (typeof content !== "string" && !whole) {
    const refused = refuseBytes(content);
    if (refused !== undefined) {
      sink.error(refused);
      return;
    }
    const list = readJsonList(content);
    if (list) {
      readDocs({ syntax: "json", docs: [list], errors: [] }, sink);
      return;
    }
  }
  const decoded = decodeInput(content);
  if (decoded.ok) readDocs(readDocuments(decoded.text, { lazy: true }), sink);
  else sink.error(decoded.message);
}

function readDocs(read: ReadResult, sink: FileSink): void {
  sink.summary.syntax = read.syntax;
  for (const problem of read.errors) sink.error(problem.message, problem);
  const state: FileState = { sink, unknown: [], recognised: 0, reported: new Set() };
  const multiple = read.yaml ? read.yaml.multiple : read.docs.length > 1;
  let count = 0;
  // YAML documents are parsed one by one as this loop reaches them; their syntax errors come in place.
  for (const entry of read.yaml?.entries ?? read.docs) {
    if ("message" in entry) {
      sink.error(entry.message, entry);
      continue;
    }
    count++;
    readDocument(entry, multiple ? `document ${count}` : "", state);
  }
  if (count === 0) {
    if (sink.summary.errors === 0) sink.error("empty file: no documents to scan");
    return;
  }
  reportUnknown(state);
}

function byteLength(content: Uint8Array | string): number {
  return typeof content === "string" ? content.length : content.byteLength;
}

/** The file's content, or undefined once the reason is reported. */
function loadContent(file: InputSource, sink: FileSink): Uint8Array | string | undefined {
  if ("content" in file) return file.content;
  try {
    return file.load();
  } catch (error) {
    sink.error(`cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function setFormat(state: FileState, format: FileFormat): void {
  state.recognised++;
  const summary = state.sink.summary;
  if (summary.format === "unknown" || (format === "podman-inspect" && summary.format === "docker-inspect")) summary.format = format;
}

function readDocument(doc: SourceDoc, where: string, state: FileState): void {
  const { value } = doc;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => readItem(item, doc.itemLines?.[i] ?? (i === 0 ? doc.line : undefined), join(where, `item ${i + 1}`), state));
    return;
  }
  if (!isObject(value)) {
    state.sink.summary.objects++;
    state.unknown.push({ value, line: doc.line, where });
    return;
  }
  if (isKubernetesList(value)) {
    readList(doc, value, where, state);
    return;
  }
  if (!isKubernetesObject(value)) {
    const isV1 = !isCompose(value) && isComposeV1(value);
    if (isV1 || isCompose(value)) {
      setFormat(state, "compose");
      readCompose(doc, value, isV1, state.sink);
      return;
    }
  }
  readItem(value, doc.line, where, state);
}

function readList(doc: SourceDoc, list: JsonObject, where: string, state: FileState): void {
  const items = list.items as unknown[];
  const count = doc.listItems ? doc.listItems.count : items.length;
  // Typed lists from the API (PodList) may leave out each item's kind.
  const itemKind = list.kind === "List" ? undefined : (list.kind as string).slice(0, -"List".length);
  for (let i = 0; i < count; i++) {
    const item = doc.listItems ? doc.listItems.read(i) : items[i];
    const typed = itemKind && isObject(item) && typeof item.kind !== "string" ? { apiVersion: list.apiVersion, kind: itemKind, ...item } : item;
    readItem(typed, doc.itemLines?.[i], join(where, `items[${i}]`), state);
  }
}

/** Reads one object; what is not recognised is recorded as unknown. */
function readItem(item: unknown, line: number | undefined, where: string, state: FileState): void {
  const { sink } = state;
  sink.summary.objects++;
  if (!isObject(item)) {
    state.unknown.push({ value: item, line, where });
    return;
  }
  if (isKubernetesObject(item)) {
    setFormat(state, "kubernetes");
    readKubernetesObject(item, sink, line, where);
    return;
  }
  if (isContainerList(item) || isImageInspect(item)) {
    state.recognised++;
    const message = isContainerList(item) ? CONTAINER_LIST_MESSAGE : IMAGE_INSPECT_MESSAGE;
    if (!state.reported.has(message)) {
      state.reported.add(message);
      sink.error(message, { line });
    }
    return;
  }
  if (isContainerInspect(item)) {
    const podman = isPodmanInspect(item);
    setFormat(state, podman ? "podman-inspect" : "docker-inspect");
    if (podman && !sink.context.engines.some((e) => e.engine === "podman" && e.source === sink.file)) {
      sink.context.engines.push({ engine: "podman", version: null, source: sink.file });
    }
    readContainer(item, sink, line);
    return;
  }
  const engine = engineOf(item, sink.file);
  if (engine) {
    setFormat(state, "docker-version");
    sink.context.engines.push(engine);
    return;
  }
  state.unknown.push({ value: item, line, where });
}

function join(prefix: string, part: string): string {
  return prefix ? `${prefix}, ${part}` : part;
}

function reportUnknown(state: FileState): void {
  const { sink, unknown } = state;
  if (unknown.length === 0) return;
  if (state.recognised === 0 && sink.summary.errors === 0) {
    const [first] = unknown;
    sink.error(`not a Kubernetes, Docker or Compose inventory (found ${describeValue(first.value)})`, { line: first.line });
    return;
  }
  for (const item of unknown.slice(0, MAX_UNKNOWN_REPORTS)) {
    const at = item.line !== undefined ? `at line ${item.line}` : item.where ? `(${item.where})` : "";
    sink.error(`object ${at} is not a Kubernetes object, container inspect or Compose file (found ${describeValue(item.value)})`, { line: item.line });
  }
  if (unknown.length > MAX_UNKNOWN_REPORTS) sink.error(`${unknown.length - MAX_UNKNOWN_REPORTS} more unrecognised objects in this file`);
}

/** De-duplicates by identity (first wins), folds Kubernetes ownership, keeps input order. */
function buildWorkloads(entries: readonly Entry[], cluster: string, reject: RejectCandidate): Workload[] {
  // Kubernetes keys (`namespace/Kind/name`) and Docker/Compose ids are told apart by their set.
  const seenK8s = new Set<string>();
  const seenIds = new Set<string>();
  const candidates: K8sCandidate[] = [];
  const kept: Entry[] = [];
  for (const entry of entries) {
    const seen = entry.type === "k8s" ? seenK8s : seenIds;
    const key = entry.type === "k8s" ? entry.candidate.key : entry.workload.id;
    if (seen.has(key)) {
      const summary = entry.type === "k8s" ? entry.candidate.summary : entry.summary;
      const kind = entry.type === "k8s" ? entry.candidate.kind : entry.workload.kind;
      summary.skipped[`duplicate ${kind}`] = (summary.skipped[`duplicate ${kind}`] ?? 0) + 1;
      continue;
    }
    seen.add(key);
    kept.push(entry);
    if (entry.type === "k8s") candidates.push(entry.candidate);
  }
  const folded = foldCandidates(candidates, cluster, reject);
  const workloads: Workload[] = [];
  for (const entry of kept) {
    if (entry.type === "workload") workloads.push(entry.workload);
    else {
      const workload = folded.get(entry.candidate);
      if (workload) workloads.push(workload);
    }
  }
  return workloads;
}
