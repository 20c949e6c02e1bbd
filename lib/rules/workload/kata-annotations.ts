import type { Finding, WorkloadRule } from "../types";
import { finding, metadataEntriesOf, shortValue } from "../walk";

const PREFIX = "io.katacontainers.config.";

const isKataAnnotation = (key: string) => key.startsWith(PREFIX);

export const kataAnnotations: WorkloadRule = {
  id: "kata-annotations",
  scope: "workload",
  since: "1.0",
  title: "Kata configuration annotations",
  severity: "warning",
  remedy: "platform",
  appliesTo: ["kubernetes"],
  summary:
    "An `io.katacontainers.config.*` annotation, which only takes effect when the node's Kata configuration allow-lists it in `enable_annotations`.",
  why: `Kata lets a pod override parts of its configuration through \`io.katacontainers.config.*\` annotations (VM memory, vCPUs, kernel parameters, ...). Because they change the sandbox's security and sizing, each hypervisor key (\`io.katacontainers.config.hypervisor.*\`) must be allow-listed in the \`enable_annotations\` setting of the RuntimeClass's configuration. The default list is short (\`enable_iommu\`, \`kernel_params\`, \`kernel_verity_params\`; confidential configurations add \`default_vcpus\`, \`default_memory\`, \`cc_init_data\`). On the Go runtime a key that is not allowed makes sandbox creation fail with "annotation ... is not enabled"; runtime-rs behaviour is not confirmed. Whether the other \`io.katacontainers.config.*\` keys (runtime, agent) take effect also depends on the node's Kata configuration.`,
  remediation: `- Remove the annotation where resource limits can do the same job (VM size follows \`resources.limits\`).
- Otherwise ask the platform team to allow the key for this RuntimeClass; with kata-deploy that is the per-shim \`allowedHypervisorAnnotations\` value, e.g.:

\`\`\`yaml
shims:
  qemu-runtime-rs:
    allowedHypervisorAnnotations:
      - default_memory
\`\`\``,
  references: [
    {
      title: "Kata how-to: set sandbox configuration through annotations",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-set-sandbox-config-kata.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const entry of metadataEntriesOf(workload, "annotations", isKataAnnotation)) {
      out.push(
        finding(kataAnnotations, {
          container: null,
          path: entry.path,
          message: `annotation ${entry.key}="${shortValue(entry.value)}" must be allow-listed in enable_annotations`,
        }),
      );
    }
    return out;
  },
};
