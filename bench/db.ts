// Database benchmark: 50k current workloads / ~150k findings across 3 clusters in a temporary SQLite,
// then the workloads page and overview queries (median of several runs) and a 10k-workload import.
// Run with `tsx --conditions=react-server bench/db.ts` so `server-only` resolves to its no-op build.
import Database from "better-sqlite3";
import { performance } from "node:perf_hooks";
import { createSeedUpload } from "../lib/testing/seed";
import { createTestDatabase } from "../lib/testing/test-db";

const CLUSTERS = [
  { name: "bench-prod", workloads: 25_000 },
  { name: "bench-staging", workloads: 15_000 },
  { name: "bench-edge", workloads: 10_000 },
];
const IMPORT_WORKLOADS = 10_000;
const RUNS = 9;
const TARGET_MS = 150;
const REPORT_TARGET_MS = 1000;

const KINDS = [
  ["Deployment", 0.62],
  ["StatefulSet", 0.12],
  ["CronJob", 0.1],
  ["DaemonSet", 0.06],
  ["Job", 0.06],
  ["Container", 0.04],
] as const;
const BLOCKER_RULES = [
  "host-network",
  "subpath",
  "host-devices",
  "hostpath-socket",
  "mount-propagation",
  "host-pid",
  "gpu",
  "docker-in-docker",
];
const WARNING_RULES = [
  "resource-limits",
  "hostpath-volume",
  "memory-emptydir",
  "privileged",
  "socket-on-disk-emptydir",
  "large-configmap-inotify",
  "guest-lsm",
];
const INFO_RULES = ["guest-lsm", "cpuset", "block-device", "nodes-not-kata-labelled"];
const TEAMS = Array.from(
  { length: 40 },
  (_, i) => `team-${["payments", "search", "checkout", "data", "platform", "ml", "mobile", "growth"][i % 8]}-${Math.floor(i / 8) + 1}`,
);
const NAME_PARTS = ["api", "worker", "web", "gateway", "cache", "indexer", "scheduler", "exporter", "proxy", "sync", "consumer", "cron"];

// Deterministic pseudo-random numbers, so every run seeds the same data.
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
function pickWeighted<T extends string>(items: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [item, weight] of items) if ((r -= weight) <= 0) return item;
  return items[0][0];
}
function pickDistinct(items: readonly string[], count: number): string[] {
  return [...items].sort(() => random() - 0.5).slice(0, Math.min(count, items.length));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(label: string, run: () => Promise<unknown>, target = TARGET_MS): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const ms = median(samples);
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms ${ms < target ? "" : `  (over ${target} ms)`}`);
  return ms;
}

function seedWorkloads(
  file: string,
  uploads: { id: number; cluster: string; workloads: number }[],
): { workloads: number; findings: number } {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const insertWorkload =
    sqlite.prepare(`INSERT INTO "Workload" ("id","uploadId","clusterName","isCurrent","identity","platform","kind","namespace","name","team","source","score","readiness","migrated","blockerCount","warningCount","infoCount","spec","sizing","vmMemoryMiB","vmVcpus","overheadMemoryMiB","overheadMilliCpu","replicas","perNode","searchText")
    VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insertFinding = sqlite.prepare(
    `INSERT INTO "Finding" ("workloadId","uploadId","isCurrent","ruleId","severity","remedy","container","path","message","fingerprint") VALUES (?,?,1,?,?,?,?,?,?,?)`,
  );
  let id = 0;
  let findings = 0;
  sqlite.transaction(() => {
    for (const upload of uploads) {
      const namespaces = Array.from({ length: 70 }, (_, i) => `${pick(["shop", "data", "infra", "ml", "web", "ops"])}-${i}`);
      for (let i = 0; i < upload.workloads; i++) {
        id++;
        const kind = pickWeighted(KINDS);
        const namespace = kind === "Container" ? "" : pick(namespaces);
        const name = `${pick(NAME_PARTS)}-${pick(NAME_PARTS)}-${i}`;
        const roll = random();
        const readiness = roll < 0.55 ? "ready" : roll < 0.85 ? "needs-changes" : "blocked";
        const blockers = readiness === "blocked" ? pickDistinct(BLOCKER_RULES, 1 + Math.floor(random() * 2)) : [];
        const warnings = readiness === "ready" ? [] : pickDistinct(WARNING_RULES, 1 + Math.floor(random() * 4));
        const infos = pickDistinct(INFO_RULES, Math.floor(random() * 4));
        const score = Math.max(0, 100 - 40 * blockers.length - 10 * warnings.length);
        const rows = [
          ...blockers.map((ruleId) => [ruleId, "blocker", "keep-on-runc"] as const),
          ...warnings.map((ruleId) => [ruleId, "warning", "manifest"] as const),
          ...infos.map((ruleId) => [ruleId, "info", null] as const),
        ];
        const spec = JSON.stringify({ id: `${upload.cluster}/${namespace}/${kind}/${name}`, kind, name, namespace, labels: { app: name } });
        // Drawn where the insert drew it, so the seeded data stays the same run to run.
        const team = random() < 0.85 ? pick(TEAMS) : null;
        // What the import stores for the search box (lib/workload-search.ts): name, namespace, image, labels.
        const searchText = `${name} ${namespace} registry.example.com/${team ?? "shared"}/${name.split("-")[0]}:1.${i % 30} app=${name}${team ? ` team=${team}` : ""}`;
        insertWorkload.run(
          id,
          upload.id,
          upload.cluster,
          `${upload.cluster}/${namespace}/${kind}/${name}`,
          kind === "Container" ? "docker" : "kubernetes",
          kind,
          namespace,
          name,
          team,
          `inventory-${i % 20}.yaml`,
          score,
          readiness,
          random() < 0.03 ? 1 : 0,
          blockers.length,
          warnings.length,
          infos.length,
          spec,
          JSON.stringify({ vmVcpus: 1.2, vmMemoryMiB: 2080, overheadMemoryMiB: 320, overheadMilliCpu: 250 }),
          2080,
          1.2,
          320,
          250,
          kind === "DaemonSet" ? 1 : 1 + Math.floor(random() * 6),
          kind === "DaemonSet" ? 1 : 0,
          searchText,
        );
        for (const [ruleId, severity, remedy] of rows) {
          insertFinding.run(
            id,
            upload.id,
            ruleId,
            severity,
            remedy,
            "app",
            "spec.template.spec.containers[0]",
            `${ruleId} on container app`,
            `${id}|${ruleId}`,
          );
          findings++;
        }
      }
    }
  })();
  sqlite.close();
  return { workloads: id, findings };
}

/** 10k remediation items on current findings (one in five in progress and overdue) and 20k audit events. */
function seedRemediation(file: string): void {
  const sqlite = new Database(file);
  const now = new Date().toISOString().replace("Z", "+00:00");
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO "RemediationItem" ("clusterId", "identity", "ruleId", "fingerprint", "status", "dueDate", "firstSeenUploadId", "lastSeenUploadId", "createdAt", "updatedAt")
         SELECT c."id", w."identity", f."ruleId", f."fingerprint", CASE WHEN f."id" % 5 = 0 THEN 'in-progress' ELSE 'open' END,
           CASE WHEN f."id" % 5 = 0 THEN '2020-01-01T00:00:00.000+00:00' ELSE '2999-01-01T00:00:00.000+00:00' END, w."uploadId", w."uploadId", ?, ?
         FROM "Finding" f JOIN "Workload" w ON w."id" = f."workloadId" JOIN "Cluster" c ON c."name" = w."clusterName"
         WHERE f."isCurrent" = 1 ORDER BY f."id" LIMIT 10000
         ON CONFLICT ("clusterId", "fingerprint") DO NOTHING`,
      )
      .run(now, now);
    sqlite
      .prepare(
        `INSERT INTO "AuditEvent" ("at", "actor", "action", "clusterId", "identity", "fingerprint", "ruleId", "entity", "entityId", "field", "fromValue", "toValue")
         SELECT ?, 'bench', 'set status', r."clusterId", r."identity", r."fingerprint", r."ruleId", 'remediation-item', r."id", 'status', 'open', 'in-progress'
         FROM "RemediationItem" r, (SELECT 1 UNION ALL SELECT 2)`,
      )
      .run(now);
  })();
  sqlite.close();
}

function generateInventory(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = i % 20;
    const pod = [
      roll === 0 ? "      hostNetwork: true" : "",
      "      containers:",
      `        - name: app`,
      `          image: registry.example.com/app-${i % 50}:1.${i % 7}`,
      roll < 12 ? '          resources:\n            limits: { cpu: "1", memory: 512Mi }' : "",
      roll === 3 ? "          volumeMounts:\n            - { name: cfg, mountPath: /etc/app/app.conf, subPath: app.conf }" : "",
      roll === 3 ? "      volumes:\n        - name: cfg\n          configMap: { name: app-config }" : "",
    ].filter(Boolean);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ns-${i % 60}
  labels: { team: team-${i % 12} }
spec:
  replicas: ${1 + (i % 4)}
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
${pod.join("\n")}
`);
  }
  return docs.join("---\n");
}

async function main() {
  const url = createTestDatabase();
  const file = url.slice("file:".length);
  const { db } = await import("../lib/db");
  const { getWorkloads, getWorkloadFacets } = await import("../lib/data/workloads");
  const { parseWorkloadsSearchParams } = await import("../lib/validations/workloads");
  const { getOverview } = await import("../lib/data/overview");
  const { getActivity, getOverdueCounts } = await import("../lib/data/remediation");

  const uploads = [];
  for (const cluster of CLUSTERS) {
    const { id: clusterId } = await db.cluster.create({ data: { name: cluster.name } });
    const created = await createSeedUpload(db, {
      clusterId,
      contentSha256: cluster.name,
      catalogVersion: "bench",
      workloadCount: cluster.workloads,
    });
    uploads.push({ id: created.id, cluster: cluster.name, workloads: cluster.workloads });
  }
  let start = performance.now();
  const seeded = seedWorkloads(file, uploads);
  console.log(
    `seeded ${seeded.workloads} workloads, ${seeded.findings} findings in ${(performance.now() - start).toFixed(0)} ms (${file})`,
  );
  seedRemediation(file);
  new Database(file).exec("ANALYZE").close();

  console.log(`\nmedian of ${RUNS} runs (target < ${TARGET_MS} ms):`);
  const params = (raw: Record<string, string>) => parseWorkloadsSearchParams(raw);
  const results = [
    await time("workloads page: default (sort name, page 1)", () => getWorkloads(params({}))),
    await time("workloads page: readiness=blocked, sort score desc, page 3", () =>
      getWorkloads(params({ readiness: "blocked", sort: "score.desc", page: "3" })),
    ),
    await time("workloads page: cluster + namespace filter, sort cluster", () =>
      getWorkloads(params({ cluster: "bench-prod", namespace: "shop-3", sort: "cluster.asc" })),
    ),
    await time("workloads page: rule=host-network, sort score", () => getWorkloads(params({ rule: "host-network", sort: "score.asc" }))),
    await time("workloads page: q=gateway, page 2", () => getWorkloads(params({ q: "gateway", page: "2" }))),
    await time("workloads page: q=team-data-2 (image and label)", () => getWorkloads(params({ q: "team-data-2" }))),
    await time("workloads facets: no filter", () => getWorkloadFacets(params({}))),
    await time("workloads facets: readiness=blocked", () => getWorkloadFacets(params({ readiness: "blocked" }))),
    await time("overview: all clusters", () => getOverview()),
    await time("overview: one cluster", () => getOverview({ cluster: "bench-staging" })),
    await time("workloads page: overdue=1, sort score", () => getWorkloads(params({ overdue: "1", sort: "score.asc" }))),
    await time("workloads facets: overdue=1", () => getWorkloadFacets(params({ overdue: "1" }))),
    await time("overview: overdue items card", () => getOverdueCounts()),
    await time("activity feed: page 1", () => getActivity(1, 50)),
    await time("activity feed: page 200", () => getActivity(200, 50)),
  ];

  // A report is a download, not a page view: its own target.
  console.log(`\nreadiness report (median of ${RUNS} runs, target < ${REPORT_TARGET_MS} ms):`);
  const { getReportModel } = await import("../lib/data/reports");
  const { htmlReportChunks } = await import("../lib/export/report-html");
  const reportResults = [
    await time("report model: all clusters", () => getReportModel(), REPORT_TARGET_MS),
    await time("report model: one cluster", () => getReportModel({ cluster: "bench-staging" }), REPORT_TARGET_MS),
    await time("report model: one team", () => getReportModel({ team: TEAMS[3] }), REPORT_TARGET_MS),
    await time(
      "report model + HTML: all clusters",
      async () => {
        let bytes = 0;
        for (const chunk of htmlReportChunks(await getReportModel())) bytes += chunk.length;
        return bytes;
      },
      REPORT_TARGET_MS,
    ),
  ];
  console.log(`\ndownloads of all ${seeded.workloads} workloads (the dashboard's streamed route response, read to the end):`);
  const { exportResponse } = await import("../lib/data/exports");
  const { buildWorkloadWhere } = await import("../lib/data/workloads");
  for (const [format, csv] of [
    ["csv", "findings"],
    ["sarif", "findings"],
  ] as const) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let bytes = 0;
    start = performance.now();
    const response = await exportResponse({ where: buildWorkloadWhere(params({})), format, csv, scope: "bench", fileName: "bench" });
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const label = `export ${format}${format === "csv" ? ` (${csv})` : ""}`;
    console.log(
      `${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(8)} ms  (${(bytes / 2 ** 20).toFixed(1)} MB; RSS ${Math.round(before / 2 ** 20)} -> peak ${Math.round(peak / 2 ** 20)} MB)`,
    );
  }

  console.log(`\nimport of ${IMPORT_WORKLOADS} workloads (one multi-document YAML):`);
  const { importUpload } = await import("../lib/import");
  const { scan } = await import("../lib/scan");
  const files = [{ name: "bench.yaml", content: generateInventory(IMPORT_WORKLOADS) }];
  start = performance.now();
  const scanned = scan(files, { cluster: "bench-import", target: "kata-qemu-runtime-rs" });
  const scanMs = performance.now() - start;
  start = performance.now();
  const imported = await importUpload({ cluster: "bench-import", target: "kata-qemu-runtime-rs", files });
  const importMs = performance.now() - start;
  if (!imported.ok) throw new Error(`import failed: ${imported.message}`);
  const findings = scanned.workloads.reduce((sum, workload) => sum + workload.findings.length, 0);
  console.log(`scan() alone                                               ${scanMs.toFixed(0).padStart(8)} ms`);
  console.log(
    `importUpload (scan + one transaction)                      ${importMs.toFixed(0).padStart(8)} ms  (${imported.counts.workloads} workloads, ${findings} findings)`,
  );

  await db.$disconnect();
  const over = results.filter((ms) => ms >= TARGET_MS).length;
  if (over > 0) console.log(`\n${over} queries over ${TARGET_MS} ms`);
  const reportsOver = reportResults.filter((ms) => ms >= REPORT_TARGET_MS).length;
  if (reportsOver > 0) console.log(`${reportsOver} reports over ${REPORT_TARGET_MS} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
