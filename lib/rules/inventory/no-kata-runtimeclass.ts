import { isKataRuntimeClass } from "../../domain";
import type { InventoryRule } from "../types";

export const noKataRuntimeclass: InventoryRule = {
  id: "no-kata-runtimeclass",
  scope: "inventory",
  since: "1.0",
  title: "No Kata RuntimeClass",
  severity: "warning",
  remedy: "platform",
  summary:
    "The inventory lists RuntimeClass objects, but none has a handler starting with `kata`: Kata is not installed on this cluster yet.",
  why: `Pods select Kata through \`runtimeClassName\`, which names a RuntimeClass whose \`handler\` is the Kata shim configured in containerd (\`kata-qemu-runtime-rs\`, \`kata-qemu\`, ...). Without such a RuntimeClass no workload can move, whatever its readiness.`,
  remediation: `Install Kata, usually with the kata-deploy Helm chart, which creates one RuntimeClass per shim (name = handler = \`kata-<shim>\`), with pod overhead and a node selector:

\`\`\`sh
helm install kata-deploy oci://ghcr.io/kata-containers/kata-deploy-charts/kata-deploy \\
  --namespace kube-system
\`\`\`

Then check the nodes' virtualization support (\`nodes-without-virtualization\`).`,
  references: [
    { title: "Kata installation", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/installation.md" },
    {
      title: "kata-deploy RuntimeClasses (Helm chart)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/tools/packaging/kata-deploy/helm-chart/kata-deploy/templates/runtimeclasses.yaml",
    },
  ],
  check(inventory) {
    const classes = inventory.runtimeClasses;
    if (classes.length === 0 || classes.some((rc) => isKataRuntimeClass(rc.handler))) return [];
    const listed = classes
      .slice(0, 5)
      .map((rc) => `${rc.name} (${rc.handler})`)
      .join(", ");
    const more = classes.length > 5 ? ` and ${classes.length - 5} more` : "";
    return [
      {
        ruleId: noKataRuntimeclass.id,
        severity: noKataRuntimeclass.severity,
        remedy: noKataRuntimeclass.remedy,
        container: null,
        path: "handler",
        message: `${classes.length} RuntimeClass(es), none with a kata handler: ${listed}${more}`,
        source: classes[0].source,
      },
    ];
  },
};
