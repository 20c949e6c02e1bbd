// Who owns a workload: a per-workload override, else the first configured label that is set, else
// the namespace's team. The owners CSV import is checked row by row before anything is written.
import { parse } from "csv-parse/sync";

export const DEFAULT_TEAM_LABEL_KEYS: readonly string[] = ["team", "owner", "app.kubernetes.io/part-of"];

export type TeamSource = "override" | "label" | "namespace";

export interface TeamInput {
  labels: Readonly<Record<string, string>>;
  labelKeys?: readonly string[];
  namespaceTeam?: string | null;
  override?: string | null;
}

export function resolveTeam({ labels, labelKeys = DEFAULT_TEAM_LABEL_KEYS, namespaceTeam, override }: TeamInput): {
  team: string | null;
  source: TeamSource | null;
} {
  if (override) return { team: override, source: "override" };
  for (const key of labelKeys) {
    const value = labels[key];
    // Docker and Compose labels have no length limit: a team from one is cut like a Kubernetes label value.
    if (typeof value === "string" && value !== "") return { team: cutTeam(value), source: "label" };
  }
  if (namespaceTeam) return { team: namespaceTeam, source: "namespace" };
  return { team: null, source: null };
}

/** Longest team name kept: a Kubernetes label value's limit (Docker and Compose labels have none). */
export const MAX_TEAM_LENGTH = 63;

function cutTeam(team: string): string {
  return team.length > MAX_TEAM_LENGTH ? `${team.slice(0, MAX_TEAM_LENGTH - 1)}…` : team;
}

/** The team the parser records from a workload's labels alone (the import then applies overrides and mappings). */
export function teamOf(labels: Readonly<Record<string, string>>): string | null {
  return resolveTeam({ labels }).team;
}

export const WORKLOAD_OWNER_COLUMNS = ["cluster", "namespace", "kind", "name", "team", "owner"] as const;
export const NAMESPACE_TEAM_COLUMNS = ["cluster", "namespace", "team"] as const;
const MAX_VALUE = 253;
export const MAX_OWNER_ROWS = 50_000;

export interface WorkloadOwnerRow {
  line: number;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  team: string | null;
  owner: string | null;
}

export interface NamespaceTeamRow {
  line: number;
  cluster: string;
  namespace: string;
  team: string;
}

export interface RowError {
  line: number;
  message: string;
}

export type OwnersCsv =
  | { ok: true; kind: "workloads"; rows: WorkloadOwnerRow[]; errors: RowError[] }
  | { ok: true; kind: "namespaces"; rows: NamespaceTeamRow[]; errors: RowError[] }
  | { ok: false; errors: RowError[] };

function sameColumns(header: readonly string[], expected: readonly string[]): boolean {
  return header.length === expected.length && header.every((name, i) => name === expected[i]);
}

/**
 * Parses an owners CSV: `cluster,namespace,kind,name,team,owner` (one workload a row) or
 * `cluster,namespace,team` (a namespace's team). Good rows and per-row errors come back together,
 * so a preview can show both; nothing here writes.
 */
export function parseOwnersCsv(text: string): OwnersCsv {
  const skipped: RowError[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (error: { lines?: number; message: string } | undefined) => {
        if (error) skipped.push({ line: error.lines ?? 0, message: error.message });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { ok: false, errors: [{ line: 1, message: error instanceof Error ? error.message : String(error) }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: "empty file: expected a header row" }] };
  const header = records[0].record.map((name) => name.toLowerCase());
  const kind = sameColumns(header, WORKLOAD_OWNER_COLUMNS)
    ? "workloads"
    : sameColumns(header, NAMESPACE_TEAM_COLUMNS)
      ? "namespaces"
      : null;
  if (kind === null) {
    return {
      ok: false,
      errors: [
        {
          line: records[0].info.lines,
          message: `header must be "${WORKLOAD_OWNER_COLUMNS.join(",")}" or "${NAMESPACE_TEAM_COLUMNS.join(",")}"`,
        },
      ],
    };
  }
  const body = records.slice(1);
  if (body.length > MAX_OWNER_ROWS)
    return { ok: false, errors: [{ line: 1, message: `more than ${MAX_OWNER_ROWS} rows: split the file` }] };

  const columns = kind === "workloads" ? WORKLOAD_OWNER_COLUMNS : NAMESPACE_TEAM_COLUMNS;
  const errors: RowError[] = [...skipped];
  const seen = new Map<string, number>();
  const workloadRows: WorkloadOwnerRow[] = [];
  const namespaceRows: NamespaceTeamRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({ line, message: `expected ${columns.length} columns, found ${record.length}` });
      continue;
    }
    const value = Object.fromEntries(columns.map((column, i) => [column, record[i]])) as Record<string, string>;
    const problem = checkRow(kind, value);
    if (problem) {
      errors.push({ line, message: problem });
      continue;
    }
    const key =
      kind === "workloads"
        ? [value.cluster, value.namespace, value.kind, value.name].join("/")
        : [value.cluster, value.namespace].join("/");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `${key} is already given on line ${first}` });
      continue;
    }
    seen.set(key, line);
    if (kind === "workloads") {
      workloadRows.push({
        line,
        cluster: value.cluster,
        namespace: value.namespace,
        kind: value.kind,
        name: value.name,
        team: value.team || null,
        owner: value.owner || null,
      });
    } else namespaceRows.push({ line, cluster: value.cluster, namespace: value.namespace, team: value.team });
  }
  errors.sort((a, b) => a.line - b.line);
  return kind === "workloads" ? { ok: true, kind, rows: workloadRows, errors } : { ok: true, kind, rows: namespaceRows, errors };
}

function checkRow(kind: "workloads" | "namespaces", value: Record<string, string>): string | null {
  const required = kind === "workloads" ? ["cluster", "kind", "name"] : ["cluster", "namespace", "team"];
  const missing = required.filter((column) => value[column] === "");
  if (missing.length > 0) return `missing ${missing.join(", ")}`;
  const tooLong = Object.keys(value).filter((column) => value[column].length > MAX_VALUE);
  if (tooLong.length > 0) return `${tooLong.join(", ")} longer than ${MAX_VALUE} characters`;
  if (kind === "workloads" && value.team === "" && value.owner === "") return "give a team, an owner or both";
  return null;
}
