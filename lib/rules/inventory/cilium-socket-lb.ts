import type { InventoryFinding, InventoryRule } from "../types";

export const ciliumSocketLb: InventoryRule = {
  id: "cilium-socket-lb",
  scope: "inventory",
  since: "1.2",
  title: "Cilium socket load balancer serves pods",
  severity: "blocker",
  remedy: "platform",
  summary:
    'Cilium replaces kube-proxy (`kube-proxy-replacement` true or strict in the `cilium-config` ConfigMap) without limiting its socket load balancer to the host namespace (`bpf-lb-sock-hostns-only: "true"`).',
  why: [
    "With kube-proxy replacement, Cilium translates Service addresses when a socket connects, with eBPF programs hooked into the kernel's socket calls. A Kata pod's sockets live in the guest kernel, which Cilium's programs on the host never see: connections to a ClusterIP leave the VM untranslated and Services do not answer.",
    "",
    "Cilium's own Kata guide says the socket load balancer must be limited to the host namespace, so that pod traffic is translated at the network device instead, where Kata traffic passes.",
  ].join("\n"),
  remediation: [
    '- Set `socketLB.hostNamespaceOnly=true` in Cilium\'s Helm values (it writes `bpf-lb-sock-hostns-only: "true"` into `cilium-config`) and restart the Cilium agents:',
    "",
    "```sh",
    "helm upgrade cilium cilium/cilium -n kube-system --reuse-values --set socketLB.hostNamespaceOnly=true",
    "```",
  ].join("\n"),
  references: [
    { title: "Cilium: Kata Containers with Cilium", url: "https://docs.cilium.io/en/stable/network/kubernetes/kata/" },
    { title: "cilium#38033: socket LB and Kata", url: "https://github.com/cilium/cilium/issues/38033" },
    {
      title: "kata-containers#11149: Services unreachable with Cilium kube-proxy replacement",
      url: "https://github.com/kata-containers/kata-containers/issues/11149",
    },
  ],
  check(inventory) {
    const out: InventoryFinding[] = [];
    for (const config of inventory.ciliumConfigs) {
      const replacement = (config.kubeProxyReplacement ?? "").trim().toLowerCase();
      if (replacement !== "true" && replacement !== "strict") continue;
      if ((config.socketLbHostNamespaceOnly ?? "").trim().toLowerCase() === "true") continue;
      out.push({
        ruleId: ciliumSocketLb.id,
        severity: ciliumSocketLb.severity,
        remedy: ciliumSocketLb.remedy,
        container: null,
        path: 'data["bpf-lb-sock-hostns-only"]',
        message: `ConfigMap ${config.namespace}/cilium-config: kube-proxy-replacement ${config.kubeProxyReplacement} without bpf-lb-sock-hostns-only "true"`,
        source: config.source,
      });
    }
    return out;
  },
};
