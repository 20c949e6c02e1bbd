import { describe, expect, it } from "vitest";
import { emptyInventory, ruleContext } from "../test-helpers";
import { duplicateWorkload } from "./duplicate-workload";

describe("duplicate-workload", () => {
  it("names the identity and every file, once per identity", () => {
    const findings = duplicateWorkload.check(
      emptyInventory({
        duplicates: [
          { id: "local/default/Deployment/web", path: "metadata.name", files: ["dup/a/web.yaml", "dup/b/web.yaml"], variants: 2 },
        ],
      }),
      ruleContext(),
      [],
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

  it("says how many times when one file defines the identity more than once", () => {
    const [finding] = duplicateWorkload.check(
      emptyInventory({ duplicates: [{ id: "local/shop/Pod/p", path: "metadata.name", files: ["all.yaml"], variants: 3 }] }),
      ruleContext(),
      [],
    );
    expect(finding.message).toBe("local/shop/Pod/p is defined 3 times with different content in all.yaml");
  });

  it("is quiet without duplicates", () => {
    expect(duplicateWorkload.check(emptyInventory(), ruleContext(), [])).toEqual([]);
  });
});
