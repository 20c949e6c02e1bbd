import { describe, expect, it } from "vitest";
import { checkDeclared, REQUIRES_KEY } from "../declared";
import { podWorkload } from "../test-helpers";
import { checkpointRestore } from "./checkpoint-restore";

describe("checkpoint-restore", () => {
  it("is a declared rule with complete text", () => {
    expect(checkpointRestore).toMatchObject({ id: "checkpoint-restore", scope: "declared", severity: "blocker", remedy: "keep-on-runc" });
    expect(checkpointRestore.title).toBe("Checkpoint and restore (declared)");
    expect(checkpointRestore.summary).toMatch(
      /^The workload is declared to rely on container checkpoint and restore, which Kata does not provide\.$/,
    );
    // Why: the runtime mechanism (CRIU in runc) and how the dependency gets declared.
    expect(checkpointRestore.why).toMatch(/runc with CRIU/);
    expect(checkpointRestore.why).toContain("`kata-readiness.io/requires`");
    // What to do: stay on runc, then drop the item from the declaration.
    expect(checkpointRestore.remediation).toMatch(/^Keep the workload on runc/);
    expect(checkpointRestore.remediation).toContain("remove `checkpoint-restore` from `kata-readiness.io/requires`");
    checkpointRestore.references.forEach((r) => expect(r.url).toMatch(/^https:\/\/github\.com\//));
  });

  it('is what the declared item "checkpoint-restore" becomes', () => {
    const w = podWorkload({ containers: [] }, { annotations: { [REQUIRES_KEY]: "checkpoint-restore" } });
    expect(checkDeclared(w)).toMatchObject([
      { ruleId: checkpointRestore.id, severity: checkpointRestore.severity, remedy: checkpointRestore.remedy, container: null },
    ]);
    expect(checkDeclared(w)[0].message).toBe("declared requirement checkpoint-restore: Kata has no checkpoint/restore");
  });
});
