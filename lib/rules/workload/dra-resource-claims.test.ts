import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { podWorkload, ruleContext } from "../test-helpers";
import { draResourceClaims } from "./dra-resource-claims";

const run = (w: Workload) => draResourceClaims.check(w, ruleContext());

describe("dra-resource-claims", () => {
  it("fires on pod resourceClaims and on a container's resources.claims", () => {
    const w = podWorkload({
      resourceClaims: [{ name: "gpu", resourceClaimTemplateName: "single-gpu" }],
      containers: [
        { name: "cuda", resources: { claims: [{ name: "gpu" }] } },
        { name: "plain", resources: { limits: { cpu: "1" } } },
      ],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "dra-resource-claims",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: "spec.template.spec.resourceClaims",
        message: "resourceClaims: gpu",
      },
      {
        ruleId: "dra-resource-claims",
        severity: "blocker",
        remedy: "platform",
        container: "cuda",
        path: "spec.template.spec.containers[0].resources.claims",
        message: "resources.claims: gpu on cuda",
      },
    ]);
  });

  it("stays quiet without claims or with empty lists", () => {
    expect(run(podWorkload({ resourceClaims: [], containers: [{ name: "a", resources: { claims: [] } }] }))).toEqual([]);
    expect(run(podWorkload({ containers: [{ name: "a" }] }))).toEqual([]);
  });
});
