import { describe, expect, it } from "vitest";
import { podWorkload, ruleContext } from "../test-helpers";
import { serviceMeshHostRedirect } from "./service-mesh-host-redirect";

describe("service-mesh-host-redirect", () => {
  it("fires on the ambient label or annotation", () => {
    const w = podWorkload(
      { containers: [] },
      { labels: { "istio.io/dataplane-mode": "ambient" }, annotations: { "istio.io/dataplane-mode": "Ambient" } },
    );
    const findings = serviceMeshHostRedirect.check(w, ruleContext());
    expect(findings.map((f) => f.path)).toEqual([
      'spec.template.metadata.labels["istio.io/dataplane-mode"]',
      'spec.template.metadata.annotations["istio.io/dataplane-mode"]',
    ]);
    expect(findings[0]).toMatchObject({ ruleId: "service-mesh-host-redirect", severity: "warning", remedy: "platform", container: null });
  });

  it("does not fire on sidecar mode or none", () => {
    expect(
      serviceMeshHostRedirect.check(
        podWorkload({ containers: [] }, { labels: { "istio.io/dataplane-mode": "none", "sidecar.istio.io/inject": "true" } }),
        ruleContext(),
      ),
    ).toEqual([]);
  });
});
