import { z } from "zod";
import { importUpload } from "@/lib/import";
import type { InputError, InputFile } from "@/lib/inventory/types";
import { getMaxUploadBytes, uploadFieldsSchema } from "@/lib/validations/uploads";
import { getDeclaredLength, readLimitedBody } from "./request-body";

interface UploadErrorBody {
  error: string;
  errors?: InputError[];
  fieldErrors?: Record<string, string[] | undefined>;
  duplicateOf?: number;
}

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
// (unlike Server Actions), so the limit is enforced here, before and while the bytes are read.
export async function POST(request: Request): Promise<Response> {
  const limit = getMaxUploadBytes();
  const declared = getDeclaredLength(request);
  if (declared !== null && declared > limit) return failTooLarge(limit);

  const body = await readLimitedBody(request, limit);
  if (body === null) return failTooLarge(limit);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return fail(400, { error: "Expected a multipart/form-data body with `files`, `cluster` and `target`." });
  }

  const fields = uploadFieldsSchema.safeParse({ cluster: form.get("cluster"), target: form.get("target") });
  if (!fields.success) {
    return fail(422, { error: "Invalid upload fields.", fieldErrors: z.flattenError(fields.error).fieldErrors });
  }

  const uploaded = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.name !== "");
  if (uploaded.length === 0) return fail(400, { error: "No files: attach one or more inventory files as `files`." });

  // Buffer views (no copy): the parser's byte searches are fast on Buffers.
  const files: InputFile[] = await Promise.all(
    uploaded.map(async (file) => ({ name: file.name, content: Buffer.from(await file.arrayBuffer()) })),
  );
  const result = await importUpload({ ...fields.data, files });

  if (!result.ok && result.reason === "duplicate") {
    return fail(409, { error: result.message, duplicateOf: result.duplicateOf });
  }
  if (!result.ok) return fail(400, { error: result.message, errors: result.errors });
  return Response.json(
    { uploadId: result.uploadId, cluster: result.cluster, counts: result.counts, errors: result.errors },
    { status: 201, headers: { Location: `/uploads/${result.uploadId}` } },
  );
}
