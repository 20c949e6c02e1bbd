import type { DeclaredRule } from "../types";

export const oomEvents: DeclaredRule = {
  id: "oom-events",
  scope: "declared",
  since: "1.0",
  title: "OOM events (declared)",
  severity: "info",
  remedy: null,
  summary:
    "The workload is declared to rely on out-of-memory events: per-container OOM kills are reported under Kata, whole-VM memory exhaustion is not reported per container.",
  why: `When a container exceeds its own memory limit inside the guest, the Kata shim forwards the guest's OOM event, and Kubernetes shows \`OOMKilled\` as usual. Two cases differ from runc:

- If the **whole VM** runs out of memory (containers without limits, large in-guest tmpfs), the guest kernel picks a victim; the event is not tied to the container that caused it.
- If the pod's host cgroup is too small for the VMM (too little RuntimeClass overhead), the host kills the VMM and the whole pod dies; the reason the user sees then is not confirmed.`,
  remediation: `- Set memory limits on every container so per-container OOM applies.
- Keep the RuntimeClass \`overhead.podFixed\` at the kata-deploy values or higher (QEMU: 320Mi).
- Alert on pod restarts as well as on \`OOMKilled\`.`,
  references: [
    { title: "Kata limitations: events command", url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md" },
    { title: "kata-containers/runtime#308: OOM events", url: "https://github.com/kata-containers/runtime/issues/308" },
  ],
};
