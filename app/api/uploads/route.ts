import { importUploadRequest, type UploadError } from "@/lib/import";
import { ImportOutOfMemoryError, ImportQueueFullError } from "@/lib/import-pool";
import { internalErrorResponse, isDatabaseBusy, serviceUnavailableResponse } from "@/lib/http/internal-error";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { tooManyFilesMessage } from "@/lib/upload-request";
import { getMaxUploadBytes, getMaxUploadFiles } from "@/lib/validations/uploads";
import { countMultipartParts, getDeclaredLength, readLimitedBody } from "./request-body";

interface UploadErrorBody {
  error: string;
  errors?: UploadError[];
  fieldErrors?: Record<string, string[] | undefined>;
  duplicateOf?: number;
}

// The form fields besides `files` (cluster, target) and some slack for empty parts.
const NON_FILE_PARTS = 8;

function fail(status: number, body: UploadErrorBody): Response {
  return Response.json(body, { status });
}

function failTooLarge(limit: number): Response {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return fail(413, {
    error: `The upload is larger than the ${mb} MB limit. Split it into several uploads, or raise KATA_READINESS_MAX_UPLOAD_MB.`,
  });
}

// Multipart: `files` (one or more), `cluster`, `target`. Route handlers have no body limit of their own
// (unlike Server Actions), so the limit is enforced here, before and while the bytes are read. The body
// is parsed, scanned and written in a worker thread (lib/import.ts): this thread only reads the bytes.
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  try {
    return await handleUpload(request);
  } catch (error) {
    if (error instanceof ImportQueueFullError) return serviceUnavailableResponse(error.message);
    if (isDatabaseBusy(error)) return serviceUnavailableResponse("The database is busy with another write. Retry in a few seconds.");
    if (error instanceof ImportOutOfMemoryError) return fail(413, { error: error.message });
    return internalErrorResponse(error, "importing the upload");
  }
}

async function handleUpload(request: Request): Promise<Response> {
  const limit = getMaxUploadBytes();
  const declared = getDeclaredLength(request);
  if (declared !== null && declared > limit) return failTooLarge(limit);

  const body = await readLimitedBody(request, limit);
  if (body === null) return failTooLarge(limit);

  const contentType = request.headers.get("content-type") ?? "";
  const maxFiles = getMaxUploadFiles();
  // Counted on the bytes (fast) so 20,000 tiny parts are refused before anything parses them.
  const parts = countMultipartParts(body, contentType);
  if (parts !== null && parts > maxFiles + NON_FILE_PARTS) return fail(413, { error: tooManyFilesMessage(maxFiles) });

  const result = await importUploadRequest({ body, contentType, maxFiles });
  if (result.ok) {
    return Response.json(
      { uploadId: result.uploadId, cluster: result.cluster, counts: result.counts, errors: result.errors },
      { status: 201, headers: { Location: `/uploads/${result.uploadId}` } },
    );
  }
  switch (result.reason) {
    case "invalid-request":
      return fail(result.status, { error: result.message, fieldErrors: result.fieldErrors });
    case "duplicate":
      return fail(409, { error: result.message, duplicateOf: result.duplicateOf });
    case "busy":
      return serviceUnavailableResponse(result.message);
    case "unreadable":
      return fail(400, { error: result.message, errors: result.errors });
    case "no-workloads":
      return fail(422, { error: result.message, errors: result.errors });
  }
}
