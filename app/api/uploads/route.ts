import { z } from "zod";
import { importUpload, type UploadError } from "@/lib/import";
import { ImportOutOfMemoryError, ImportQueueFullError } from "@/lib/import-pool";
import { internalErrorResponse, isDatabaseBusy, serviceUnavailableResponse } from "@/lib/http/internal-error";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import type { InputFile } from "@/lib/inventory/types";
import { getMaxUploadBytes, getMaxUploadFiles, uploadFieldsSchema } from "@/lib/validations/uploads";
import { countMultipartParts, getDeclaredLength, readLimitedBody } from "./request-body";

interface UploadErrorBody {
  error: string;
  errors?: UploadError[];
  fieldErrors?: Record<string, string[] | undefined>;
  duplicateOf?: number;
}

// The form fields besides `files` (cluster, target) and some slack for empty parts.
const NON_FILE_PARTS = 8;
// File systems cap a file name at 255 bytes; browsers send base names.
const MAX_FILE_NAME_LENGTH = 255;

function fail(status: number, body: UploadErrorBody): Response {
  return Response.json(body, { status });
}

function failTooLarge(limit: number): Response {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return fail(413, {
    error: `The upload is larger than the ${mb} MB limit. Split it into several uploads, or raise KATA_READINESS_MAX_UPLOAD_MB.`,
  });
}

function failTooManyFiles(limit: number): Response {
  return fail(413, {
    error: `The upload has more than ${limit} files. Split it into several uploads, or raise KATA_READINESS_MAX_UPLOAD_FILES.`,
  });
}

// Multipart: `files` (one or more), `cluster`, `target`. Route handlers have no body limit of their own
// (unlike Server Actions), so the limit is enforced here, before and while the bytes are read.
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
  const parts = countMultipartParts(body, contentType);
  if (parts !== null && parts > maxFiles + NON_FILE_PARTS) return failTooManyFiles(maxFiles);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return fail(400, { error: "Expected a multipart/form-data body with `files`, `cluster` and `target`." });
  }

  const fields = uploadFieldsSchema.safeParse({ cluster: form.get("cluster"), target: form.get("target") });
  if (!fields.success) {
    return fail(422, { error: "Invalid upload fields.", fieldErrors: z.flattenError(fields.error).fieldErrors });
  }

  const uploaded = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.name !== "");
  if (uploaded.length === 0) return fail(400, { error: "No files: attach one or more inventory files as `files`." });
  if (uploaded.length > maxFiles) return failTooManyFiles(maxFiles);
  const longName = uploaded.findIndex((file) => file.name.length > MAX_FILE_NAME_LENGTH);
  if (longName !== -1) {
    return fail(422, {
      error: `File ${longName + 1} has a name of ${uploaded[longName].name.length} characters: at most ${MAX_FILE_NAME_LENGTH}.`,
    });
  }

  // Each file's bytes in an ArrayBuffer of its own, moved (not copied) to the import worker.
  const files: InputFile[] = await Promise.all(
    uploaded.map(async (file) => ({ name: file.name, content: new Uint8Array(await file.arrayBuffer()) })),
  );
  const result = await importUpload({ ...fields.data, files }, { transferFiles: true });

  if (result.ok) {
    return Response.json(
      { uploadId: result.uploadId, cluster: result.cluster, counts: result.counts, errors: result.errors },
      { status: 201, headers: { Location: `/uploads/${result.uploadId}` } },
    );
  }
  switch (result.reason) {
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
