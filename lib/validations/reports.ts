import { z } from "zod";

// An empty field means "all" (the Reports page's selects send "" for it). Control characters and
// overlong values are refused, not silently trimmed.
const optionalName = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
    .optional()
    .transform((value) => (value ? value : null));

/** `/api/reports/{html,pdf}?cluster=…&team=…` */
export const reportParamsSchema = z.object({
  cluster: optionalName(253),
  team: optionalName(253),
});

export type ReportParams = z.infer<typeof reportParamsSchema>;

/** A download name from the scope: `kata-readiness-report-prod-eu-payments-2026-12-02.html`. */
export function reportFileName({ cluster, team }: ReportParams, date: Date, extension: "html" | "pdf"): string {
  const scope = [cluster, team].filter((part): part is string => !!part).map((part) => part.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60));
  return ["kata-readiness-report", ...(scope.length > 0 ? scope : ["all"]), date.toISOString().slice(0, 10)].join("-") + `.${extension}`;
}
