import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostpathSocket } from "./hostpath-socket";

const run = (w: Workload) => hostpathSocket.check(w, ruleContext());
const withHostPath = (hostPath: Record<string, string>) =>
  podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "sock", hostPath }] });

describe("hostpath-socket (Kubernetes)", () => {
  it("fires on /var/run/docker.sock with the exact path", () => {
    expect(run(withHostPath({ path: "/var/run/docker.sock" }))).toEqual([
      {
        ruleId: "hostpath-socket",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.volumes[0].hostPath.path",
        message: 'hostPath "/var/run/docker.sock" (volume "sock")',
      },
    ]);
  });

  it("points at the type when only type: Socket decides", () => {
    expect(run(withHostPath({ path: "/run/spire/agent", type: "Socket" }))[0].path).toBe("spec.template.spec.volumes[0].hostPath.type");
  });

  it.each([
    "/run/docker.sock",
    "/run/containerd",
    "/run/containerd/containerd.sock",
    "/var/run/containerd",
    "/run/crio",
    "/var/run/crio/crio.sock",
    "/var/lib/kubelet/pod-resources",
    "/var/lib/kubelet/device-plugins",
    "/var/lib/kubelet/plugins",
    "/var/lib/kubelet/plugins/csi.example.com",
    "/var/lib/kubelet/plugins_registry",
    "/tmp/app.sock",
  ])("fires on %s", (p) => {
    expect(run(withHostPath({ path: p }))).toHaveLength(1);
  });

  it.each(["/var/lib/kubelet/pods", "/run/containerd-data", "/var/run/secrets", "/srv/sockets", "/var/log"])("does not fire on %s", (p) => {
    expect(run(withHostPath({ path: p }))).toEqual([]);
  });

  it("fires on a csi.spiffe.io CSI volume", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [
        { name: "cfg", emptyDir: {} },
        { name: "spiffe", csi: { driver: "csi.spiffe.io", readOnly: true } },
      ],
    });
    expect(run(w)).toEqual([
      expect.objectContaining({
        path: "spec.template.spec.volumes[1].csi.driver",
        message: 'CSI driver "csi.spiffe.io" (volume "spiffe")',
        container: null,
      }),
    ]);
  });

  it("does not fire on other CSI drivers", () => {
    expect(run(podWorkload({ containers: [], volumes: [{ name: "s", csi: { driver: "secrets-store.csi.k8s.io" } }] }))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "s", hostPath: { path: "/run/docker.sock" } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].hostPath.path"]);
  });
});

describe("hostpath-socket (Docker, Compose)", () => {
  it("fires on Docker bind sources", () => {
    const w = dockerWorkload({
      Mounts: [
        { Type: "bind", Source: "/var/run/docker.sock", Destination: "/var/run/docker.sock" },
        { Type: "bind", Source: "/srv/app", Destination: "/app" },
        { Type: "bind", Source: "/run/user/1000/agent.sock", Destination: "/agent.sock" },
      ],
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["Mounts[0].Source", 'bind mount of host "/var/run/docker.sock" at /var/run/docker.sock'],
      ["Mounts[2].Source", 'bind mount of host "/run/user/1000/agent.sock" at /agent.sock'],
    ]);
  });

  it("fires on Compose binds, short and long", () => {
    const w = composeWorkload({
      volumes: [
        "/var/run/docker.sock:/var/run/docker.sock",
        { type: "bind", source: "/run/containerd/containerd.sock", target: "/c.sock" },
        "sock:/run/app",
      ],
    });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.volumes[0]", "services.web.volumes[1].source"]);
  });
});
