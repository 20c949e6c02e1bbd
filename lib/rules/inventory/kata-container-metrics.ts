import type { InventoryRule } from "../types";

export const kataContainerMetrics: InventoryRule = {
  id: "kata-container-metrics",
  scope: "inventory",
  since: "1.2",
  title: "Per-container metrics of Kata pods",
  severity: "info",
  remedy: "platform",
  summary:
    "The inventory has Kubernetes workloads; per-container CPU and memory metrics (cAdvisor, the kubelet's stats) are not exposed for Kata pods.",
  why: [
    "The kubelet's container metrics come from cAdvisor reading the containers' cgroups on the host. A Kata pod's containers run in the VM; on the host there is one sandbox cgroup for the whole VM, and per-container figures do not reach cAdvisor or the CRI stats.",
    "",
    "Dashboards and alerts built on `container_*` metrics show gaps for Kata pods; pod-level scheduling and limits still work.",
  ].join("\n"),
  remediation: [
    "- Deploy `kata-monitor` on the nodes that run Kata and scrape it with Prometheus: it exposes the guest's and the Kata components' metrics.",
    "- Review dashboards and alerts that rely on per-container cAdvisor series before moving workloads.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#5391: container stats not exposed for Kata pods",
      url: "https://github.com/kata-containers/kata-containers/issues/5391",
    },
    {
      title: "Kata how-to: metrics with kata-monitor",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-set-prometheus-in-k8s.md",
    },
  ],
  check(_inventory, _context, workloads) {
    let count = 0;
    let source = "";
    for (const workload of workloads) {
      if (workload.platform !== "kubernetes") continue;
      if (count === 0) source = workload.source.file;
      count++;
    }
    if (count === 0) return [];
    return [
      {
        ruleId: kataContainerMetrics.id,
        severity: kataContainerMetrics.severity,
        remedy: kataContainerMetrics.remedy,
        container: null,
        path: "",
        message: `${count} Kubernetes workload(s): per-container metrics of Kata pods are not exposed (use kata-monitor)`,
        source,
      },
    ];
  },
};
