// What format handlers write into while one file is read.
import type { FileSummary, InventoryContext, JsonObject, Workload } from "./types";

export interface Position {
  line?: number;
  column?: number;
}

/** A Kubernetes workload object as read, before ownership folding. */
export interface K8sCandidate {
  object: JsonObject;
  kind: string;
  name: string;
  namespace: string;
  /** `namespace/Kind/name`. */
  key: string;
  summary: FileSummary;
  line?: number;
  /** DaemonSets: `status.desiredNumberScheduled`, read before `status` is dropped from `object`. */
  desiredNumberScheduled?: unknown;
  /** Files of identical copies merged into this candidate (see parse.ts buildWorkloads). */
  copies?: string[];
}

export type Entry = { type: "workload"; workload: Workload; summary: FileSummary } | { type: "k8s"; candidate: K8sCandidate };

export interface FileSink {
  file: string;
  summary: FileSummary;
  context: InventoryContext;
  entries: Entry[];
  cluster: string;
  error(message: string, at?: Position): void;
  skip(kind: string): void;
}

/** Where an object is, for messages: "line 12", or "item 3" when the line is not known. */
export function describeAt(line: number | undefined, where: string | undefined): string {
  if (line !== undefined) return `at line ${line}`;
  return where ? `(${where})` : "";
}
