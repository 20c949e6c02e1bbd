import "server-only";
import { z } from "zod";
import { getReportModel, getReportScopes } from "@/lib/data/reports";
import { refreshExpiredWaivers } from "@/lib/data/tracking";
import { getAcceptedRisks } from "@/lib/data/waivers";
import type { ReportModel } from "@/lib/export/report-model";
import { reportParamsSchema, type ReportParams } from "@/lib/validations/reports";

export type ReportRequest = { ok: true; params: ReportParams; model: ReportModel } | { ok: false; response: Response };

/** Parses `cluster`/`team`, refuses scopes that do not exist, and builds the model. */
export async function readReportRequest(request: Request): Promise<ReportRequest> {
  const url = new URL(request.url);
  const parsed = reportParamsSchema.safeParse({
    cluster: url.searchParams.get("cluster") ?? undefined,
    team: url.searchParams.get("team") ?? undefined,
  });
  if (!parsed.success) {
    return {
      ok: false,
      response: Response.json({ error: "Invalid report scope.", fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 422 }),
    };
  }
  const params = parsed.data;
  const scopes = await getReportScopes();
  if (params.cluster && !scopes.clusters.includes(params.cluster)) {
    return { ok: false, response: Response.json({ error: `No cluster named ${JSON.stringify(params.cluster)}.` }, { status: 404 }) };
  }
  if (params.team && !scopes.teams.includes(params.team)) {
    return {
      ok: false,
      response: Response.json({ error: `No current workload belongs to team ${JSON.stringify(params.team)}.` }, { status: 404 }),
    };
  }
  const now = new Date();
  await refreshExpiredWaivers(now);
  return { ok: true, params, model: await getReportModel(params, { now, acceptedRisks: await getAcceptedRisks(params, now) }) };
}

/** `attachment; filename=…` with an ASCII fallback and the RFC 5987 form. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
