import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { readJson, readSizing, readWorkloadSpec, uploadFileSkippedSchema } from "./stored-json";

let db: typeof import("@/lib/db").db;
let importUpload: typeof import("@/lib/import").importUpload;
let getUpload: typeof import("./uploads").getUpload;
let getWorkload: typeof import("./workloads").getWorkload;
let saveTeamLabelKeys: typeof import("./owners").saveTeamLabelKeys;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ importUpload } = await import("@/lib/import"));
  ({ getUpload } = await import("./uploads"));
  ({ getWorkload } = await import("./workloads"));
  ({ saveTeamLabelKeys } = await import("./owners"));
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop, labels: { squad: red } }
spec:
  template:
    spec:
      containers: [{ name: web, image: "web:1" }]
`;

describe("JSON column schemas", () => {
  it("accept what the import stores and reject other shapes", () => {
    expect(readJson(uploadFileSkippedSchema, { Service: 2 }, {})).toEqual({ Service: 2 });
    expect(readJson(uploadFileSkippedSchema, { Service: "two" }, {})).toEqual({});
    expect(readWorkloadSpec({ object: {} })).toBeNull();
    expect(readWorkloadSpec("{}")).toBeNull();
    expect(readSizing({ vmVcpus: "1" })).toBeNull();
  });
});

describe("JSON columns through Prisma", () => {
  it("read back what the import worker wrote as JSON text with raw SQL", async () => {
    const result = await importUpload({
      cluster: "json",
      target: "kata-qemu-runtime-rs",
      files: [
        { name: "web.yaml", content: DEPLOYMENT },
        { name: "broken.yaml", content: "a: [1,\n" },
        { name: "svc.yaml", content: "apiVersion: v1\nkind: Service\nmetadata: { name: s }\n" },
      ],
    });
    if (!result.ok) throw new Error(result.message);
    const row = await db.workload.findFirstOrThrow({ where: { uploadId: result.uploadId } });
    expect(row.spec).toMatchObject({ id: "json/shop/Deployment/web", platform: "kubernetes", labels: { squad: "red" } });
    expect(row.sizing).toMatchObject({ replicas: 1, perNode: false, vmVcpus: expect.any(Number) });
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    expect(upload.inventoryContext).toMatchObject({ configMaps: {}, nodes: [] });

    const detail = await getUpload(result.uploadId);
    expect(detail!.files.map((file) => [file.name, file.skipped, file.errors.length])).toEqual([
      ["web.yaml", {}, 0],
      ["broken.yaml", {}, 1],
      ["svc.yaml", { Service: 1 }, 0],
    ]);
    expect(detail!.files[1].errors[0]).toMatchObject({ source: "broken.yaml", line: expect.any(Number) });
    const workload = await getWorkload(row.id);
    expect(workload!.spec).toMatchObject({ name: "web", labels: { squad: "red" } });
    expect(workload!.sizing).toMatchObject({ replicas: 1 });
  });

  it("stores a setting as JSON the import worker reads with raw SQL", async () => {
    expect(await saveTeamLabelKeys(["squad"], "tester")).toMatchObject({ ok: true });
    expect((await db.setting.findUniqueOrThrow({ where: { key: "teamLabelKeys" } })).value).toEqual(["squad"]);
    const result = await importUpload({ cluster: "json-2", target: "kata-qemu-runtime-rs", files: [{ name: "web.yaml", content: DEPLOYMENT }] });
    if (!result.ok) throw new Error(result.message);
    expect((await db.workload.findFirstOrThrow({ where: { uploadId: result.uploadId } })).team).toBe("red");
  });

  it("reads a stored value of the wrong shape as missing instead of failing the page", async () => {
    const row = await db.workload.findFirstOrThrow({ where: { clusterName: "json" } });
    await db.workload.update({ where: { id: row.id }, data: { spec: { platform: "mainframe" }, sizing: [1, 2] } });
    const workload = await getWorkload(row.id);
    expect(workload).toMatchObject({ id: row.id, spec: null, sizing: null });
  });
});
