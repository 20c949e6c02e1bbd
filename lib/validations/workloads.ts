import { z } from "zod";
import { READINESS_STATES, SEVERITIES } from "@/lib/domain";

export const WORKLOAD_SORT_COLUMNS = [
  "name",
  "kind",
  "namespace",
  "cluster",
  "team",
  "score",
  "readiness",
  "blockers",
  "warnings",
] as const;
export type WorkloadSortColumn = (typeof WORKLOAD_SORT_COLUMNS)[number];

export const WORKLOAD_FACETS = ["cluster", "namespace", "kind", "readiness", "rule", "severity", "team"] as const;
export type WorkloadFacet = (typeof WORKLOAD_FACETS)[number];

/** Columns the user can hide (`cols` lists the hidden ones). */
export const WORKLOAD_HIDEABLE_COLUMNS = ["readiness", "rules", "score", "blockers", "warnings", "cluster", "team", "migrated"] as const;
export type WorkloadHideableColumn = (typeof WORKLOAD_HIDEABLE_COLUMNS)[number];

export const PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;
export const DEFAULT_PER_PAGE = 25;
/**
 * Most urgent first: readiness ascending is blocked first, and its tie-breaks (most blockers, most
 * warnings, lowest score) are lib/data/workloads.ts's. A URL without `sort` means this order.
 */
export const DEFAULT_SORT = { column: "readiness", desc: false } as const satisfies WorkloadSort;
/** The facet value for a missing team or namespace (Docker containers have no namespace). */
export const NONE_VALUE = "(none)";

const MAX_LIST_ITEMS = 50;
const MAX_VALUE_LENGTH = 253;

export interface WorkloadSort {
  column: WorkloadSortColumn;
  desc: boolean;
}

// URL values arrive as string | string[] | undefined; repeated keys and comma lists both work.
function toStrings(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
  return parts.flatMap((part) => part.split(","));
}

/** A comma list of free values: trimmed, de-duplicated, bounded; anything else becomes []. */
const listParam = z
  .unknown()
  .optional()
  .transform((value) => {
    const items = toStrings(value)
      .map((item) => item.trim())
      .filter((item) => item.length > 0 && item.length <= MAX_VALUE_LENGTH);
    return [...new Set(items)].slice(0, MAX_LIST_ITEMS);
  });

/** A comma list restricted to known values: unknown items are dropped rather than failing the page. */
function enumListParam<const T extends readonly string[]>(allowed: T) {
  return listParam.transform((items) => items.filter((item): item is T[number] => allowed.includes(item)));
}

const textParam = z
  .unknown()
  .optional()
  .transform((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first.trim().slice(0, 200) : "";
  });

const sortParam = z
  .unknown()
  .optional()
  .transform((value): WorkloadSort => {
    const raw = typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "";
    const [column, direction] = raw.split(".");
    if (!WORKLOAD_SORT_COLUMNS.includes(column as WorkloadSortColumn)) return { ...DEFAULT_SORT };
    return { column: column as WorkloadSortColumn, desc: direction === "desc" };
  });

/** `overdue=1`: only workloads with a remediation item past its due date and still open. */
const flagParam = z
  .unknown()
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value) === "1");

const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

const perPageParam = z.coerce
  .number()
  .int()
  .refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
  .catch(DEFAULT_PER_PAGE);

/** `waivers=off`: figures without any waiver (the raw columns). */
export const WAIVERS_MODES = ["on", "off"] as const;
export type WaiversMode = (typeof WAIVERS_MODES)[number];
export const waiversModeParam = z.enum(WAIVERS_MODES).catch("on").default("on");

export const workloadsSearchParamsSchema = z.object({
  q: textParam,
  cluster: listParam,
  namespace: listParam,
  kind: listParam,
  readiness: enumListParam(READINESS_STATES),
  rule: listParam,
  severity: enumListParam(SEVERITIES),
  team: listParam,
  overdue: flagParam,
  sort: sortParam,
  page: pageParam,
  perPage: perPageParam,
  cols: enumListParam(WORKLOAD_HIDEABLE_COLUMNS),
  waivers: waiversModeParam,
});

export type WorkloadsSearchParams = z.infer<typeof workloadsSearchParamsSchema>;
/** The filter part of the search params: what the where-builder and the facets read. */
export type WorkloadFilters = Pick<WorkloadsSearchParams, "q" | WorkloadFacet> & { overdue?: boolean; waivers?: WaiversMode };

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function parseWorkloadsSearchParams(raw: RawSearchParams): WorkloadsSearchParams {
  // Every field has a transform or catch, so parsing never fails; a bad URL shows the defaults.
  return workloadsSearchParamsSchema.parse(raw);
}

export function formatSort(sort: WorkloadSort): string {
  return `${sort.column}.${sort.desc ? "desc" : "asc"}`;
}

/**
 * The canonical query string of the parsed params (defaults left out), so equal states give
 * equal strings: used for links and as the Suspense key.
 */
export function serializeWorkloadsSearchParams(params: WorkloadsSearchParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  for (const facet of WORKLOAD_FACETS) {
    if (params[facet].length > 0) search.set(facet, params[facet].join(","));
  }
  if (params.overdue) search.set("overdue", "1");
  if (params.sort.column !== DEFAULT_SORT.column || params.sort.desc !== DEFAULT_SORT.desc) {
    search.set("sort", formatSort(params.sort));
  }
  if (params.page !== 1) search.set("page", String(params.page));
  if (params.perPage !== DEFAULT_PER_PAGE) search.set("perPage", String(params.perPage));
  if (params.cols.length > 0) search.set("cols", params.cols.join(","));
  if (params.waivers === "off") search.set("waivers", "off");
  return search.toString();
}

export function hasActiveFilters(filters: WorkloadFilters): boolean {
  return filters.q !== "" || filters.overdue === true || WORKLOAD_FACETS.some((facet) => filters[facet].length > 0);
}
