import { describe, expect, it } from "vitest";
import { emptyInventory, ruleContext } from "../test-helpers";
import { duplicateWorkload } from "./duplicate-workload";

describe("duplicate-workload", () => {
  it("names the identity and every file, once per identity", () => {
    const findings = duplicateWorkload.check(
      emptyInventory({ duplicates: [{ id: "local/default/Deployment/web", path: "metadata.name", files: ["dup/a/web.yaml", "dup/b/web.yaml"] }] }),
      ruleContext(),
    );
    expect(findings).toEqual([
      {
        ruleId: "duplicate-workload",
        severity: "warning",
        remedy: null,
        container: null,
        path: "metadata.name",
        message: "local/default/Deployment/web is defined with different content in 2 files: dup/a/web.yaml, dup/b/web.yaml",
        source: "dup/a/web.yaml",
      },
    ]);
  });

  it("is quiet without duplicates", () => {
    expect(duplicateWorkload.check(emptyInventory(), ruleContext())).toEqual([]);
  });
});
