// The diff lists of an upload against real imports: one blocker fixed, another new, a workload added
// and one removed; pages are cut in SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let getUploadDiffPage: typeof import("./upload-diff").getUploadDiffPage;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  ({ getUploadDiffPage } = await import("./upload-diff"));
});

const app = (name: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  template:
    spec:
${extra}      containers:
        - name: ${name}
          image: ${name}:1
          resources: { limits: { cpu: "1", memory: 512Mi } }
`;

async function upload(...docs: string[]) {
  const result = await importUpload({ cluster: "diff", target: "kata-qemu-runtime-rs", files: [{ name: "inventory.yaml", content: docs.join("---\n") }] });
  if (!result.ok) throw new Error(result.message);
  return result.uploadId;
}

describe("getUploadDiffPage", () => {
  it("lists new and removed workloads, new and resolved findings, linked to this upload's workloads", async () => {
    const first = await upload(app("web", "      hostNetwork: true\n"), app("api"), app("old"));
    const second = await upload(app("web"), app("api", "      hostPID: true\n"), app("cache"));

    const added = await getUploadDiffPage(second, first, "new-workloads", 0, 50);
    expect(added.list === "new-workloads" && added.workloads.map((w) => w.name)).toEqual(["cache"]);
    const removed = await getUploadDiffPage(second, first, "removed-workloads", 0, 50);
    expect(removed.list === "removed-workloads" && removed.workloads.map((w) => w.name)).toEqual(["old"]);

    const fresh = await getUploadDiffPage(second, first, "new", 0, 50);
    if (fresh.list !== "new") throw new Error("wrong list");
    expect(fresh.findings.some((f) => f.identity === "diff/shop/Deployment/api" && f.ruleId === "host-pid" && f.severity === "blocker")).toBe(true);

    const resolved = await getUploadDiffPage(second, first, "resolved", 0, 50);
    if (resolved.list !== "resolved") throw new Error("wrong list");
    expect(resolved.findings.map((f) => f.ruleId)).toContain("host-network");
    const web = await db.workload.findFirstOrThrow({ where: { uploadId: second, name: "web" } });
    expect(resolved.findings.find((f) => f.ruleId === "host-network")?.workloadId).toBe(web.id);
    const stored = await db.upload.findUniqueOrThrow({ where: { id: second } });
    expect(resolved.findings).toHaveLength(stored.resolvedFindingCount);
    expect(fresh.findings).toHaveLength(stored.newFindingCount);

    // Pages: one row at a time, in a stable order.
    const one = await getUploadDiffPage(second, first, "new", 0, 1);
    const two = await getUploadDiffPage(second, first, "new", 1, 1);
    if (one.list !== "new" || two.list !== "new") throw new Error("wrong list");
    expect([...one.findings, ...two.findings]).toEqual(fresh.findings.slice(0, 2));

    // The uploads list marks the current one and the change in ready / blocked against the previous one.
    const { getUploads } = await import("./uploads");
    const listed = (await getUploads({ page: 1, perPage: 25 })).uploads;
    const [a, b] = [listed.find((u) => u.id === first), listed.find((u) => u.id === second)];
    expect(a).toMatchObject({ current: null, readyChange: null, blockedChange: null });
    expect(b).toMatchObject({ current: "cluster", blockedChange: 0 });
    expect(b?.readyChange).toBe((b?.readyCount ?? 0) - (a?.readyCount ?? 0));

    // The first snapshot: every workload is new, nothing is resolved.
    const none = await getUploadDiffPage(first, null, "resolved", 0, 50);
    expect(none.list === "resolved" && none.findings).toEqual([]);
    const all = await getUploadDiffPage(first, null, "new-workloads", 0, 50);
    expect(all.list === "new-workloads" && all.workloads).toHaveLength(3);
  });
});
