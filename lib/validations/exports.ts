import { z } from "zod";
import { CSV_KINDS } from "@/lib/export/csv";
import { EXPORT_FORMATS } from "@/lib/export/formats";

/** `format` and `csv` of a download URL; the rest of the query is the page's own filters. */
export const exportParamsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(", ")}` }),
  csv: z.enum(CSV_KINDS, { error: `csv must be one of: ${CSV_KINDS.join(", ")}` }).default("findings"),
});

export type ExportParams = z.infer<typeof exportParamsSchema>;

export function parseExportParams(search: URLSearchParams): { ok: true; params: ExportParams } | { ok: false; message: string } {
  const parsed = exportParamsSchema.safeParse({ format: search.get("format") ?? undefined, csv: search.get("csv") ?? undefined });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  return { ok: true, params: parsed.data };
}

/** URL search params as the page's searchParams object (repeated keys as arrays). */
export function toRawSearchParams(search: URLSearchParams): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    raw[key] = values.length === 1 ? values[0] : values;
  }
  return raw;
}
