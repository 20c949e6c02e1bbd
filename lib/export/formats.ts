// The export formats shared by the CLI and the dashboard's downloads. (The HTML/PDF readiness
// report is a separate module: lib/export/report-*.ts.)
import { csvEncoder, type CsvKind } from "./csv";
import { jsonEncoder, type JsonFrame } from "./json";
import { junitEncoder } from "./junit";
import { markdownEncoder } from "./markdown";
import type { Encoder, ExportMeta } from "./model";
import { patchesEncoder, type PatchOptions } from "../remediation/patches";
import { sarifEncoder, type SarifOptions } from "./sarif";

export const EXPORT_FORMATS = ["csv", "json", "sarif", "junit", "markdown", "patches"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  contentType: string;
  extension: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  sarif: { contentType: "application/sarif+json; charset=utf-8", extension: "sarif" },
  junit: { contentType: "application/xml; charset=utf-8", extension: "xml" },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  patches: { contentType: "application/yaml; charset=utf-8", extension: "yaml" },
};

export interface EncoderOptions {
  csv?: CsvKind;
  /** The JSON report's frame (summary, inventory findings, errors); built from meta when absent. */
  jsonFrame?: JsonFrame;
  sarif?: SarifOptions;
  patches: PatchOptions;
}

export function jsonFrameFromMeta(meta: ExportMeta): JsonFrame {
  return {
    schemaVersion: 1,
    catalogVersion: meta.catalogVersion,
    scoreFormula: meta.scoreFormula,
    target: meta.target,
    cluster: meta.scope,
    summary: meta.summary ?? { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 },
    inventoryFindings: [],
    errors: [],
  };
}

export function exportEncoder(format: ExportFormat, meta: ExportMeta, options: EncoderOptions): Encoder {
  switch (format) {
    case "csv":
      return csvEncoder(options.csv ?? "findings");
    case "json":
      return jsonEncoder(options.jsonFrame ?? jsonFrameFromMeta(meta));
    case "sarif":
      return sarifEncoder(meta, options.sarif);
    case "junit":
      return junitEncoder(meta);
    case "markdown":
      return markdownEncoder(meta);
    case "patches":
      return patchesEncoder(options.patches);
  }
}
