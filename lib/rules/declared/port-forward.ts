import type { DeclaredRule } from "../types";

export const portForward: DeclaredRule = {
  id: "port-forward",
  scope: "declared",
  since: "1.0",
  title: "kubectl port-forward (declared)",
  severity: "warning",
  remedy: "manifest",
  summary: "The workload is declared to be reached through `kubectl port-forward`, which is unreliable with Kata.",
  why: `\`kubectl port-forward\` makes the container runtime dial \`localhost:<port>\` in the pod's network namespace **on the host**. Under Kata the application listens inside the VM, behind the tap device, so the connection is often refused ("connect: connection refused"). Kata's own CI skips its port-forward test.`,
  remediation: `Reach the workload through a Service instead (ClusterIP plus \`kubectl run\`/a debug pod, NodePort, LoadBalancer or an Ingress):

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
\`\`\``,
  references: [
    {
      title: "Kata CI: port-forward test (skipped)",
      url: "https://github.com/kata-containers/kata-containers/blob/main/tests/integration/kubernetes/k8s-port-forward.bats",
    },
    { title: "kata-containers/runtime#1834", url: "https://github.com/kata-containers/runtime/issues/1834" },
    {
      title: "kata-containers#10843: port-forward connection refused",
      url: "https://github.com/kata-containers/kata-containers/issues/10843",
    },
  ],
};
