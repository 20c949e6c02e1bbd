import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { isRuleId, RULE_IDS } from "./ids";

describe("RULE_IDS", () => {
  it("is exactly the catalog's ids, in catalog order, each once", () => {
    expect(RULE_IDS).toEqual(CATALOG.map((rule) => rule.id));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it("narrows only known ids", () => {
    expect(isRuleId("subpath")).toBe(true);
    expect(isRuleId("sub-path")).toBe(false);
    expect(isRuleId(42)).toBe(false);
  });
});
