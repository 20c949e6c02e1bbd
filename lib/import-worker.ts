// Worker-thread entry (started by lib/import-pool.ts through scripts/import-worker.mjs): runs one import
// from workerData and posts its result, or the error with its stack, then exits.
import { parentPort, workerData } from "node:worker_threads";
import { runImportJob, type ImportJobInput } from "./import-job";

export type ImportWorkerMessage =
  | { ok: true; result: ReturnType<typeof runImportJob> }
  | { ok: false; error: { name: string; message: string; stack?: string } };

const input = workerData as ImportJobInput;
// Transferred Buffers arrive as plain Uint8Arrays; the parser's byte searches are fast on Buffers.
const files = input.files.map((file) => ({
  name: file.name,
  content: typeof file.content === "string" ? file.content : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
}));

let message: ImportWorkerMessage;
try {
  message = { ok: true, result: runImportJob({ ...input, files }) };
} catch (error) {
  const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
  message = { ok: false, error: { name, message: text, stack } };
}
parentPort?.postMessage(message);
