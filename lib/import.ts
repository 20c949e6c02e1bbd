// Imports one upload as the cluster's new snapshot. The work (hash, scan, write) runs in a worker thread
// (lib/import-job.ts through lib/import-pool.ts), so the request thread stays free while it runs.
import "server-only";
import { getDatabaseUrl } from "@/lib/database-url";
import { getBusyTimeoutMs } from "@/lib/db-settings";
import type { InputFile } from "@/lib/inventory/types";
import type { ProfileId } from "@/lib/scoring/profiles";
import type { ImportJobResult } from "./import-job";
import { runImportInWorker, type WorkerOptions } from "./import-pool";
import type { UploadRequestBody } from "./upload-request";

export { hashContent } from "./import-job";
export type { UploadCounts, UploadError } from "./import-job";

export interface ImportUploadInput {
  cluster: string;
  target: ProfileId;
  files: InputFile[];
}

export type ImportUploadResult = ImportJobResult;

export async function importUpload(input: ImportUploadInput, options: WorkerOptions = {}): Promise<ImportUploadResult> {
  return runImportInWorker({ ...input, databaseUrl: getDatabaseUrl(), busyTimeoutMs: getBusyTimeoutMs() }, options);
}

/**
 * Imports an upload still as its multipart body (POST /api/uploads): parsing it happens in the worker
 * too. The body's bytes move to the worker; answers `invalid-request` for a body that is not a valid upload.
 */
export async function importUploadRequest(request: UploadRequestBody): Promise<ImportUploadResult> {
  return runImportInWorker({ request, databaseUrl: getDatabaseUrl(), busyTimeoutMs: getBusyTimeoutMs() }, { transferFiles: true });
}
