// Runs imports in worker threads, a few at a time. Each import gets a fresh worker (its memory is
// returned when it exits; a crash or an out-of-memory ends the worker, not the server). Imports past
// the cap wait in a bounded queue; past the queue the caller is told to come back later.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ImportJobInput, ImportJobResult, RequestJobInput } from "./import-job";
import type { ImportWorkerMessage } from "./import-worker";

export const DEFAULT_MAX_CONCURRENT_IMPORTS = 2;
export const DEFAULT_MAX_QUEUED_IMPORTS = 8;

function readCount(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

/** `KATA_READINESS_MAX_CONCURRENT_IMPORTS` (default 2): imports scanned and written at the same time. */
export function getMaxConcurrentImports(): number {
  return readCount("KATA_READINESS_MAX_CONCURRENT_IMPORTS", DEFAULT_MAX_CONCURRENT_IMPORTS, 1);
}

/** `KATA_READINESS_MAX_QUEUED_IMPORTS` (default 8): imports that may wait for a free slot. */
export function getMaxQueuedImports(): number {
  return readCount("KATA_READINESS_MAX_QUEUED_IMPORTS", DEFAULT_MAX_QUEUED_IMPORTS, 0);
}

/** The worker's entry, by absolute path: it is loaded by Node at run time, never bundled by Next. */
function workerEntry(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "scripts", "import-worker.mjs");
}

/** Every slot and queue place is taken: retry later (the route answers 503 with Retry-After). */
export class ImportQueueFullError extends Error {
  constructor() {
    super("Too many imports are running: retry in a few seconds.");
    this.name = "ImportQueueFullError";
  }
}

/** The worker reached V8's heap limit (it alone ends, not the server): too large or too complex to import. */
export class ImportOutOfMemoryError extends Error {
  constructor() {
    super("The upload needs more memory to import than the server allows: split it into several uploads.");
    this.name = "ImportOutOfMemoryError";
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function acquireSlot(): Promise<void> {
  if (running < getMaxConcurrentImports()) {
    running++;
    return;
  }
  if (waiting.length >= getMaxQueuedImports()) throw new ImportQueueFullError();
  // The slot is handed over by releaseSlot, so `running` stays counted for it.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

export interface WorkerOptions {
  /** Move the bytes (files or request body) to the worker instead of copying them: the caller's become empty. */
  transferFiles?: boolean;
}

export async function runImportInWorker(input: ImportJobInput | RequestJobInput, options: WorkerOptions = {}): Promise<ImportJobResult> {
  await acquireSlot();
  try {
    return await runWorker(input, options);
  } finally {
    releaseSlot();
  }
}

function runWorker(input: ImportJobInput | RequestJobInput, { transferFiles = false }: WorkerOptions): Promise<ImportJobResult> {
  const contents = "request" in input ? [input.request.body] : input.files.map((file) => file.content);
  const transferList = transferFiles
    ? contents.flatMap((content) => (typeof content !== "string" && isWholeBuffer(content) ? [content.buffer as ArrayBuffer] : []))
    : [];
  return new Promise((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ workerEntry(), { workerData: input, transferList });
    let settled = false;
    worker.once("message", (message: ImportWorkerMessage) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(Object.assign(new Error(message.error.message), { name: message.error.name, stack: message.error.stack }));
    });
    worker.once("error", (error: Error & { code?: string }) => {
      settled = true;
      reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ImportOutOfMemoryError() : error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the import worker exited (code ${code}) without a result`));
    });
  });
}

// Only an ArrayBuffer that holds nothing but this file may be transferred: Node pools small Buffers.
function isWholeBuffer(content: Uint8Array): boolean {
  return content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer;
}
