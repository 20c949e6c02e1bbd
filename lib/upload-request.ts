// Reads the multipart body of POST /api/uploads into fields and files. Runs in the import worker
// (lib/import-worker.ts), so even 10,000 parts never hold up other requests.
import { z } from "zod";
import type { InputFile } from "@/lib/inventory/types";
import { parseMultipart } from "@/lib/multipart";
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

export function parseUploadRequest({ body, contentType, maxFiles }: UploadRequestBody): ParsedUploadRequest {
  const parts = parseMultipart(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType);
  if (parts === null) {
    return { ok: false, status: 400, message: "Expected a multipart/form-data body with `files`, `cluster` and `target`." };
  }
  // As FormData.get: the first field of a name; file parts never count as fields.
  const field = (name: string) => {
    const part = parts.find((candidate) => candidate.name === name && candidate.filename === undefined);
    return part ? part.content.toString("utf8") : null;
  };

  const fields = uploadFieldsSchema.safeParse({ cluster: field("cluster"), target: field("target") });
  if (!fields.success) {
    return { ok: false, status: 422, message: "Invalid upload fields.", fieldErrors: z.flattenError(fields.error).fieldErrors };
  }

  // A file input left empty sends one part with an empty filename.
  const uploaded = parts.filter((part) => part.name === "files" && part.filename);
  if (uploaded.length === 0) return { ok: false, status: 400, message: "No files: attach one or more inventory files as `files`." };
  if (uploaded.length > maxFiles) return { ok: false, status: 413, message: tooManyFilesMessage(maxFiles) };
  const longName = uploaded.findIndex((part) => part.filename!.length > MAX_FILE_NAME_LENGTH);
  if (longName !== -1) {
    return {
      ok: false,
      status: 422,
      message: `File ${longName + 1} has a name of ${uploaded[longName].filename!.length} characters: at most ${MAX_FILE_NAME_LENGTH}.`,
    };
  }
  // Views into the body (no copy): the parser's byte searches are fast on Buffers.
  const files: InputFile[] = uploaded.map((part) => ({ name: part.filename!, content: part.content }));
  return { ok: true, ...fields.data, files };
}
