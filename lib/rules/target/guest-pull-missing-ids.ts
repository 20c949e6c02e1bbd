import type { Finding, WorkloadRule } from "../types";
import { containersOf, finding, isObject, join } from "../walk";

const POD_AND_CONTAINER_FIELDS = ["runAsUser", "runAsGroup"] as const;

function isSet(securityContext: unknown, field: string): boolean {
  return isObject(securityContext) && typeof securityContext[field] === "number";
}

export const guestPullMissingIds: WorkloadRule = {
  id: "guest-pull-missing-ids",
  scope: "workload",
  since: "1.0",
  title: "Guest-pulled image without explicit user and group IDs",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  profiles: (profile) => profile.tee,
  summary: "On a confidential profile, the pod leaves `runAsUser`, `runAsGroup` or `fsGroup` to the image.",
  why: [
    "Confidential profiles pull images **inside the guest**, so the host never sees the image. containerd on the host builds the container spec without the image config, and the `USER` the image declares is not known when the spec is written.",
    "",
    "- The process can run with a different UID/GID than the image intends (often root), and files on volumes get unexpected ownership.",
    "- When a generated agent policy (genpolicy) is in use, the unexpected IDs can make the policy reject the container outright.",
    "",
    "`fsGroup` only exists at pod level, so it must be set there.",
  ].join("\n"),
  remediation: [
    "- Set the IDs explicitly at pod level (or `runAsUser`/`runAsGroup` on every container), matching the image's `USER`:",
    "",
    "```yaml",
    "spec:",
    "  securityContext:",
    "    runAsUser: 1000",
    "    runAsGroup: 1000",
    "    fsGroup: 1000",
    "    supplementalGroups: [1000]",
    "```",
    "",
    "- Regenerate the agent policy after changing the manifest.",
  ].join("\n"),
  references: [
    {
      title: "Kata Limitations: Guest pulled container images",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    },
    {
      title: "How to use the Kata agent policy",
      url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-use-the-kata-agent-policy.md",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      const podContext = pod.spec.securityContext;
      const podPath = join(pod.path, "securityContext");
      const containers = containersOf(pod);
      for (const field of POD_AND_CONTAINER_FIELDS) {
        if (isSet(podContext, field)) continue;
        const everyContainer = containers.length > 0 && containers.every((c) => isSet(c.container.securityContext, field));
        if (everyContainer) continue;
        out.push(
          finding(guestPullMissingIds, {
            container: null,
            path: `${podPath}.${field}`,
            message: `${field} not set at pod level or on every container`,
          }),
        );
      }
      if (!isSet(podContext, "fsGroup")) {
        out.push(finding(guestPullMissingIds, { container: null, path: `${podPath}.fsGroup`, message: "fsGroup not set at pod level" }));
      }
    }
    return out;
  },
};
