import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { parseWorkloadsSearchParams } from "@/lib/validations/workloads";

let db: typeof import("@/lib/db").db;
let data: typeof import("./exports");
let buildWorkloadWhere: typeof import("./workloads").buildWorkloadWhere;

function pods(n: number, namespace: string, pod: string): string {
  return Array.from({ length: n }, (_, i) => `---\napiVersion: v1\nkind: Pod\nmetadata: { name: ${namespace}-${i}, namespace: ${namespace} }\nspec:\n${pod}\n`).join("");
}

const READY = `  containers: [{ name: app, image: app, resources: { limits: { cpu: 500m, memory: 256Mi } } }]`;
const BLOCKED = `  hostNetwork: true\n  containers: [{ name: app, image: app, resources: { limits: { cpu: 500m, memory: 256Mi } } }]`;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  data = await import("./exports");
  ({ buildWorkloadWhere } = await import("./workloads"));
  const { importUpload } = await import("@/lib/import");
  // More workloads than one page, so paging is exercised.
  const result = await importUpload({
    cluster: "prod",
    target: "kata-qemu",
    files: [{ name: "pods.yaml", content: pods(data.EXPORT_PAGE_SIZE + 20, "web", READY) + pods(30, "net", BLOCKED) }],
  });
  expect(result.ok).toBe(true);
});

async function text(response: Response): Promise<string> {
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w.-]+"$/);
  return response.text();
}

describe("exportResponse", () => {
  it("streams every matching workload across pages, and only those", async () => {
    const all = await db.workload.count({ where: { isCurrent: true } });
    const csv = await text(await data.exportResponse({ where: buildWorkloadWhere(parseWorkloadsSearchParams({})), format: "csv", csv: "workloads", scope: "all", fileName: "x" }));
    expect(parseCsv(csv, { columns: true })).toHaveLength(all);

    const filters = parseWorkloadsSearchParams({ readiness: "blocked", namespace: "net" });
    const blocked = await text(await data.exportResponse({ where: buildWorkloadWhere(filters), format: "csv", csv: "findings", scope: "f", fileName: "x" }));
    const rows = parseCsv(blocked, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.name)).size).toBe(30);
    expect(rows.every((r) => r.namespace === "net" && r.readiness === "blocked")).toBe(true);
    expect(rows.find((r) => r.rule === "host-network")?.fingerprint).toMatch(/^[\w-]{43}$/);
  });

  it("writes SARIF, JUnit counts from the database, and patches with the upload's target", async () => {
    const where = buildWorkloadWhere(parseWorkloadsSearchParams({ namespace: "net" }));
    const sarif = JSON.parse(await text(await data.exportResponse({ where, format: "sarif", csv: "findings", scope: "s", fileName: "x" })));
    expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === "host-network")).toHaveLength(30);
    const junit = await text(await data.exportResponse({ where, format: "junit", csv: "findings", scope: "s", fileName: "x" }));
    expect(junit).toContain('tests="30" failures="30"');
    const web = buildWorkloadWhere(parseWorkloadsSearchParams({ namespace: "web" }));
    const patches = await text(await data.exportResponse({ where: web, format: "patches", csv: "findings", scope: "s", fileName: "x" }));
    expect(patches.match(/runtimeClassName: kata-qemu\n/g)).toHaveLength(data.EXPORT_PAGE_SIZE + 20);
  });

  it("carries the stored decisions: status, assignee, due, owner, and the waiver in force", async () => {
    const netPod = "prod/net/Pod/net-0";
    const finding = await db.finding.findFirstOrThrow({ where: { isCurrent: true, ruleId: "host-network", workload: { identity: netPod } } });
    await db.remediationItem.update({
      where: { clusterId_fingerprint: { clusterId: (await db.cluster.findUniqueOrThrow({ where: { name: "prod" } })).id, fingerprint: finding.fingerprint } },
      data: { status: "in-progress", assignee: "alice", dueDate: new Date("2031-03-01T00:00:00Z") },
    });
    await db.workload.update({ where: { id: finding.workloadId }, data: { owner: "team-net-lead" } });
    await db.waiver.create({
      data: { ruleId: "host-network", workload: "prod/net/Pod/net-1", reason: "sniffer", approver: "lead", expiresAt: new Date(Date.now() + 86_400_000), createdBy: "test" },
    });

    const filters = parseWorkloadsSearchParams({ namespace: "net" });
    const rows = parseCsv(await text(await data.exportResponse({ where: buildWorkloadWhere(filters), format: "csv", csv: "findings", scope: "f", fileName: "x" })), {
      columns: true,
    }) as Record<string, string>[];
    const first = rows.find((r) => r.name === "net-0" && r.rule === "host-network");
    expect(first).toMatchObject({ status: "in-progress", assignee: "alice", due: "2031-03-01", owner: "team-net-lead", waiver: "" });
    const waived = rows.find((r) => r.name === "net-1" && r.rule === "host-network");
    expect(waived?.waiver).toContain("sniffer");
  });
});
