import { z } from "zod";
import { SEVERITIES } from "@/lib/domain";

export const RULE_SCOPES = ["workload", "declared", "inventory"] as const;

export const RULE_SORT_COLUMNS = ["id", "title", "severity", "remedy", "scope", "affected"] as const;
export type RuleSortColumn = (typeof RULE_SORT_COLUMNS)[number];
export interface RuleSort {
  column: RuleSortColumn;
  desc: boolean;
}
/** Most affected first: the rules that matter to these workloads lead. */
export const DEFAULT_RULE_SORT = { column: "affected", desc: true } as const satisfies RuleSort;

/** `show=all`: the whole catalog; without it only the rules that affect a current workload or cluster. */
export const RULE_SHOW_MODES = ["affecting", "all"] as const;

const firstString = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const sortParam = z
  .unknown()
  .optional()
  .transform((value): RuleSort => {
    const raw = firstString(value);
    const [column, direction] = typeof raw === "string" ? raw.split(".") : [];
    if (!RULE_SORT_COLUMNS.includes(column as RuleSortColumn)) return { ...DEFAULT_RULE_SORT };
    return { column: column as RuleSortColumn, desc: direction === "desc" };
  });

/** `/rules?severity=…&scope=…&q=…&sort=…&show=all`: unknown values fall back to the defaults. */
export const rulesSearchParamsSchema = z.object({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  scope: z.enum(RULE_SCOPES).optional().catch(undefined),
  q: z
    .unknown()
    .optional()
    .transform((value) => {
      const raw = firstString(value);
      return typeof raw === "string" ? raw.trim().slice(0, 200) : "";
    }),
  sort: sortParam,
  show: z.enum(RULE_SHOW_MODES).catch("affecting").default("affecting"),
});

export type RulesSearchParams = z.infer<typeof rulesSearchParamsSchema>;

/** The canonical `/rules` link of a state, defaults left out. */
export function rulesHref(params: RulesSearchParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.severity) search.set("severity", params.severity);
  if (params.scope) search.set("scope", params.scope);
  if (params.sort.column !== DEFAULT_RULE_SORT.column || params.sort.desc !== DEFAULT_RULE_SORT.desc) {
    search.set("sort", `${params.sort.column}.${params.sort.desc ? "desc" : "asc"}`);
  }
  if (params.show === "all") search.set("show", "all");
  const query = search.toString();
  return query ? `/rules?${query}` : "/rules";
}
