import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import type { WorkloadRule } from "../types";
import { blockDevice } from "./block-device";
import { hostDevices } from "./host-devices";
import { hostpathProcSys } from "./hostpath-proc-sys";
import { hostpathSocket } from "./hostpath-socket";
import { hostpathVolume } from "./hostpath-volume";
import { kernelModules } from "./kernel-modules";
import { vfioDevice } from "./vfio-device";

const run = (w: Workload) => hostpathVolume.check(w, ruleContext());
const withHostPath = (hostPath: Record<string, string>) =>
  podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "data", hostPath }] });

describe("hostpath-volume", () => {
  it("fires on an ordinary hostPath", () => {
    expect(run(withHostPath({ path: "/srv/app", type: "DirectoryOrCreate" }))).toEqual([
      {
        ruleId: "hostpath-volume",
        severity: "warning",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.volumes[0].hostPath.path",
        message: 'hostPath "/srv/app", type DirectoryOrCreate (volume "data")',
      },
    ]);
  });

  it.each(["/var/log", "/etc/ssl/certs", "/dev/shm", "/var/lib/kubelet/pods"])("fires on %s", (p) => {
    expect(run(withHostPath({ path: p }))).toHaveLength(1);
  });

  const owners: Record<string, WorkloadRule | null> = {
    "host-devices": hostDevices,
    "block-device": blockDevice,
    "vfio-device": vfioDevice,
    "hostpath-socket": hostpathSocket,
    "hostpath-proc-sys": hostpathProcSys,
    "kernel-modules": kernelModules,
    hugepages: null, // H3's rule
  };
  it.each<[Record<string, string>, string]>([
    [{ path: "/dev/fuse" }, "host-devices"],
    [{ path: "/dev/sdb", type: "BlockDevice" }, "block-device"],
    [{ path: "/dev/vfio/1" }, "vfio-device"],
    [{ path: "/dev/hugepages" }, "hugepages"],
    [{ path: "/var/run/docker.sock" }, "hostpath-socket"],
    [{ path: "/run/x", type: "Socket" }, "hostpath-socket"],
    [{ path: "/proc" }, "hostpath-proc-sys"],
    [{ path: "/opt/c", type: "CharDevice" }, "host-devices"],
    [{ path: "/lib/modules" }, "kernel-modules"],
    [{ path: "/lib/modules/6.8.0-generic", type: "Directory" }, "kernel-modules"],
  ])("does not double-report %o (owned by %s)", (hostPath, owner) => {
    const w = withHostPath(hostPath);
    expect(run(w)).toEqual([]);
    const rule = owners[owner];
    if (rule) expect(rule.check(w, ruleContext()).map((f) => f.ruleId)).toEqual([owner]);
  });

  it("does not fire on non-hostPath volumes", () => {
    expect(
      run(
        podWorkload({
          containers: [],
          volumes: [
            { name: "e", emptyDir: {} },
            { name: "p", persistentVolumeClaim: { claimName: "p" } },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "d", hostPath: { path: "/data" } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].hostPath.path"]);
  });

  it("fires on Docker binds other than devices, sockets and system paths", () => {
    const w = dockerWorkload({
      Mounts: [
        { Type: "bind", Source: "/srv/data", Destination: "/data" },
        { Type: "volume", Source: "/var/lib/docker/volumes/v/_data", Destination: "/v" },
        { Type: "bind", Source: "/var/run/docker.sock", Destination: "/var/run/docker.sock" },
        { Type: "bind", Source: "/proc", Destination: "/host/proc" },
      ],
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([["Mounts[0].Source", 'bind mount of host "/srv/data" at /data']]);
  });

  it("fires on Compose binds, not named volumes or tmpfs", () => {
    const w = composeWorkload({
      volumes: ["./conf:/etc/app", "data:/data", { type: "bind", source: "/srv", target: "/srv" }],
      tmpfs: ["/tmp"],
    });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.volumes[0]", "services.web.volumes[2].source"]);
  });
});
