// Owner decisions over real imports: the label keys setting, namespace teams, overrides and the CSV
// import (preview writes nothing; bad rows are reported by line), each re-resolving current workloads.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let owners: typeof import("./owners");

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  owners = await import("./owners");
  const docs = [app("web", "shop", "squad: red"), app("api", "shop"), app("agent", "ops", "", "      hostNetwork: true\n")];
  const result = await importUpload({ cluster: "own", target: "kata-qemu-runtime-rs", files: [{ name: "i.yaml", content: docs.join("---\n") }] });
  if (!result.ok) throw new Error(result.message);
});

function app(name: string, namespace: string, labels = "", extra = "") {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace}${labels ? `, labels: { ${labels} }` : ""} }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: ${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;
}

const team = async (name: string) => (await db.workload.findFirstOrThrow({ where: { isCurrent: true, clusterName: "own", name } })).team;
const counts = async () => [await db.namespaceTeam.count(), await db.workloadOwner.count(), await db.auditEvent.count({ where: { NOT: { actor: { startsWith: "upload #" } } } })];

describe("owners", () => {
  it("previews a CSV without writing and reports the bad row with its line; the import then writes the good rows", async () => {
    const csv = "cluster,namespace,team\nown,shop,payments\nown,,nobody\nown,ops,platform\n";
    const before = await counts();
    const preview = await owners.previewOwnersCsv(csv);
    expect(preview.kind).toBe("namespaces");
    expect(preview.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(preview.errors).toEqual([{ line: 3, message: "missing namespace" }]);
    expect(await counts()).toEqual(before);

    expect(await owners.importOwnersCsv(csv, 3, "tester")).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(await owners.importOwnersCsv(csv, 2, "tester")).toMatchObject({ ok: true, imported: 2 });
    expect(await team("api")).toBe("payments");
    expect(await team("agent")).toBe("platform");
    expect(await db.auditEvent.count({ where: { actor: "tester", entity: "namespace-team" } })).toBe(2);

    const unknown = await owners.previewOwnersCsv("cluster,namespace,kind,name,team,owner\nnope,shop,Deployment,web,x,\n");
    expect(unknown.errors).toEqual([{ line: 2, message: 'unknown cluster "nope": upload it first' }]);
  });

  it("applies label keys, overrides win, and a team-scoped waiver starts to apply when the team changes", async () => {
    expect(await owners.saveTeamLabelKeys(["not a key!"], "tester")).toMatchObject({ ok: false });
    expect(await team("web")).toBe("payments");
    expect(await owners.saveTeamLabelKeys(["squad", "team"], "tester")).toMatchObject({ ok: true, changedWorkloads: 1 });
    expect(await team("web")).toBe("red");
    expect((await db.setting.findUniqueOrThrow({ where: { key: "teamLabelKeys" } })).value).toEqual(["squad", "team"]);

    const agent = await db.workload.findFirstOrThrow({ where: { isCurrent: true, clusterName: "own", name: "agent" }, include: { findings: true } });
    expect(agent.readiness).toBe("blocked");
    const blocker = agent.findings.find((f) => f.severity === "blocker");
    await db.waiver.create({
      data: { ruleId: blocker!.ruleId, team: "infra", reason: "r", approver: "a", expiresAt: new Date("2099-01-01"), createdBy: "tester" },
    });
    expect(await owners.setWorkloadOwner(agent.id, "infra", "alice", "tester")).toMatchObject({ ok: true, changedWorkloads: 1 });
    const after = await db.workload.findUniqueOrThrow({ where: { id: agent.id } });
    expect(after).toMatchObject({ team: "infra", owner: "alice" });
    expect(after.readiness).not.toBe("blocked");
    const events = await db.auditEvent.findMany({ where: { entity: "workload-owner", identity: agent.identity } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([["team", null, "infra"], ["owner", null, "alice"]]);

    // Removing the override falls back to the namespace team, and the waiver stops matching.
    await owners.setWorkloadOwner(agent.id, null, null, "tester");
    expect(await db.workload.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ team: "platform", owner: null, readiness: "blocked" });
  });
});
