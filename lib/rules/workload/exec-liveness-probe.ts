import type { Finding, WorkloadRule } from "../types";
import { asArray, containersOfWorkload, finding, isObject, shortValue } from "../walk";

export const execLivenessProbe: WorkloadRule = {
  id: "exec-liveness-probe",
  scope: "workload",
  since: "1.2",
  title: "Exec liveness probe",
  severity: "warning",
  remedy: "manifest",
  appliesTo: ["kubernetes"],
  summary:
    "A container's liveness probe runs a command (`livenessProbe.exec`); under Kata a command that hangs past `timeoutSeconds` does not restart the container.",
  why: [
    "An exec probe runs inside the container, which under Kata means inside the VM, through the Kata agent. When the command hangs longer than the probe's `timeoutSeconds`, the kubelet should count a failure and restart the container; under Kata the hung exec is not cut off at the timeout, so the probe never fails and a stuck container keeps running.",
    "",
    'The issue is open upstream, and Kata\'s own CI skips the Kubernetes test for it ("should be restarted with a docker exec liveness probe with timeout"). Probes that answer quickly work as usual; it is the hang a liveness probe exists to catch that goes unnoticed.',
  ].join("\n"),
  remediation: [
    "- Prefer a probe the kubelet runs itself, which times out reliably: `httpGet`, `tcpSocket` or `grpc`:",
    "",
    "```yaml",
    "livenessProbe:",
    "  httpGet: { path: /healthz, port: 8080 }   # was: exec: { command: [...] }",
    "  timeoutSeconds: 5",
    "```",
    "",
    '- If it must be a command, bound it inside the container so it ends on its own: `command: ["timeout", "5", "/bin/check"]`.',
  ].join("\n"),
  references: [
    {
      title: "kata-containers#2464: exec liveness probe timeout is not enforced",
      url: "https://github.com/kata-containers/kata-containers/issues/2464",
    },
    {
      title: "Kubernetes: configure liveness probes",
      url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
    },
  ],
  check(workload) {
    const out: Finding[] = [];
    for (const c of containersOfWorkload(workload)) {
      const probe = c.container.livenessProbe;
      if (!isObject(probe) || !isObject(probe.exec)) continue;
      const command = asArray(probe.exec.command).map(String).join(" ");
      const timeout = typeof probe.timeoutSeconds === "number" ? probe.timeoutSeconds : 1;
      out.push(
        finding(execLivenessProbe, {
          container: c.name,
          path: `${c.path}.livenessProbe.exec`,
          message: `livenessProbe.exec "${shortValue(command || "?", 60)}" (timeoutSeconds ${timeout}) on ${c.name}`,
        }),
      );
    }
    return out;
  },
};
