import { describe, expect, it } from "vitest";
import { isGuaranteed, limitPath, podResources } from "./resources";
import { podWorkload } from "./test-helpers";

const pod = (spec: object) => podWorkload(spec as Record<string, unknown>).pods[0];
const full = { limits: { cpu: "1", memory: "1Gi" } };

describe("podResources", () => {
  it("covers containers and init containers, not ephemeral containers", () => {
    const r = podResources(
      pod({ containers: [{ name: "a", resources: full }], initContainers: [{ name: "i" }], ephemeralContainers: [{ name: "e" }] }),
    );
    expect(r.map((x) => x.container.name)).toEqual(["a", "i"]);
    expect(r[0].limitsPath).toBe("spec.template.spec.containers[0].resources.limits");
    expect(r[1].limits).toEqual({});
    expect(limitPath(r[0], "hugepages-2Mi")).toBe('spec.template.spec.containers[0].resources.limits["hugepages-2Mi"]');
  });
});

describe("isGuaranteed", () => {
  it("accepts limits only (requests default to limits) and equal requests in other units", () => {
    expect(isGuaranteed(pod({ containers: [{ name: "a", resources: full }] }))).toBe(true);
    expect(isGuaranteed(pod({ containers: [{ name: "a", resources: { ...full, requests: { cpu: "1000m", memory: "1024Mi" } } }] }))).toBe(
      true,
    );
  });

  it("rejects a missing limit, different requests, or a burstable init container", () => {
    expect(isGuaranteed(pod({ containers: [{ name: "a", resources: { limits: { cpu: "1" } } }] }))).toBe(false);
    expect(isGuaranteed(pod({ containers: [{ name: "a", resources: { ...full, requests: { cpu: "500m" } } }] }))).toBe(false);
    expect(isGuaranteed(pod({ containers: [{ name: "a", resources: full }], initContainers: [{ name: "i" }] }))).toBe(false);
    expect(isGuaranteed(pod({ containers: [] }))).toBe(false);
  });
});
