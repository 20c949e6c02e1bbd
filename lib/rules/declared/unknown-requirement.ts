import type { DeclaredRule } from "../types";

export const unknownRequirement: DeclaredRule = {
  id: "unknown-requirement",
  scope: "declared",
  since: "1.0",
  title: "Unknown declared requirement",
  severity: "info",
  remedy: null,
  summary: "An item in `kata-readiness.io/requires` that this catalog does not know, reported so a typo never hides a real requirement.",
  why: `Declared requirements cover limitations a manifest cannot show. An item the catalog does not recognise is most likely a typo (\`checkpoint_restore\` in an annotation, \`port-forwarding\`) or a requirement from a newer catalog version. It is reported rather than ignored, so the declaration is not silently lost.`,
  remediation: `Use the known items: \`checkpoint-restore\`, \`oom-events\`, \`port-forward\`, \`intel-rdt\`, separated by commas or spaces:

\`\`\`yaml
metadata:
  annotations:
    kata-readiness.io/requires: "checkpoint-restore, port-forward"
\`\`\`

In a label (no commas or spaces allowed) separate items with \`_\` or \`.\`: \`kata-readiness.io/requires: checkpoint-restore_port-forward\`.`,
  references: [],
};
