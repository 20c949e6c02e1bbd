import { parseExportParams } from "@/lib/validations/exports";
import { exportResponse, type ExportRequest } from "@/lib/data/exports";

/** Parses `format`/`csv` and streams the export, or answers 400 with what is wrong. */
export async function respondWithExport(url: string, request: Omit<ExportRequest, "format" | "csv">): Promise<Response> {
  const parsed = parseExportParams(new URL(url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: 400 });
  return exportResponse({ ...request, ...parsed.params });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A name safe inside a quoted Content-Disposition filename. */
export function fileNamePart(text: string): string {
  return text.replace(/[^\w.-]+/g, "_").slice(0, 60);
}
