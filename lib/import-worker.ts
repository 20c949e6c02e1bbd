// Worker-thread entry (started by lib/import-pool.ts through scripts/import-worker.mjs): runs one import
// from workerData (files, or a multipart body to parse first) and posts its result, or the error with
// its stack, then exits.
import { parentPort, workerData } from "node:worker_threads";
import { runImportJob, type ImportJobInput, type ImportJobResult, type RequestJobInput } from "./import-job";
import { parseUploadRequest } from "./upload-request";

export type ImportWorkerMessage =
  { ok: true; result: ImportJobResult } | { ok: false; error: { name: string; message: string; stack?: string } };

function run(input: ImportJobInput | RequestJobInput): ImportJobResult {
  if ("request" in input) {
    const { request, ...settings } = input;
    const parsed = parseUploadRequest(request);
    if (!parsed.ok) {
      const { ok: _ok, ...refused } = parsed;
      return { ok: false, reason: "invalid-request", ...refused };
    }
    const { ok: _ok, ...upload } = parsed;
    return runImportJob({ ...settings, ...upload });
  }
  // Transferred Buffers arrive as plain Uint8Arrays; the parser's byte searches are fast on Buffers.
  const files = input.files.map((file) => ({
    name: file.name,
    content:
      typeof file.content === "string" ? file.content : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
  }));
  return runImportJob({ ...input, files });
}

let message: ImportWorkerMessage;
try {
  message = { ok: true, result: run(workerData as ImportJobInput | RequestJobInput) };
} catch (error) {
  const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
  message = { ok: false, error: { name, message: text, stack } };
}
parentPort?.postMessage(message);
