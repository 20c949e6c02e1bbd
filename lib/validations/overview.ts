import { z } from "zod";
import { waiversModeParam } from "./workloads";

/** How the overview's readiness charts order their bars: most blocked first, largest first, or by name. */
export const READINESS_CHART_SORTS = ["blocked", "size", "name"] as const;
export type ReadinessChartSort = (typeof READINESS_CHART_SORTS)[number];

const chartSortParam = z.enum(READINESS_CHART_SORTS).catch("blocked").default("blocked");

/** `/?cluster=<name>&clusterSort=size&namespaceSort=name`: anything malformed falls back to the defaults. */
export const overviewSearchParamsSchema = z.object({
  cluster: z.string().trim().min(1).max(100).optional().catch(undefined),
  waivers: waiversModeParam,
  clusterSort: chartSortParam,
  namespaceSort: chartSortParam,
});

export type OverviewSearchParams = z.infer<typeof overviewSearchParamsSchema>;
