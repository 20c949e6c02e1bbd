import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, emptyInventory, podWorkload, ruleContext } from "../test-helpers";
import { kataContainerMetrics } from "./kata-container-metrics";

const check = (workloads: Parameters<typeof kataContainerMetrics.check>[2]) =>
  kataContainerMetrics.check(emptyInventory(), ruleContext(), workloads);

describe("kata-container-metrics", () => {
  it("reports once per inventory, however many Kubernetes workloads", () => {
    const workloads = [
      podWorkload({ containers: [{ name: "a" }] }),
      podWorkload({ containers: [{ name: "b" }] }),
      composeWorkload({ image: "x" }),
    ];
    expect(check(workloads)).toEqual([
      {
        ruleId: "kata-container-metrics",
        severity: "info",
        remedy: "platform",
        container: null,
        path: "",
        message: "2 Kubernetes workload(s): per-container metrics of Kata pods are not exposed (use kata-monitor)",
        source: "test.json",
      },
    ]);
  });

  it("stays quiet for Docker and Compose only, and for no workloads", () => {
    expect(check([dockerWorkload({ HostConfig: {} }), composeWorkload({ image: "x" })])).toEqual([]);
    expect(check([])).toEqual([]);
  });
});
