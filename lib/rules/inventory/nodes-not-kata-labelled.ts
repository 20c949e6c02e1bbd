import type { InventoryRule } from "../types";

const LABEL = "katacontainers.io/kata-runtime";

export const nodesNotKataLabelled: InventoryRule = {
  id: "nodes-not-kata-labelled",
  scope: "inventory",
  since: "1.0",
  title: "No node labelled for Kata",
  severity: "info",
  remedy: "platform",
  summary:
    "Node objects are present, but none carries `katacontainers.io/kata-runtime=true`, the label kata-deploy sets on nodes where Kata is installed.",
  why: `kata-deploy labels each node it installs Kata on with \`katacontainers.io/kata-runtime=true\`, and its RuntimeClasses schedule pods only onto such nodes (\`scheduling.nodeSelector\`). With no labelled node, a pod using those RuntimeClasses stays Pending. Kata may also have been installed another way, hence info only.`,
  remediation: `Install Kata with kata-deploy on the nodes that should run Kata pods (it labels them), or label nodes prepared by hand:

\`\`\`sh
kubectl label node <node> katacontainers.io/kata-runtime=true
\`\`\``,
  references: [
    {
      title: "kata-deploy RuntimeClasses (Helm chart)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/tools/packaging/kata-deploy/helm-chart/kata-deploy/templates/runtimeclasses.yaml",
    },
    { title: "Kata installation", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/installation.md" },
  ],
  check(inventory) {
    const nodes = inventory.nodes;
    if (nodes.length === 0 || nodes.some((n) => n.labels[LABEL] === "true")) return [];
    return [
      {
        ruleId: nodesNotKataLabelled.id,
        severity: nodesNotKataLabelled.severity,
        remedy: nodesNotKataLabelled.remedy,
        container: null,
        path: `metadata.labels["${LABEL}"]`,
        message: `none of ${nodes.length} node(s) is labelled ${LABEL}=true`,
        source: nodes[0].source,
      },
    ];
  },
};
