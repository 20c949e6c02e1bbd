import { z } from "zod";
import { waiversModeParam } from "./workloads";

/** `/?cluster=<name>`: anything malformed falls back to every cluster. */
export const overviewSearchParamsSchema = z.object({
  cluster: z.string().trim().min(1).max(100).optional().catch(undefined),
  waivers: waiversModeParam,
});

export type OverviewSearchParams = z.infer<typeof overviewSearchParamsSchema>;
