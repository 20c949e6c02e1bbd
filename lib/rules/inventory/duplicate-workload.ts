import type { InventoryRule } from "../types";

export const duplicateWorkload: InventoryRule = {
  id: "duplicate-workload",
  scope: "inventory",
  since: "1.1",
  title: "Same workload defined twice with different content",
  severity: "warning",
  remedy: null,
  summary:
    "Two or more objects in one scan have the same workload identity but different content: the report shows the findings of all of them on one workload.",
  why: `A workload is known by \`cluster/namespace/Kind/name\`. When a scan reads that identity from several files (two repositories' manifests, an old and a new export, a base and an overlay rendered side by side) and the objects differ, only one of them can be what runs. Kata Readiness never keeps one and drops the other: the workload carries the findings of every copy, so a blocker in any of them still blocks it and a CI gate cannot pass on the copy that happens to be read first. Copies that differ only in what the API server writes (\`status\`, \`managedFields\`, the last-applied annotation, \`uid\`, \`resourceVersion\`) count as identical and are merged silently.`,
  remediation: `- Decide which file is the source of truth and remove or rename the other objects, or scan the sets separately (one scan per cluster or repository).
- Until then, treat every finding on the workload as real: each comes from at least one of the files named here.`,
  references: [
    {
      title: "Kubernetes object names and IDs",
      url: "https://github.com/kubernetes/website/blob/main/content/en/docs/concepts/overview/working-with-objects/names.md",
    },
    { title: "kubectl-neat: what the API server adds to an object", url: "https://github.com/itaysk/kubectl-neat/blob/master/README.md" },
  ],
  check(inventory) {
    return inventory.duplicates.map((duplicate) => ({
      ruleId: duplicateWorkload.id,
      severity: duplicateWorkload.severity,
      remedy: duplicateWorkload.remedy,
      container: null,
      path: duplicate.path,
      message:
        duplicate.files.length === 1
          ? `${duplicate.id} is defined ${duplicate.variants} times with different content in ${duplicate.files[0]}`
          : `${duplicate.id} is defined with different content in ${duplicate.files.length} files: ${duplicate.files.join(", ")}`,
      source: duplicate.files[0],
    }));
  },
};
