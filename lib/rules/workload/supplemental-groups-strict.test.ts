import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { podWorkload, ruleContext } from "../test-helpers";
import { supplementalGroupsStrict } from "./supplemental-groups-strict";

const run = (w: Workload) => supplementalGroupsStrict.check(w, ruleContext());

describe("supplemental-groups-strict", () => {
  it("fires on supplementalGroupsPolicy: Strict", () => {
    expect(
      run(
        podWorkload({ securityContext: { supplementalGroupsPolicy: "Strict", supplementalGroups: [1000] }, containers: [{ name: "a" }] }),
      ),
    ).toEqual([
      {
        ruleId: "supplemental-groups-strict",
        severity: "warning",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.securityContext.supplementalGroupsPolicy",
        message: "supplementalGroupsPolicy: Strict",
      },
    ]);
  });

  it("stays quiet on Merge and when absent", () => {
    expect(run(podWorkload({ securityContext: { supplementalGroupsPolicy: "Merge" }, containers: [{ name: "a" }] }))).toEqual([]);
    expect(run(podWorkload({ securityContext: { supplementalGroups: [1000] }, containers: [{ name: "a" }] }))).toEqual([]);
  });
});
