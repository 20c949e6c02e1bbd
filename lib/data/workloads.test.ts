import { beforeAll, describe, expect, it } from "vitest";
import { findRule } from "@/lib/rules/catalog";
import { searchTextOf } from "@/lib/workload-search";
import { createSeedUpload } from "@/lib/testing/seed";
import { createTestDatabase } from "@/lib/testing/test-db";
import { parseWorkloadsSearchParams, WORKLOAD_SORT_COLUMNS, type RawSearchParams } from "@/lib/validations/workloads";

type Data = typeof import("./workloads");
let data: Data;
let db: typeof import("@/lib/db").db;

interface Seed {
  name: string;
  cluster?: string;
  namespace?: string;
  kind?: string;
  team?: string | null;
  isCurrent?: boolean;
  image?: string;
  labels?: Record<string, string>;
  findings?: Array<{ ruleId: string; severity: "blocker" | "warning" | "info"; isCurrent?: boolean }>;
}

// Score and counts follow the v1 formula so sorting by them is meaningful.
function assess(findings: NonNullable<Seed["findings"]>) {
  const blockers = new Set(findings.filter((f) => f.severity === "blocker").map((f) => f.ruleId));
  const warnings = new Set(findings.filter((f) => f.severity === "warning").map((f) => f.ruleId));
  return {
    score: Math.max(0, 100 - 40 * blockers.size - 10 * warnings.size),
    readiness: blockers.size > 0 ? "blocked" : warnings.size > 0 ? "needs-changes" : "ready",
    blockerCount: findings.filter((f) => f.severity === "blocker").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    infoCount: findings.filter((f) => f.severity === "info").length,
  };
}

async function seed(workloads: Seed[]) {
  const cluster = await db.cluster.create({ data: { name: `c-${Math.random()}` } });
  const upload = await createSeedUpload(db, { clusterId: cluster.id, contentSha256: String(Math.random()), workloadCount: workloads.length });
  for (const w of workloads) {
    const findings = w.findings ?? [];
    const clusterName = w.cluster ?? "prod";
    const namespace = w.namespace ?? "default";
    const kind = w.kind ?? "Deployment";
    const pods = w.image ? [{ path: "spec.template.spec", spec: { containers: [{ name: "main", image: w.image }] } }] : [];
    const spec = { platform: "kubernetes", pathPrefix: "", pods, labels: w.labels ?? {}, object: { kind, metadata: { name: w.name } } };
    await db.workload.create({
      data: {
        uploadId: upload.id,
        clusterName,
        isCurrent: w.isCurrent ?? true,
        identity: `${clusterName}/${namespace}/${kind}/${w.name}`,
        platform: "kubernetes",
        kind,
        namespace,
        name: w.name,
        team: w.team === undefined ? "payments" : w.team,
        source: "test.yaml",
        migrated: false,
        spec: { id: `${clusterName}/${namespace}/${kind}/${w.name}`, ...spec, annotations: {} },
        searchText: searchTextOf({ ...spec, name: w.name, namespace }),
        sizing: { vmVcpus: 1, vmMemoryMiB: 2048, overheadMemoryMiB: 320, overheadMilliCpu: 250, schedulerMemoryMiB: 2368, schedulerMilliCpu: 1250, replicas: 1, perNode: false },
        vmMemoryMiB: 2048,
        vmVcpus: 1,
        overheadMemoryMiB: 320,
        overheadMilliCpu: 250,
        ...assess(findings),
        findings: {
          create: findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            isCurrent: f.isCurrent ?? w.isCurrent ?? true,
            path: "spec",
            message: f.ruleId,
          })),
        },
      },
    });
  }
}

const params = (raw: RawSearchParams) => parseWorkloadsSearchParams(raw);
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  data = await import("./workloads");
  await seed([
    { name: "api", image: "registry.example.com/Shop/API:2.1", labels: { tier: "Frontend" }, findings: [{ ruleId: "host-network", severity: "blocker" }] },
    {
      name: "web",
      findings: [
        { ruleId: "resource-limits", severity: "warning" },
        { ruleId: "resource-limits", severity: "warning" },
      ],
    },
    { name: "worker", namespace: "jobs", kind: "Job", team: null },
    { name: "cache", cluster: "staging", findings: [{ ruleId: "subpath", severity: "blocker" }, { ruleId: "resource-limits", severity: "warning" }] },
    { name: "db", cluster: "staging", kind: "StatefulSet", team: "data", findings: [{ ruleId: "hugepages", severity: "warning" }] },
    { name: "old-api", isCurrent: false, findings: [{ ruleId: "host-network", severity: "blocker" }] },
    { name: "web_50%", namespace: "edge", team: "" },
  ]);
});

describe("buildWorkloadWhere", () => {
  it("always restricts to current workloads", () => {
    expect(data.buildWorkloadWhere(params({}))).toEqual({ AND: [{ isCurrent: true }] });
  });

  it("ANDs facets, ORs values and maps (none) to missing values", () => {
    const where = data.buildWorkloadWhere(params({ cluster: "prod,staging", team: "data,(none)", rule: "subpath" }));
    expect(where.AND).toContainEqual({ clusterName: { in: ["prod", "staging"] } });
    expect(where.AND).toContainEqual({ OR: [{ team: { in: ["data"] } }, { team: null }, { team: "" }] });
    expect(where.AND).toContainEqual({ findings: { some: { isCurrent: true, ruleId: { in: ["subpath"] } } } });
  });

  it("leaves out the excluded facet", () => {
    const where = data.buildWorkloadWhere(params({ kind: "Job", readiness: "ready" }), "kind");
    expect(JSON.stringify(where)).not.toContain("Job");
    expect(where.AND).toContainEqual({ readiness: { in: ["ready"] } });
  });
});

describe("getWorkloads", () => {
  it("lists only current workloads, most urgent first by default", async () => {
    const page = await data.getWorkloads(params({}));
    // Blocked (cache has a warning more than api), then needs-changes (web has two warnings), then ready by name.
    expect(names(page.rows)).toEqual(["cache", "api", "web", "db", "web_50%", "worker"]);
    expect(page.total).toBe(6);
    expect(page.pageCount).toBe(1);
  });

  it("searches image, namespace and labels as well as names", async () => {
    expect(names((await data.getWorkloads(params({ q: "shop/api:2" }))).rows)).toEqual(["api"]);
    expect(names((await data.getWorkloads(params({ q: "TIER=front" }))).rows)).toEqual(["api"]);
    expect(names((await data.getWorkloads(params({ q: "jobs" }))).rows)).toEqual(["worker"]);
  });

  it("searches names case-insensitively and treats % and _ literally", async () => {
    expect(names((await data.getWorkloads(params({ q: "WEB", sort: "name.asc" }))).rows)).toEqual(["web", "web_50%"]);
    expect(names((await data.getWorkloads(params({ q: "50%" }))).rows)).toEqual(["web_50%"]);
    expect(names((await data.getWorkloads(params({ q: "b_" }))).rows)).toEqual(["web_50%"]);
  });

  it("filters by facets and by current findings", async () => {
    expect(names((await data.getWorkloads(params({ readiness: "blocked", sort: "name.asc" }))).rows)).toEqual(["api", "cache"]);
    expect(names((await data.getWorkloads(params({ rule: "resource-limits", cluster: "staging" }))).rows)).toEqual(["cache"]);
    expect(names((await data.getWorkloads(params({ severity: "warning", sort: "name.asc" }))).rows)).toEqual(["cache", "db", "web"]);
    expect(names((await data.getWorkloads(params({ team: "(none)", sort: "name.asc" }))).rows)).toEqual(["web_50%", "worker"]);
  });

  it("sorts by an allowed column with a stable tie-break", async () => {
    const byScore = await data.getWorkloads(params({ sort: "score.asc" }));
    expect(byScore.rows.map((r) => r.score)).toEqual([50, 60, 90, 90, 100, 100]);
    expect(names(byScore.rows)).toEqual(["cache", "api", "db", "web", "web_50%", "worker"]);
    const byBlockersDesc = await data.getWorkloads(params({ sort: "blockers.desc" }));
    expect(byBlockersDesc.rows[0].blockerCount).toBe(1);
    // Ties read by name A→Z whatever the sort's direction.
    expect(names(byBlockersDesc.rows).slice(0, 2)).toEqual(["api", "cache"]);
  });

  it("reverses every urgency key when readiness sorts descending", async () => {
    expect(names((await data.getWorkloads(params({ sort: "readiness.desc" }))).rows)).toEqual(["web_50%", "worker", "db", "web", "api", "cache"]);
  });

  it("sorts by team with missing teams last in both directions", async () => {
    expect(names((await data.getWorkloads(params({ sort: "team.asc" }))).rows)).toEqual(["web_50%", "db", "api", "cache", "web", "worker"]);
    expect(names((await data.getWorkloads(params({ sort: "team.desc" }))).rows)).toEqual(["api", "cache", "web", "db", "web_50%", "worker"]);
  });

  it("orders the same on the SQL path as on the Prisma path, for every sort", async () => {
    for (const column of WORKLOAD_SORT_COLUMNS) {
      for (const direction of ["asc", "desc"]) {
        for (const waivers of ["on", "off"] as const) {
          const sort = params({ sort: `${column}.${direction}` }).sort;
          const where = { isCurrent: true };
          const prisma = await db.workload.findMany({ where, orderBy: data.buildWorkloadOrderBy(sort, waivers), select: { id: true } });
          const sql = await db.$queryRaw<{ id: number | bigint }[]>`SELECT w."id" AS id FROM "Workload" w WHERE w."isCurrent" = 1 ORDER BY ${data.buildWorkloadSqlOrderBy(sort, waivers)}`;
          expect(sql.map((row) => Number(row.id)), `${column}.${direction} waivers=${waivers}`).toEqual(prisma.map((row) => row.id));
        }
      }
    }
  });

  it("breaks ties by ascending name when sorting descending", async () => {
    const byScoreDesc = await data.getWorkloads(params({ sort: "score.desc" }));
    expect(byScoreDesc.rows.map((r) => r.score)).toEqual([100, 100, 90, 90, 60, 50]);
    expect(names(byScoreDesc.rows)).toEqual(["web_50%", "worker", "db", "web", "api", "cache"]);
    const byNameDesc = await data.getWorkloads(params({ sort: "name.desc" }));
    expect(names(byNameDesc.rows)).toEqual(["worker", "web_50%", "web", "db", "cache", "api"]);
  });

  it("pages with a total over all matches", async () => {
    const page2 = await data.getWorkloads(params({ perPage: "10", page: "1" }));
    expect(page2.rows).toHaveLength(6);
    const all = await data.getWorkloads(params({}));
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await data.getWorkloads({ ...params({ page: String(page) }), perPage: 2 });
      expect(result.total).toBe(6);
      expect(result.pageCount).toBe(3);
      seen.push(...names(result.rows));
    }
    expect(seen).toEqual(names(all.rows));
  });

  it("does not select the spec JSON for list rows", async () => {
    const [row] = (await data.getWorkloads(params({}))).rows;
    expect(Object.keys(row)).not.toContain("spec");
  });
});

describe("getWorkloadFacets", () => {
  it("counts workloads per value over current workloads", async () => {
    const facets = await data.getWorkloadFacets(params({}));
    expect(facets.cluster).toEqual([
      { value: "prod", count: 4 },
      { value: "staging", count: 2 },
    ]);
    expect(facets.readiness).toContainEqual({ value: "ready", count: 2 });
    // Two resource-limits findings on "web" count one workload.
    expect(facets.rule).toContainEqual({ value: "resource-limits", count: 2 });
    expect(facets.rule).toContainEqual({ value: "host-network", count: 1 });
    expect(facets.team).toContainEqual({ value: "(none)", count: 2 });
  });

  it("narrows each facet by the other filters but not by itself", async () => {
    const facets = await data.getWorkloadFacets(params({ cluster: "staging", readiness: "blocked" }));
    // The cluster facet ignores the cluster filter: blocked workloads exist in both clusters.
    expect(facets.cluster).toEqual([
      { value: "prod", count: 1 },
      { value: "staging", count: 1 },
    ]);
    // The readiness facet ignores readiness but keeps the cluster filter.
    expect(facets.readiness).toEqual([
      { value: "blocked", count: 1 },
      { value: "needs-changes", count: 1 },
    ]);
    expect(facets.rule).toEqual([
      { value: "resource-limits", count: 1 },
      { value: "subpath", count: 1 },
    ]);
  });

  it("agrees with getWorkloads for every facet value", async () => {
    const filters = params({ severity: "warning", q: "e" });
    const facets = await data.getWorkloadFacets(filters);
    for (const [facet, options] of Object.entries(facets)) {
      for (const option of options) {
        const page = await data.getWorkloads({ ...filters, [facet]: [option.value] });
        expect(page.total, `${facet}=${option.value}`).toBe(option.count);
      }
    }
  });
});

describe("getWorkload", () => {
  it("returns the detail with findings and parsed JSON", async () => {
    const [row] = (await data.getWorkloads(params({ q: "cache" }))).rows;
    const detail = await data.getWorkload(row.id);
    expect(detail?.findings.map((f) => f.ruleId)).toEqual(["resource-limits", "subpath"]);
    expect(detail?.sizing).toMatchObject({ vmVcpus: 1, vmMemoryMiB: 2048 });
    expect(detail?.upload.target).toBe("kata-qemu-runtime-rs");
    expect(detail?.spec?.object).toEqual({ kind: "Deployment", metadata: { name: "cache" } });
  });

  it("returns null for an unknown id", async () => {
    expect(await data.getWorkload(999_999)).toBeNull();
  });
});

// The filter is written twice, as a Prisma `where` (rows, counts) and as SQL (facet counts). Every
// filter below runs through both, with each facet left out in turn, and both must pick the same rows.
describe("buildWorkloadWhere and buildWorkloadSqlWhere", () => {
  beforeAll(async () => {
    await seed([
      // A Docker container: no namespace; a team spelled "" and one missing.
      { name: "sidecar", cluster: "staging", namespace: "", kind: "Container", team: "", findings: [{ ruleId: "privileged", severity: "blocker" }] },
      { name: "batch", cluster: "staging", namespace: "", kind: "Container", team: null, findings: [{ ruleId: "cpuset", severity: "info" }] },
    ]);
  });

  const FACET_VALUES = {
    cluster: ["prod", "staging", "nowhere"],
    namespace: ["default", "jobs", "edge", "(none)", "nowhere"],
    kind: ["Deployment", "Job", "Container", "StatefulSet"],
    readiness: ["ready", "needs-changes", "blocked"],
    rule: ["host-network", "resource-limits", "privileged", "cpuset", "gpu"],
    severity: ["blocker", "warning", "info"],
    team: ["payments", "data", "(none)", "nowhere"],
  } as const;
  type Facet = keyof typeof FACET_VALUES;
  const facetNames = Object.keys(FACET_VALUES) as Facet[];

  function* filterCases(): Generator<RawSearchParams> {
    yield {};
    yield { q: "a" };
    yield { q: "50%" };
    for (const facet of facetNames) {
      for (const value of FACET_VALUES[facet]) yield { [facet]: value };
      yield { [facet]: FACET_VALUES[facet].join(",") };
    }
    // Pairs: every facet's "(none)"-bearing or first two values against every other facet's first value.
    for (const a of facetNames) {
      for (const b of facetNames) {
        if (a === b) continue;
        const first = FACET_VALUES[a].includes("(none)" as never) ? "(none)" : FACET_VALUES[a].slice(0, 2).join(",");
        yield { [a]: first, [b]: FACET_VALUES[b][0], q: "e" };
        yield { [a]: first, [b]: FACET_VALUES[b][1] };
      }
    }
  }

  async function idsByPrisma(raw: RawSearchParams, exclude?: Facet): Promise<number[]> {
    const rows = await db.workload.findMany({ where: data.buildWorkloadWhere(params(raw), exclude), select: { id: true }, orderBy: { id: "asc" } });
    return rows.map((row) => row.id);
  }

  async function idsBySql(raw: RawSearchParams, exclude?: Facet): Promise<number[]> {
    const rows = await db.$queryRaw<{ id: number | bigint }[]>`SELECT w."id" AS id FROM "Workload" w WHERE ${data.buildWorkloadSqlWhere(params(raw), exclude)} ORDER BY w."id"`;
    return rows.map((row) => Number(row.id));
  }

  it("pick the same workloads for every filter, facet left out or not", async () => {
    let nonEmpty = 0;
    for (const raw of filterCases()) {
      for (const exclude of [undefined, ...facetNames]) {
        const prisma = await idsByPrisma(raw, exclude);
        expect(await idsBySql(raw, exclude), `${JSON.stringify(raw)} without ${exclude ?? "nothing"}`).toEqual(prisma);
        if (prisma.length > 0) nonEmpty++;
      }
    }
    // The matrix must exercise real matches, not agree on empty results.
    expect(nonEmpty).toBeGreaterThan(500);
  });

  it("read an empty namespace and an empty or missing team as (none), on both paths", async () => {
    const byName = async (raw: RawSearchParams) => {
      const ids = await idsBySql(raw);
      expect(await idsByPrisma(raw)).toEqual(ids);
      const rows = await db.workload.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: "asc" } });
      return names(rows);
    };
    expect(await byName({ namespace: "(none)" })).toEqual(["batch", "sidecar"]);
    expect(await byName({ namespace: "jobs,(none)" })).toEqual(["batch", "sidecar", "worker"]);
    // worker: team null; web_50%: team ""; sidecar "", batch null.
    expect(await byName({ team: "(none)" })).toEqual(["batch", "sidecar", "web_50%", "worker"]);
    expect(await byName({ team: "data,(none)", cluster: "staging" })).toEqual(["batch", "db", "sidecar"]);
  });

  it("give facet counts that match the rows, (none) included", async () => {
    for (const raw of [{}, { namespace: "(none)" }, { team: "(none)", severity: "blocker" }, { cluster: "staging", namespace: "(none),default" }]) {
      const filters = params(raw);
      const facets = await data.getWorkloadFacets(filters);
      expect(facets.namespace.find((o) => o.value === "(none)")?.count ?? 0).toBeGreaterThan(0);
      for (const [facet, options] of Object.entries(facets)) {
        for (const option of options) {
          const page = await data.getWorkloads({ ...filters, [facet]: [option.value] });
          expect(page.total, `${JSON.stringify(raw)}: ${facet}=${option.value}`).toBe(option.count);
        }
      }
    }
  });
});

// Last: it seeds workloads of its own cluster.
describe("rule chips", () => {
  it("lists each row's blocking and warning rules once, blockers first, by title, at the higher severity", async () => {
    await seed([
      {
        name: "chipped",
        cluster: "chips",
        findings: [
          { ruleId: "resource-limits", severity: "warning" },
          { ruleId: "resource-limits", severity: "warning" },
          { ruleId: "hugepages", severity: "warning" },
          { ruleId: "hugepages", severity: "blocker" },
          { ruleId: "host-network", severity: "blocker" },
          { ruleId: "cpuset", severity: "info" },
          { ruleId: "retired-rule", severity: "warning" },
        ],
      },
      { name: "clean", cluster: "chips" },
    ]);
    const page = await data.getWorkloads(params({ cluster: "chips" }));
    const chipped = page.rows.find((row) => row.name === "chipped");
    expect(chipped?.rules).toEqual([
      { ruleId: "host-network", title: "Host network namespace", severity: "blocker" },
      { ruleId: "hugepages", title: "Huge pages", severity: "blocker" },
      { ruleId: "resource-limits", title: findRule("resource-limits")?.title, severity: "warning" },
      // A rule a later catalog dropped keeps its id as its title.
      { ruleId: "retired-rule", title: "retired-rule", severity: "warning" },
    ]);
    expect(page.rows.find((row) => row.name === "clean")?.rules).toEqual([]);
  });

  it("leaves out waived findings unless the table reads the figures without waivers", async () => {
    const [row] = (await data.getWorkloads(params({ cluster: "chips", q: "chipped" }))).rows;
    await db.finding.updateMany({ where: { workloadId: row.id, ruleId: "host-network" }, data: { waiverId: 12345 } });
    const ids = async (waivers: string) =>
      (await data.getWorkloads(params({ cluster: "chips", q: "chipped", waivers }))).rows[0].rules.map((rule) => rule.ruleId);
    expect(await ids("on")).not.toContain("host-network");
    expect(await ids("off")).toContain("host-network");
  });
});
