import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let rescoreUploadAction: typeof import("./rescore-upload").rescoreUploadAction;

beforeAll(async () => {
  createTestDatabase();
  ({ rescoreUploadAction } = await import("./rescore-upload"));
});

const form = (uploadId?: string) => {
  const data = new FormData();
  if (uploadId !== undefined) data.set("uploadId", uploadId);
  return data;
};

describe("rescoreUploadAction", () => {
  it.each([undefined, "", "abc", "-1", "0", "1.5", "1e309", "1; DROP TABLE Upload"])(
    "refuses the upload id %o without touching anything",
    async (id) => {
      expect(await rescoreUploadAction(null, form(id))).toEqual({ ok: false, message: "Not a valid upload id: nothing was re-scored." });
    },
  );

  it("answers an unknown upload with its id", async () => {
    expect(await rescoreUploadAction(null, form("424242"))).toEqual({ ok: false, message: "Upload #424242 does not exist." });
  });
});
