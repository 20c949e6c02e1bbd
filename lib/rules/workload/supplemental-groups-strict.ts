import type { Finding, WorkloadRule } from "../types";
import { finding, isObject } from "../walk";

export const supplementalGroupsStrict: WorkloadRule = {
  id: "supplemental-groups-strict",
  scope: "workload",
  since: "1.2",
  title: "supplementalGroupsPolicy: Strict",
  severity: "warning",
  remedy: "keep-on-runc",
  appliesTo: ["kubernetes"],
  summary: "The pod sets `securityContext.supplementalGroupsPolicy: Strict`, which Kata does not honour.",
  why: [
    "With `Strict`, the container's processes get only the groups the pod spec lists, not the extra groups the image's `/etc/group` gives the user. Under Kata the policy is not honoured: the process still gets the image's groups, so access the policy was meant to take away is granted.",
    "",
    "The issue is open upstream (reproduced in every run of Kubernetes' test on kata-qemu).",
  ].join("\n"),
  remediation: [
    "- Remove the groups from the image's `/etc/group` instead of relying on the policy, then drop `supplementalGroupsPolicy` under Kata.",
    "- If the policy is a security control you must keep, keep the workload on runc.",
  ].join("\n"),
  references: [
    {
      title: "kata-containers#12871: supplementalGroupsPolicy Strict not honoured",
      url: "https://github.com/kata-containers/kata-containers/issues/12871",
    },
    {
      title: "Kubernetes: supplementalGroupsPolicy",
      url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#supplementalgroupspolicy",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const pod of workload.pods) {
      const sc = pod.spec.securityContext;
      if (!isObject(sc) || sc.supplementalGroupsPolicy !== "Strict") continue;
      out.push(
        finding(supplementalGroupsStrict, {
          container: null,
          path: `${pod.path}.securityContext.supplementalGroupsPolicy`,
          message: "supplementalGroupsPolicy: Strict",
        }),
      );
    }
    return out;
  },
};
