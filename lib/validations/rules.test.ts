import { describe, expect, it } from "vitest";
import { rulesSearchParamsSchema } from "./rules";

describe("rulesSearchParamsSchema", () => {
  it("accepts known severities and scopes", () => {
    expect(rulesSearchParamsSchema.parse({ severity: "blocker", scope: "inventory" })).toEqual({ severity: "blocker", scope: "inventory" });
  });

  it("drops unknown, repeated or missing values", () => {
    expect(rulesSearchParamsSchema.parse({ severity: "fatal", scope: ["workload", "declared"] })).toEqual({
      severity: undefined,
      scope: undefined,
    });
    expect(rulesSearchParamsSchema.parse({})).toEqual({});
  });
});
