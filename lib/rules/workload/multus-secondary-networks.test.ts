import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { podWorkload, ruleContext } from "../test-helpers";
import { multusSecondaryNetworks } from "./multus-secondary-networks";

const run = (w: Workload) => multusSecondaryNetworks.check(w, ruleContext());

describe("multus-secondary-networks", () => {
  it("fires on the Multus networks annotation of the pod template", () => {
    const w = podWorkload({ containers: [{ name: "a" }] }, { annotations: { "k8s.v1.cni.cncf.io/networks": "sriov-net, bond-net" } });
    expect(run(w)).toEqual([
      {
        ruleId: "multus-secondary-networks",
        severity: "warning",
        remedy: "platform",
        container: null,
        path: 'spec.template.metadata.annotations["k8s.v1.cni.cncf.io/networks"]',
        message: "k8s.v1.cni.cncf.io/networks: sriov-net, bond-net",
      },
    ]);
  });

  it("stays quiet on an empty value and on Multus' status annotations", () => {
    expect(run(podWorkload({ containers: [{ name: "a" }] }, { annotations: { "k8s.v1.cni.cncf.io/networks": " " } }))).toEqual([]);
    expect(run(podWorkload({ containers: [{ name: "a" }] }, { annotations: { "k8s.v1.cni.cncf.io/network-status": "[]" } }))).toEqual([]);
  });
});
