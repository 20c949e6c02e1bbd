import type { Finding, WorkloadRule } from "../types";
import { finding, metadataEntriesOf } from "../walk";

const KEY = "istio.io/dataplane-mode";
const isKey = (key: string) => key === KEY;
const FIELDS = ["labels", "annotations"] as const;

export const serviceMeshHostRedirect: WorkloadRule = {
  id: "service-mesh-host-redirect",
  scope: "workload",
  since: "1.0",
  title: "Service mesh with host-side redirection (Istio Ambient)",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary:
    "The workload opts into Istio Ambient (`istio.io/dataplane-mode: ambient`), whose node proxy redirects traffic on the host side, where a Kata pod's traffic does not pass.",
  why: `Ambient-mode meshes capture pod traffic from the pod's network namespace on the host and hand it to a per-node proxy. With Kata's default \`tcfilter\` networking, the pod's traffic is forwarded straight from the veth into the VM's tap device, so host-side redirection rules may never see it: mTLS and policy may silently not apply. Kata 4.1 added an experimental \`l3forwarding\` mode meant as an integration point, but it does not implement the integration itself. This interaction is not confirmed by tests; treat it as a risk to validate. Classic sidecar meshes work, because the iptables rules are set up inside the pod (inside the VM).`,
  remediation: `- Use sidecar mode for workloads that move to Kata (remove the ambient label for them):

\`\`\`yaml
metadata:
  labels:
    sidecar.istio.io/inject: "true"
\`\`\`

- Or validate Ambient with the \`l3forwarding\` network model before relying on it. A namespace-level \`istio.io/dataplane-mode\` label has the same effect and is not visible in the workload's manifest.`,
  references: [
    {
      title: "Kata networking architecture (L3 forwarding)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/networking.md",
    },
    { title: "Kata how-to: service mesh", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/service-mesh.md" },
    { title: "Kata 4.1.0 release notes", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/releases/4.1.0.md" },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const field of FIELDS) {
      for (const entry of metadataEntriesOf(workload, field, isKey)) {
        if (entry.value.trim().toLowerCase() !== "ambient") continue;
        out.push(
          finding(serviceMeshHostRedirect, {
            container: null,
            path: entry.path,
            message: `${KEY}: ${entry.value}: ambient redirection happens on the host, outside the Kata VM`,
          }),
        );
      }
    }
    return out;
  },
};
