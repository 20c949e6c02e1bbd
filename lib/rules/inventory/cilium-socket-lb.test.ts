import { describe, expect, it } from "vitest";
import type { CiliumConfigInfo } from "../../inventory/types";
import { emptyInventory, ruleContext } from "../test-helpers";
import { ciliumSocketLb } from "./cilium-socket-lb";

const check = (kubeProxyReplacement: string | null, socketLbHostNamespaceOnly: string | null) => {
  const config: CiliumConfigInfo = { namespace: "kube-system", kubeProxyReplacement, socketLbHostNamespaceOnly, source: "cm.yaml" };
  return ciliumSocketLb.check(emptyInventory({ ciliumConfigs: [config] }), ruleContext(), []);
};

describe("cilium-socket-lb", () => {
  it.each([
    ["true", null],
    ["strict", "false"],
    ["True", ""],
  ])("fires with kube-proxy-replacement %s and bpf-lb-sock-hostns-only %s", (kpr, hostns) => {
    expect(check(kpr, hostns)).toEqual([
      {
        ruleId: "cilium-socket-lb",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: 'data["bpf-lb-sock-hostns-only"]',
        message: `ConfigMap kube-system/cilium-config: kube-proxy-replacement ${kpr} without bpf-lb-sock-hostns-only "true"`,
        source: "cm.yaml",
      },
    ]);
  });

  it('stays quiet with bpf-lb-sock-hostns-only: "true"', () => {
    expect(check("true", "true")).toEqual([]);
    expect(check("strict", "true")).toEqual([]);
  });

  it("stays quiet without kube-proxy replacement or without cilium-config", () => {
    expect(check("false", null)).toEqual([]);
    expect(check("disabled", null)).toEqual([]);
    expect(check(null, null)).toEqual([]);
    expect(ciliumSocketLb.check(emptyInventory(), ruleContext(), [])).toEqual([]);
  });
});
