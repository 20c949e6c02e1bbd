import { describe, expect, it } from "vitest";
import { podWorkload, ruleContext } from "../test-helpers";
import { inPlaceResize } from "./in-place-resize";

describe("in-place-resize", () => {
  it("fires on containers and init containers with a resizePolicy", () => {
    const policy = [
      { resourceName: "cpu", restartPolicy: "NotRequired" },
      { resourceName: "memory", restartPolicy: "RestartContainer" },
    ];
    const w = podWorkload({
      containers: [{ name: "a" }, { name: "b", resizePolicy: policy }],
      initContainers: [{ name: "s", restartPolicy: "Always", resizePolicy: policy }],
    });
    const findings = inPlaceResize.check(w, ruleContext());
    expect(findings.map((f) => [f.container, f.path])).toEqual([
      ["b", "spec.template.spec.containers[1].resizePolicy"],
      ["s", "spec.template.spec.initContainers[0].resizePolicy"],
    ]);
    expect(findings[0]).toMatchObject({ ruleId: "in-place-resize", severity: "warning", remedy: "manifest" });
    expect(findings[0].message).toContain("cpu:NotRequired, memory:RestartContainer");
  });

  it("does not fire without a policy or with an empty one", () => {
    expect(inPlaceResize.check(podWorkload({ containers: [{ name: "a", resizePolicy: [] }] }), ruleContext())).toEqual([]);
  });
});
