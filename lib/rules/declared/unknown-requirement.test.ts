import { describe, expect, it } from "vitest";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { unknownRequirement } from "./unknown-requirement";

describe("unknown-requirement", () => {
  it("is a declared rule with complete text", () => {
    expect(unknownRequirement).toMatchObject({ id: "unknown-requirement", scope: "declared", severity: "info", remedy: null });
    for (const text of [unknownRequirement.title, unknownRequirement.summary, unknownRequirement.why, unknownRequirement.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    unknownRequirement.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it("is what the declared item \"no-such-thing\" becomes", () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "no-such-thing" } });
    expect(checkDeclared(w)).toMatchObject([{ ruleId: unknownRequirement.id, severity: unknownRequirement.severity, remedy: unknownRequirement.remedy, container: null }]);
  });
});
