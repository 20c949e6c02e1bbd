import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SORT, rulesHref, rulesSearchParamsSchema } from "./rules";

describe("rulesSearchParamsSchema", () => {
  it("accepts known severities, scopes, sorts and the show toggle", () => {
    expect(rulesSearchParamsSchema.parse({ severity: "blocker", scope: "inventory", q: " dns ", sort: "title.asc", show: "all" })).toEqual({
      severity: "blocker",
      scope: "inventory",
      q: "dns",
      sort: { column: "title", desc: false },
      show: "all",
    });
  });

  it("drops unknown, repeated or missing values: affecting rules, most affected first", () => {
    expect(rulesSearchParamsSchema.parse({ severity: "fatal", scope: ["workload", "declared"], sort: "spec.desc", show: "some" })).toEqual({
      severity: undefined,
      scope: undefined,
      q: "",
      sort: DEFAULT_RULE_SORT,
      show: "affecting",
    });
    expect(rulesSearchParamsSchema.parse({})).toEqual({ q: "", sort: DEFAULT_RULE_SORT, show: "affecting" });
  });
});

describe("rulesHref", () => {
  it("leaves the defaults out and keeps every other state", () => {
    expect(rulesHref(rulesSearchParamsSchema.parse({}))).toBe("/rules");
    expect(rulesHref(rulesSearchParamsSchema.parse({ q: "host net", severity: "warning", sort: "id.asc", show: "all" }))).toBe(
      "/rules?q=host+net&severity=warning&sort=id.asc&show=all",
    );
  });
});
