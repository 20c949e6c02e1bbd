import { describe, expect, it } from "vitest";
import { k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { kataAnnotations } from "./kata-annotations";

describe("kata-annotations", () => {
  it("fires on io.katacontainers.config.* in pod template and object metadata", () => {
    const w = k8sWorkload({
      kind: "Deployment",
      metadata: { name: "w", annotations: { "io.katacontainers.config.runtime.disable_guest_seccomp": "false" } },
      spec: {
        template: {
          metadata: { annotations: { "io.katacontainers.config.hypervisor.default_memory": "4096", "io.katacontainers.other": "x" } },
          spec: { containers: [] },
        },
      },
    });
    const findings = kataAnnotations.check(w, ruleContext());
    expect(findings.map((f) => f.path)).toEqual([
      'metadata.annotations["io.katacontainers.config.runtime.disable_guest_seccomp"]',
      'spec.template.metadata.annotations["io.katacontainers.config.hypervisor.default_memory"]',
    ]);
    expect(findings[1]).toMatchObject({ ruleId: "kata-annotations", severity: "warning", remedy: "platform", container: null });
    expect(findings[1].message).toContain('default_memory="4096"');
  });

  it("does not fire on other annotations", () => {
    expect(kataAnnotations.check(podWorkload({ containers: [] }, { annotations: { "katacontainers.io/x": "1" } }), ruleContext())).toEqual(
      [],
    );
  });
});
