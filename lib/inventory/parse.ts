// Entry point: bytes of inventory files in, normalised workloads, context and errors out.
// Pure (no I/O). Bad input is reported under `errors`, never thrown; what it throws is an
// InternalError (a defect of the parser).
import { InternalError } from "../internal-error";
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
import { equalValues, foldCandidates, type RejectCandidate } from "./fold";
import { MAX_DEPTH } from "./limits";
import { isKubernetesList, isKubernetesObject, readKubernetesObject } from "./kubernetes";
import { readJsonList, SplitListMismatch } from "./json-list";
import { readDocuments, type ReadResult, type SourceDoc } from "./read-documents";
import type { Entry, FileSink, K8sCandidate, Position } from "./sink";
import type {
  DuplicateIdentity,
  FileFormat,
  FileSummary,
  InputError,
  InputSource,
  InventoryContext,
  JsonObject,
  ParsedInventory,
  ParseOptions,
  Workload,
} from "./types";
import { describeValue, isObject, workloadId } from "./values";

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
  const reject = (candidate: K8sCandidate, message: string) => {
    candidate.summary.errors++;
    errors.push(inputError(candidate.summary.source, message, { line: candidate.line }));
  };
  const built = buildWorkloads(entries, options.cluster, reject);
  context.duplicates = built.duplicates;
  return { workloads: built.workloads, context, files: summaries, errors };
}

export function emptyContext(): InventoryContext {
  return {
    configMaps: {},
    secrets: {},
    runtimeClasses: [],
    nodes: [],
    engines: [],
    persistentVolumeClaims: {},
    ciliumConfigs: [],
    duplicates: [],
  };
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
 * a List read item by item whose guessed item ranges turn out wrong is read again whole.
 */
function readFileStaged(file: InputSource, cluster: string): StagedFile {
  let staged = stageFile(file, cluster);
  const content = loadContent(file, staged.sink);
  if (content === undefined) return staged;
  try {
    readContent(content, staged.sink, false);
  } catch (error) {
    // Anything else thrown here is a defect of the parser, not of the file: it is not blamed on it.
    if (!(error instanceof SplitListMismatch)) throw InternalError.from(error, "parsing the inventory");
    staged = stageFile(file, cluster);
    try {
      readContent(content, staged.sink, true);
    } catch (again) {
      throw InternalError.from(again, "parsing the inventory");
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
  for (const key of Object.keys(from.persistentVolumeClaims)) into.context.persistentVolumeClaims[key] ??= from.persistentVolumeClaims[key];
  appendAll(into.context.ciliumConfigs, from.ciliumConfigs);
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
    const typed =
      itemKind && isObject(item) && typeof item.kind !== "string" ? { apiVersion: list.apiVersion, kind: itemKind, ...item } : item;
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
    sink.error(`object ${at} is not a Kubernetes object, container inspect or Compose file (found ${describeValue(item.value)})`, {
      line: item.line,
    });
  }
  if (unknown.length > MAX_UNKNOWN_REPORTS) sink.error(`${unknown.length - MAX_UNKNOWN_REPORTS} more unrecognised objects in this file`);
}

/** Server-written metadata: the same object read at two moments (or cleaned up) differs only in these. */
const SERVER_METADATA = new Set(["uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "managedFields"]);
/** Docker's run-time state: two `docker inspect` runs of one container differ in it. */
const DOCKER_STATE = new Set(["State"]);
/** Past this many distinct variants of one identity, compare by serialised key instead of pairwise. */
const PAIRWISE_LIMIT = 32;

/**
 * What is compared to tell identical copies from different objects of one identity: the object as
 * kept (`status`, `managedFields` and the last-applied copy are already dropped) without the
 * server-written metadata, or a container without its run-time state.
 */
function comparable(entry: Entry): JsonObject {
  if (entry.type === "workload") {
    if (entry.workload.platform !== "docker") return entry.workload.object;
    return without(entry.workload.object, DOCKER_STATE);
  }
  const object = entry.candidate.object;
  if (!isObject(object.metadata)) return object;
  const metadata = without(object.metadata, SERVER_METADATA);
  // Dropping the last-applied copy can leave `annotations: {}` where the clean form has none.
  if (isObject(metadata.annotations) && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  return { ...object, metadata };
}

function without(object: JsonObject, keys: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const key in object) if (!keys.has(key)) out[key] = object[key];
  return out;
}

/** The distinct objects seen for one identity, and every file that defined it. */
class Variants {
  readonly entries: Entry[] = [];
  readonly files: string[] = [];
  private readonly shapes: JsonObject[] = [];
  private keys: Set<string> | undefined;

  constructor(readonly first: Entry) {
    this.entries.push(first);
    this.files.push(fileOf(first));
  }

  /** Adds a later object of this identity; false when it is an identical copy of one already seen. */
  add(entry: Entry): boolean {
    const file = fileOf(entry);
    if (!this.files.includes(file)) this.files.push(file);
    if (this.shapes.length === 0) this.shapes.push(comparable(this.first));
    const shape = comparable(entry);
    if (this.shapes.length < PAIRWISE_LIMIT) {
      if (this.shapes.some((other) => equalValues(other, shape, MAX_DEPTH))) return false;
    } else {
      this.keys ??= new Set(this.shapes.map((other) => JSON.stringify(other)));
      const key = JSON.stringify(shape);
      if (this.keys.has(key)) return false;
      this.keys.add(key);
    }
    this.shapes.push(shape);
    this.entries.push(entry);
    return true;
  }
}

function fileOf(entry: Entry): string {
  return entry.type === "k8s" ? entry.candidate.summary.source : entry.workload.source.file;
}

/** An identical copy adds only its file to the first object's sources. */
function recordCopy(first: Entry, file: string): void {
  if (first.type === "workload") addFiles(first.workload.sources, [file]);
  else addFiles((first.candidate.copies ??= []), [file]);
}

function addFiles(target: string[], files: readonly string[]): void {
  for (const file of files) if (!target.includes(file)) target.push(file);
}

interface BuiltWorkloads {
  workloads: Workload[];
  duplicates: DuplicateIdentity[];
}

/**
 * Folds Kubernetes ownership and merges objects of one identity (catalog 1.1): an identical copy
 * adds only its file; an object whose content differs is checked too (`Workload.duplicates`, or
 * one more pod template when it folds into an owner) and the identity is reported. Input order.
 */
function buildWorkloads(entries: readonly Entry[], cluster: string, reject: RejectCandidate): BuiltWorkloads {
  // Kubernetes keys (`namespace/Kind/name`) and Docker/Compose ids are told apart by their map.
  // An identity seen once (nearly all) maps to its entry; Variants are made on the first repeat.
  const byK8sKey = new Map<string, Entry | Variants>();
  const byId = new Map<string, Entry | Variants>();
  const repeated: Variants[] = [];
  const candidates: K8sCandidate[] = [];
  const kept: Entry[] = [];
  for (const entry of entries) {
    const k8s = entry.type === "k8s";
    const map = k8s ? byK8sKey : byId;
    const key = k8s ? entry.candidate.key : entry.workload.id;
    const seen = map.get(key);
    if (seen === undefined) map.set(key, entry);
    else {
      let variants = seen;
      if (!(variants instanceof Variants)) {
        variants = new Variants(variants);
        map.set(key, variants);
        repeated.push(variants);
      }
      if (!variants.add(entry)) {
        recordCopy(variants.first, fileOf(entry));
        continue;
      }
    }
    kept.push(entry);
    if (k8s) candidates.push(entry.candidate);
  }
  const folded = foldCandidates(candidates, cluster, reject);
  const workloads: Workload[] = [];
  // Without repeated identities every workload id is unique: nothing to merge.
  const firstOfId = repeated.length > 0 ? new Map<string, Workload>() : undefined;
  for (const entry of kept) {
    const workload = entry.type === "workload" ? entry.workload : folded.get(entry.candidate);
    if (!workload) continue;
    if (!firstOfId) {
      workloads.push(workload);
      continue;
    }
    const first = firstOfId.get(workload.id);
    if (!first) {
      firstOfId.set(workload.id, workload);
      workloads.push(workload);
      continue;
    }
    (first.duplicates ??= []).push(workload);
    addFiles(first.sources, workload.sources);
  }
  const duplicates: DuplicateIdentity[] = [];
  for (const variants of repeated) if (variants.entries.length > 1) duplicates.push(duplicateOf(variants, cluster));
  return { workloads, duplicates };
}

function duplicateOf(variants: Variants, cluster: string): DuplicateIdentity {
  const first = variants.first;
  if (first.type === "k8s") {
    const { namespace, kind, name } = first.candidate;
    return {
      id: workloadId(cluster, namespace, kind, name),
      path: "metadata.name",
      files: variants.files,
      variants: variants.entries.length,
    };
  }
  const { workload } = first;
  return {
    id: workload.id,
    path: workload.platform === "docker" ? "Name" : workload.pathPrefix,
    files: variants.files,
    variants: variants.entries.length,
  };
}
