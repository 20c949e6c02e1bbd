import "server-only";
import { REMEDIES, SEVERITIES } from "@/lib/domain";
import { waiverFromRow } from "@/lib/import-tracking";
import type { RuleId } from "@/lib/rules/ids";
import packageJson from "@/package.json";
import { db } from "@/lib/db";
import { exportEncoder, FORMAT_INFO, type ExportFormat } from "@/lib/export/formats";
import type { CsvKind } from "@/lib/export/csv";
import { encodeAsync, toExportWorkload, type Decisions, type ExportMeta, type ExportWorkload } from "@/lib/export/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CATALOG_VERSION } from "@/lib/rules/catalog";
import { SCORE_FORMULA } from "@/lib/scoring/assess";
import { readSizing, readWorkloadSpec } from "./stored-json";

/** Rows read per query: a 50k export never holds more than this many workloads (and their specs). */
export const EXPORT_PAGE_SIZE = 500;

const EXPORT_SELECT = {
  id: true,
  identity: true,
  clusterName: true,
  platform: true,
  kind: true,
  namespace: true,
  name: true,
  team: true,
  owner: true,
  source: true,
  migrated: true,
  spec: true,
  sizing: true,
  upload: { select: { target: true } },
  findings: {
    select: { ruleId: true, severity: true, remedy: true, container: true, path: true, message: true, fingerprint: true },
    orderBy: [{ ruleId: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.WorkloadSelect;

type ExportRow = Prisma.WorkloadGetPayload<{ select: typeof EXPORT_SELECT }>;

function toRowFacts(row: ExportRow) {
  return {
    id: row.identity,
    cluster: row.clusterName,
    platform: row.platform,
    kind: row.kind,
    namespace: row.namespace === "" && row.platform === "docker" ? null : row.namespace,
    name: row.name,
    team: row.team,
    source: row.source,
    sources: [row.source],
    migrated: row.migrated,
    sizing: readSizing(row.sizing),
    workload: readWorkloadSpec(row.spec),
    findings: row.findings.map((f) => ({
      ...f,
      // Rule ids are a public contract the catalog never takes back: a stored id is a catalog id.
      ruleId: f.ruleId as RuleId,
      severity: SEVERITIES.find((s) => s === f.severity) ?? "info",
      remedy: REMEDIES.find((r) => r === f.remedy) ?? null,
    })),
  };
}

/** The stored decisions of one page of rows: owners, and each finding's remediation item. */
async function pageDecisions(rows: readonly ExportRow[]): Promise<Decisions> {
  const prints = rows.flatMap((row) => row.findings.flatMap((f) => (f.fingerprint ? [f.fingerprint] : [])));
  const items = prints.length
    ? await db.remediationItem.findMany({ where: { fingerprint: { in: prints } }, select: { fingerprint: true, status: true, assignee: true, dueDate: true } })
    : [];
  const byPrint = new Map(items.map((item) => [item.fingerprint, item]));
  const owners = new Map(rows.map((row) => [row.identity, row.owner]));
  return {
    owner: (identity) => owners.get(identity) ?? null,
    finding: (fingerprint) => {
      const item = byPrint.get(fingerprint);
      return item ? { status: item.status, assignee: item.assignee, due: item.dueDate ? item.dueDate.toISOString().slice(0, 10) : null } : null;
    },
  };
}

/**
 * The workloads matching `where`, page by page (keyset on id, so each page is one index range), with
 * the waivers in force and the stored decisions (status, assignee, due, owner).
 */
export async function* readExportWorkloads(where: Prisma.WorkloadWhereInput, now = new Date()): AsyncGenerator<ExportWorkload & { target: string }> {
  const waivers = (await db.waiver.findMany({ where: { revokedAt: null, expiresAt: { gt: now } } })).map((row) =>
    waiverFromRow({ ...row, expiresAt: row.expiresAt.toISOString() }),
  );
  let after = 0;
  for (;;) {
    const rows = await db.workload.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: EXPORT_PAGE_SIZE,
      select: EXPORT_SELECT,
    });
    const decisions = await pageDecisions(rows);
    for (const row of rows) yield { ...toExportWorkload(toRowFacts(row), { decisions, waivers, now }), target: row.upload.target };
    if (rows.length < EXPORT_PAGE_SIZE) return;
    after = rows[rows.length - 1].id;
  }
}

async function exportMeta(where: Prisma.WorkloadWhereInput, scope: string): Promise<ExportMeta> {
  const [groups, uploads] = await Promise.all([
    db.workload.groupBy({ by: ["readiness", "migrated"], where, _count: { _all: true } }),
    db.workload.findMany({ where, distinct: ["uploadId"], select: { upload: { select: { target: true } } } }),
  ]);
  const summary = { workloads: 0, ready: 0, needsChanges: 0, blocked: 0, migrated: 0 };
  for (const group of groups) {
    const n = group._count._all;
    summary.workloads += n;
    if (group.readiness === "ready") summary.ready += n;
    else if (group.readiness === "needs-changes") summary.needsChanges += n;
    else summary.blocked += n;
    if (group.migrated) summary.migrated += n;
  }
  const targets = [...new Set(uploads.map((u) => u.upload.target))];
  return {
    toolVersion: packageJson.version,
    target: targets.length === 1 ? targets[0] : targets.length === 0 ? "none" : `mixed (${targets.sort().join(", ")})`,
    catalogVersion: CATALOG_VERSION,
    scoreFormula: SCORE_FORMULA,
    scope,
    summary,
  };
}

export interface ExportRequest {
  where: Prisma.WorkloadWhereInput;
  format: ExportFormat;
  csv: CsvKind;
  /** For titles, e.g. "filtered workloads", "upload 12 (prod)". */
  scope: string;
  /** File name without extension. */
  fileName: string;
}

const CHUNK_BYTES = 64 * 1024;

/** The export as a streamed HTTP response: attachment, no sniffing, no caching. */
export async function exportResponse(request: ExportRequest): Promise<Response> {
  const meta = await exportMeta(request.where, request.scope);
  const encoder = exportEncoder(request.format, meta, {
    csv: request.csv,
    // Each workload moves to its own upload's target RuntimeClass.
    patches: { target: meta.target, targetOf: (w) => (w as ExportWorkload & { target?: string }).target ?? meta.target },
  });
  const chunks = encodeAsync(encoder, readExportWorkloads(request.where));
  const bytes = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let pending = "";
      while (pending.length < CHUNK_BYTES) {
        const next = await chunks.next();
        if (next.done) {
          if (pending) controller.enqueue(bytes.encode(pending));
          controller.close();
          return;
        }
        pending += next.value;
      }
      controller.enqueue(bytes.encode(pending));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const info = FORMAT_INFO[request.format];
  const suffix = request.format === "csv" ? `-${request.csv}` : "";
  return new Response(body, {
    headers: {
      "Content-Type": info.contentType,
      "Content-Disposition": `attachment; filename="${request.fileName}${suffix}.${info.extension}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
