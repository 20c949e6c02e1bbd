// The delete action as the confirmation form submits it, on a real SQLite: request headers, cache
// revalidation and the redirect are Next's (stubbed here, there is no request outside Next).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));

let db: typeof import("@/lib/db").db;
let deleteUploadAction: typeof import("./delete-upload").deleteUploadAction;
let uploadId: number;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{ name: web, image: "web:1" }]
`;

beforeAll(async () => {
  createTestDatabase();
  ({ db } = await import("@/lib/db"));
  ({ deleteUploadAction } = await import("./delete-upload"));
  const { importUpload } = await import("@/lib/import");
  const result = await importUpload({ cluster: "del", target: "kata-qemu-runtime-rs", files: [{ name: "i.yaml", content: DEPLOYMENT }] });
  if (!result.ok) throw new Error(result.message);
  uploadId = result.uploadId;
});

beforeEach(() => {
  requestHeaders = new Headers();
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

/** Everything a delete could touch. */
const state = async () => ({
  uploads: await db.upload.findMany({ orderBy: { id: "asc" } }),
  series: await db.series.findMany({ orderBy: { id: "asc" } }),
  clusters: await db.cluster.findMany({ orderBy: { id: "asc" } }),
  workloads: await db.workload.count(),
  findings: await db.finding.count(),
  items: await db.remediationItem.findMany({ orderBy: { id: "asc" } }),
  audit: await db.auditEvent.count(),
});

describe("deleteUploadAction", () => {
  it("refuses a missing or wrong confirmation, a cross-origin request, a bad id and an unknown upload, changing nothing", async () => {
    const before = await state();
    const refused = { ok: false, message: "Not a confirmed delete of a valid upload: nothing was deleted." };
    expect(await deleteUploadAction(null, form({ uploadId: String(uploadId) }))).toEqual(refused);
    expect(await deleteUploadAction(null, form({ uploadId: String(uploadId), confirm: "yes" }))).toEqual(refused);
    expect(await deleteUploadAction(null, form({ uploadId: "1 OR 1=1", confirm: "delete" }))).toEqual(refused);
    expect(await deleteUploadAction(null, form({ uploadId: "-1", confirm: "delete" }))).toEqual(refused);
    expect(await deleteUploadAction(null, form({ uploadId: "999999", confirm: "delete" }))).toEqual({
      ok: false,
      message: "Upload #999999 does not exist (it may have been deleted already).",
    });

    requestHeaders = new Headers({ origin: "https://evil.example", host: "localhost:3000" });
    expect(await deleteUploadAction(null, form({ uploadId: String(uploadId), confirm: "delete" }))).toEqual({
      ok: false,
      message: "Cross-origin request refused.",
    });
    requestHeaders = new Headers({ "sec-fetch-site": "cross-site" });
    expect(await deleteUploadAction(null, form({ uploadId: String(uploadId), confirm: "delete" }))).toEqual({
      ok: false,
      message: "Cross-origin request refused.",
    });

    expect(await state()).toEqual(before);
  });

  it("deletes a confirmed same-origin request and redirects to the uploads list; the remediation item stays", async () => {
    requestHeaders = new Headers({ origin: "http://localhost:3000", host: "localhost:3000" });
    const items = await db.remediationItem.count();
    await expect(deleteUploadAction(null, form({ uploadId: String(uploadId), confirm: "delete" }))).rejects.toThrow(
      `redirect /uploads?deleted=${uploadId}`,
    );
    expect(await db.upload.count({ where: { id: uploadId } })).toBe(0);
    expect(await db.remediationItem.count()).toBe(items);
    expect(await db.remediationItem.findFirstOrThrow()).toMatchObject({
      firstSeenUploadId: null,
      lastSeenUploadId: null,
      resolvedInUploadId: null,
    });
  });
});
