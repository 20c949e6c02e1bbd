import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE_ID } from "@/lib/scoring/profiles";
import { getMaxUploadBytes, uploadFieldsSchema, uploadsSearchParamsSchema } from "./uploads";

describe("uploadFieldsSchema", () => {
  it("trims the cluster and defaults a missing or empty target", () => {
    expect(uploadFieldsSchema.parse({ cluster: " prod-eu ", target: null })).toEqual({ cluster: "prod-eu", target: DEFAULT_PROFILE_ID });
    expect(uploadFieldsSchema.parse({ cluster: "prod-eu", target: "" }).target).toBe(DEFAULT_PROFILE_ID);
    expect(uploadFieldsSchema.parse({ cluster: "prod-eu", target: "kata-clh" }).target).toBe("kata-clh");
  });

  it("rejects an unknown target, naming it", () => {
    const result = uploadFieldsSchema.safeParse({ cluster: "prod", target: "kata-nope" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"kata-nope"');
  });

  it("rejects empty, missing and slash-containing cluster names with one message each", () => {
    for (const cluster of ["   ", null, "a/b", "two words"]) {
      const result = uploadFieldsSchema.safeParse({ cluster, target: null });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
    }
  });
});

describe("getMaxUploadBytes", () => {
  const original = process.env.KATA_READINESS_MAX_UPLOAD_MB;
  afterEach(() => {
    if (original === undefined) delete process.env.KATA_READINESS_MAX_UPLOAD_MB;
    else process.env.KATA_READINESS_MAX_UPLOAD_MB = original;
  });

  it("reads the limit in MB and falls back to 100 MB on a missing or bad value", () => {
    process.env.KATA_READINESS_MAX_UPLOAD_MB = "5";
    expect(getMaxUploadBytes()).toBe(5 * 1024 * 1024);
    process.env.KATA_READINESS_MAX_UPLOAD_MB = "lots";
    expect(getMaxUploadBytes()).toBe(100 * 1024 * 1024);
    delete process.env.KATA_READINESS_MAX_UPLOAD_MB;
    expect(getMaxUploadBytes()).toBe(100 * 1024 * 1024);
  });
});

describe("uploadsSearchParamsSchema", () => {
  it("coerces the page and falls back on nonsense", () => {
    expect(uploadsSearchParamsSchema.parse({ page: "3", perPage: "50" })).toEqual({ page: 3, perPage: 50 });
    expect(uploadsSearchParamsSchema.parse({ page: "-1", perPage: "9999" })).toEqual({ page: 1, perPage: 25 });
  });
});
