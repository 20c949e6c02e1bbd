import { describe, expect, it } from "vitest";
import { podWorkload, ruleContext } from "../test-helpers";
import { intelRdt } from "./intel-rdt";

describe("intel-rdt", () => {
  it("fires on RDT class annotations", () => {
    const w = podWorkload(
      { containers: [] },
      { annotations: { "rdt.resources.beta.kubernetes.io/pod": "gold", "io.kubernetes.cri.rdt-class": "silver", "x.rdt": "no" } },
    );
    const findings = intelRdt.check(w, ruleContext());
    expect(findings.map((f) => f.path)).toEqual([
      'spec.template.metadata.annotations["rdt.resources.beta.kubernetes.io/pod"]',
      'spec.template.metadata.annotations["io.kubernetes.cri.rdt-class"]',
    ]);
    expect(findings[0]).toMatchObject({ ruleId: "intel-rdt", severity: "warning", remedy: "keep-on-runc", container: null });
    expect(findings[1].message).toContain("silver");
  });

  it("does not fire without them", () => {
    expect(intelRdt.check(podWorkload({ containers: [] }), ruleContext())).toEqual([]);
  });
});
