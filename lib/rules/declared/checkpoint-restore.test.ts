import { describe, expect, it } from "vitest";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { checkpointRestore } from "./checkpoint-restore";

describe("checkpoint-restore", () => {
  it("is a declared rule with complete text", () => {
    expect(checkpointRestore).toMatchObject({ id: "checkpoint-restore", scope: "declared", severity: "blocker", remedy: "keep-on-runc" });
    for (const text of [checkpointRestore.title, checkpointRestore.summary, checkpointRestore.why, checkpointRestore.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    checkpointRestore.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it("is what the declared item \"checkpoint-restore\" becomes", () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "checkpoint-restore" } });
    expect(checkDeclared(w)).toMatchObject([{ ruleId: checkpointRestore.id, severity: checkpointRestore.severity, remedy: checkpointRestore.remedy, container: null }]);
  });
});
