// The overview's progress figures over real imports: migration paths of current workloads, blockers by
// team, and the burn-down per cluster (stored upload counts) and per team (workload rows per upload).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let importUpload: typeof import("@/lib/import").importUpload;
let progress: typeof import("./progress");
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  progress = await import("./progress");
});

const app = (name: string, team: string | null, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop${team ? `, labels: { team: ${team} }` : ""} }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: ${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;
const HOST_NETWORK = "      hostNetwork: true\n";

async function upload(cluster: string, ...docs: string[]) {
  const result = await importUpload({ cluster, target: "kata-qemu-runtime-rs", files: [{ name: "inventory.yaml", content: docs.join("---\n") }] });
  if (!result.ok) throw new Error(result.message);
  return result.uploadId;
}

describe("progress figures", () => {
  it("counts paths and team blockers of current workloads, and burns down across snapshots", async () => {
    const first = await upload("prog", app("a", "pay", HOST_NETWORK), app("b", "pay", HOST_NETWORK), app("c", "web", HOST_NETWORK), app("d", null));
    const second = await upload("prog", app("a", "pay"), app("b", "pay", HOST_NETWORK), app("c", "web"), app("d", null));
    await upload("other", app("x", "pay", HOST_NETWORK));

    // Migration paths come from the stored per-workload path, current snapshot only.
    const stored = await db.workload.groupBy({ by: ["migrationPath"], where: { isCurrent: true, clusterName: "prog" }, _count: true });
    const paths = await progress.getMigrationPathCounts("prog");
    expect(Object.values(paths).reduce((a, b) => a + b, 0)).toBe(4);
    for (const row of stored) expect(paths[row.migrationPath as keyof typeof paths]).toBe(row._count);
    expect(paths["stays-on-runc"] + paths["platform-work"]).toBeGreaterThanOrEqual(1);
    const all = await progress.getMigrationPathCounts(null);
    expect(Object.values(all).reduce((a, b) => a + b, 0)).toBe(5);

    expect(await progress.getBlockersByTeam("prog")).toEqual({ teams: [{ team: "pay", blocked: 1 }], otherTeams: 0 });
    expect(await progress.getBlockersByTeam(null)).toEqual({ teams: [{ team: "pay", blocked: 2 }], otherTeams: 0 });
    expect(await progress.getBlockersByTeam(null, 0)).toEqual({ teams: [], otherTeams: 1 });

    const [burn] = await progress.getClusterBurnDowns("prog");
    const uploads = await db.upload.findMany({ where: { id: { in: [first, second] } }, orderBy: { id: "asc" } });
    expect(burn.points.map((p) => [p.uploadId, p.ready, p.blocked, p.migrated])).toEqual(uploads.map((u) => [u.id, u.readyCount, u.blockedCount, u.migratedCount]));
    expect(burn.points.map((p) => p.blocked)).toEqual([3, 1]);
    expect((await progress.getClusterBurnDowns(null)).map((b) => b.cluster)).toEqual(["other", "prog"]);

    const teams = await progress.getTeamBurnDown("prog");
    expect(teams.uploads.map((u) => u.uploadId)).toEqual([first, second]);
    expect(teams.teams[0]).toEqual({ team: "pay", points: [expect.objectContaining({ blocked: 2 }), expect.objectContaining({ blocked: 1 })] });
    expect(teams.teams.find((t) => t.team === "web")?.points.map((p) => p.blocked)).toEqual([1, 0]);
    expect(teams.teams.find((t) => t.team === null)?.points.map((p) => p.blocked)).toEqual([0, 0]);
    expect(await progress.getTeamBurnDown("nope")).toEqual({ uploads: [], teams: [] });
  });
});
