// CSV exports: one row per finding, or one row per workload. csv-stringify quotes, and with
// `escape_formulas` prefixes a `'` to any cell starting with =, +, -, @, tab or CR, so a
// spreadsheet never runs a value taken from a manifest as a formula.
import { stringify } from "csv-stringify/sync";
import type { Encoder, ExportFinding, ExportWorkload } from "./model";

export const CSV_KINDS = ["findings", "workloads"] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

type Cell = string | number | boolean | null;

const WORKLOAD_COLUMNS = ["cluster", "namespace", "kind", "name", "team", "owner", "readiness", "migration_path", "score"] as const;

export const FINDINGS_CSV_HEADER = [
  ...WORKLOAD_COLUMNS,
  "rule",
  "severity",
  "remedy",
  "container",
  "field_path",
  "message",
  "fingerprint",
  "status",
  "assignee",
  "due",
  "waiver",
] as const;

export const WORKLOADS_CSV_HEADER = [
  "identity",
  ...WORKLOAD_COLUMNS,
  "migrated",
  "blockers",
  "warnings",
  "infos",
  "waived",
  "blocking_rules",
  "source",
] as const;

const CSV_OPTIONS = { escape_formulas: true, cast: { boolean: (value: boolean) => (value ? "true" : "false") } } as const;

function rows(records: Cell[][]): string {
  return stringify(records, CSV_OPTIONS);
}

function workloadCells(w: ExportWorkload): Cell[] {
  return [w.cluster, w.namespace ?? "", w.kind, w.name, w.team ?? "", w.owner ?? "", w.readiness, w.migrationPath, w.score];
}

/** How a waiver reads in one cell: who accepted what until when. */
export function describeWaiver(finding: Pick<ExportFinding, "waiver">): string {
  const { waiver } = finding;
  if (!waiver) return "";
  return `${waiver.id}: ${waiver.reason} (approved by ${waiver.approver}, until ${waiver.expiresAt.slice(0, 10)})`;
}

function findingCells(f: ExportFinding): Cell[] {
  return [
    f.ruleId,
    f.severity,
    f.remedy ?? "",
    f.container ?? "",
    f.path,
    f.message,
    f.fingerprint,
    f.status ?? "",
    f.assignee ?? "",
    f.due ?? "",
    describeWaiver(f),
  ];
}

const NO_FINDING: Cell[] = FINDINGS_CSV_HEADER.slice(WORKLOAD_COLUMNS.length).map(() => "");

/** One row per finding; a workload without findings still gets one row (empty finding cells). */
export function findingsCsvEncoder(): Encoder {
  return {
    start: () => rows([[...FINDINGS_CSV_HEADER]]),
    workload(w) {
      const base = workloadCells(w);
      if (w.findings.length === 0) return rows([[...base, ...NO_FINDING]]);
      return rows(w.findings.map((f) => [...base, ...findingCells(f)]));
    },
    end: () => "",
  };
}

export function workloadsCsvEncoder(): Encoder {
  return {
    start: () => rows([[...WORKLOADS_CSV_HEADER]]),
    workload(w) {
      const counts = { blocker: 0, warning: 0, info: 0 };
      let waived = 0;
      const blocking = new Set<string>();
      for (const f of w.findings) {
        if (f.waiver) {
          waived++;
          continue;
        }
        counts[f.severity]++;
        if (f.severity === "blocker") blocking.add(f.ruleId);
      }
      return rows([
        [
          w.id,
          ...workloadCells(w),
          w.migrated,
          counts.blocker,
          counts.warning,
          counts.info,
          waived,
          [...blocking].sort().join(" "),
          w.source,
        ],
      ]);
    },
    end: () => "",
  };
}

export function csvEncoder(kind: CsvKind): Encoder {
  return kind === "findings" ? findingsCsvEncoder() : workloadsCsvEncoder();
}
