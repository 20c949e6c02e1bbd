import { z } from "zod";

/** `/?cluster=<name>`: anything malformed falls back to every cluster. */
export const overviewSearchParamsSchema = z.object({
  cluster: z.string().trim().min(1).max(100).optional().catch(undefined),
});

export type OverviewSearchParams = z.infer<typeof overviewSearchParamsSchema>;
