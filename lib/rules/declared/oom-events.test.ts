import { describe, expect, it } from "vitest";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { oomEvents } from "./oom-events";

describe("oom-events", () => {
  it("is a declared rule with complete text", () => {
    expect(oomEvents).toMatchObject({ id: "oom-events", scope: "declared", severity: "info", remedy: null });
    for (const text of [oomEvents.title, oomEvents.summary, oomEvents.why, oomEvents.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    oomEvents.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it("is what the declared item \"oom-events\" becomes", () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "oom-events" } });
    expect(checkDeclared(w)).toMatchObject([{ ruleId: oomEvents.id, severity: oomEvents.severity, remedy: oomEvents.remedy, container: null }]);
  });
});
