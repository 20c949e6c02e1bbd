// Reads the multipart body of POST /api/uploads into fields and files. Runs in the import worker
// (lib/import-worker.ts): parsing 10,000 parts takes over a second, which must not hold up other requests.
import { z } from "zod";
import type { InputFile } from "@/lib/inventory/types";
import type { ProfileId } from "@/lib/scoring/profiles";
import { uploadFieldsSchema } from "@/lib/validations/uploads";

// File systems cap a file name at 255 bytes; browsers send base names.
export const MAX_FILE_NAME_LENGTH = 255;

export interface UploadRequestBody {
  body: Uint8Array;
  contentType: string;
  maxFiles: number;
}

export interface RefusedRequest {
  status: 400 | 413 | 422;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export type ParsedUploadRequest = { ok: true; cluster: string; target: ProfileId; files: InputFile[] } | ({ ok: false } & RefusedRequest);

export function tooManyFilesMessage(limit: number): string {
  return `The upload has more than ${limit} files. Split it into several uploads, or raise KATA_READINESS_MAX_UPLOAD_FILES.`;
}

export async function parseUploadRequest({ body, contentType, maxFiles }: UploadRequestBody): Promise<ParsedUploadRequest> {
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, message: "Expected a multipart/form-data body with `files`, `cluster` and `target`." };
  }

  const fields = uploadFieldsSchema.safeParse({ cluster: form.get("cluster"), target: form.get("target") });
  if (!fields.success) {
    return { ok: false, status: 422, message: "Invalid upload fields.", fieldErrors: z.flattenError(fields.error).fieldErrors };
  }

  const uploaded = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.name !== "");
  if (uploaded.length === 0) return { ok: false, status: 400, message: "No files: attach one or more inventory files as `files`." };
  if (uploaded.length > maxFiles) return { ok: false, status: 413, message: tooManyFilesMessage(maxFiles) };
  const longName = uploaded.findIndex((file) => file.name.length > MAX_FILE_NAME_LENGTH);
  if (longName !== -1) {
    return {
      ok: false,
      status: 422,
      message: `File ${longName + 1} has a name of ${uploaded[longName].name.length} characters: at most ${MAX_FILE_NAME_LENGTH}.`,
    };
  }

  // Buffer views (no copy): the parser's byte searches are fast on Buffers.
  const files = await Promise.all(uploaded.map(async (file) => ({ name: file.name, content: Buffer.from(await file.arrayBuffer()) })));
  return { ok: true, ...fields.data, files };
}
