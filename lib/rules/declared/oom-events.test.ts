import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../markdown";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { oomEvents } from "./oom-events";

describe("oom-events", () => {
  it("is a declared rule with complete text", () => {
    expect(oomEvents).toMatchObject({ id: "oom-events", scope: "declared", severity: "info", remedy: null });
    expect(oomEvents.title).toBe("OOM events (declared)");
    expect(oomEvents.summary).toMatch(/per-container OOM kills are reported under Kata, whole-VM memory exhaustion is not/);
    // Why: the two cases that differ from runc, as a list.
    const why = parseMarkdown(oomEvents.why);
    expect(why.map((block) => block.type)).toEqual(["paragraph", "list"]);
    expect(oomEvents.why).toContain("`OOMKilled`");
    expect(oomEvents.why).toMatch(/\*\*whole VM\*\* runs out of memory/);
    // What to do: three steps, limits first.
    const [steps] = parseMarkdown(oomEvents.remediation);
    expect(steps).toMatchObject({ type: "list", ordered: false });
    expect(steps.type === "list" ? steps.items.length : 0).toBe(3);
    expect(oomEvents.remediation).toMatch(/^- Set memory limits on every container/);
    expect(oomEvents.remediation).toContain("`overhead.podFixed`");
    oomEvents.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it('is what the declared item "oom-events" becomes', () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "oom-events" } });
    expect(checkDeclared(w)).toMatchObject([
      { ruleId: oomEvents.id, severity: oomEvents.severity, remedy: oomEvents.remedy, container: null },
    ]);
    expect(checkDeclared(w)[0].message).toBe("declared requirement oom-events: per-container OOM is reported, whole-VM OOM is not");
  });
});
