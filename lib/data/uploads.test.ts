import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let getUpload: typeof import("./uploads").getUpload;
let importUpload: typeof import("@/lib/import").importUpload;

beforeAll(async () => {
  createTestDatabase();
  ({ getUpload } = await import("./uploads"));
  ({ importUpload } = await import("@/lib/import"));
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: web, image: "web:1" }]
`;

describe("getUpload", () => {
  // 50,000 files once made the upload page 91 MB: the file list is read one page at a time.
  it("reads one page of the files, in upload order", async () => {
    const files = [{ name: "web.yaml", content: DEPLOYMENT }, ...Array.from({ length: 249 }, (_, index) => ({ name: `f${index + 1}.yaml`, content: `a: ${index}` }))];
    const result = await importUpload({ cluster: "paged", target: "kata-qemu-runtime-rs", files });
    if (!result.ok) throw new Error(result.message);

    const third = await getUpload(result.uploadId, 3, 100);
    expect(third).toMatchObject({ fileCount: 250, filesPage: 3, filesPageCount: 3 });
    expect(third!.files.map((file) => file.name)).toEqual(files.slice(200).map((file) => file.name));

    const first = await getUpload(result.uploadId, 1, 100);
    expect(first!.files).toHaveLength(100);
    expect(first!.files[0].name).toBe("web.yaml");
    // Past the end: the last page.
    expect((await getUpload(result.uploadId, 99, 100))!.filesPage).toBe(3);
  });
});
