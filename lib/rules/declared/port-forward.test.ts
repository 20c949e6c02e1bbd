import { describe, expect, it } from "vitest";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { portForward } from "./port-forward";

describe("port-forward", () => {
  it("is a declared rule with complete text", () => {
    expect(portForward).toMatchObject({ id: "port-forward", scope: "declared", severity: "warning", remedy: "manifest" });
    for (const text of [portForward.title, portForward.summary, portForward.why, portForward.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    portForward.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it("is what the declared item \"port-forward\" becomes", () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "port-forward" } });
    expect(checkDeclared(w)).toMatchObject([{ ruleId: portForward.id, severity: portForward.severity, remedy: portForward.remedy, container: null }]);
  });
});
