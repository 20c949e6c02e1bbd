import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { procMount } from "./proc-mount";

const run = (w: Workload) => procMount.check(w, ruleContext());
const mountAt = (mountPath: string) => podWorkload({ containers: [{ name: "app", volumeMounts: [{ name: "lxcfs", mountPath }] }] });

describe("proc-mount", () => {
  it("fires on a mount under /proc with the exact path", () => {
    expect(run(mountAt("/proc/sys/net"))).toEqual([
      {
        ruleId: "proc-mount",
        severity: "blocker",
        remedy: "manifest",
        container: "app",
        path: "spec.template.spec.containers[0].volumeMounts[0].mountPath",
        message: 'mountPath "/proc/sys/net" (volume "lxcfs")',
      },
    ]);
  });

  it.each(["/proc", "/proc/", "/proc/vmstat", "/proc/net", "/proc/net/dev/x", "/proc/sys/kernel"])("fires on %s", (p) => {
    expect(run(mountAt(p))).toHaveLength(1);
  });

  it.each([
    "/proc/cpuinfo",
    "/proc/diskstats",
    "/proc/meminfo",
    "/proc/stat",
    "/proc/swaps",
    "/proc/uptime",
    "/proc/loadavg",
    "/proc/net/dev",
    "/host/proc",
    "/processes",
  ])("does not fire on %s", (p) => {
    expect(run(mountAt(p))).toEqual([]);
  });

  it("fires in init and ephemeral containers and every pod template", () => {
    const w = k8sWorkload({
      kind: "Pod",
      spec: {
        containers: [{ name: "a" }],
        initContainers: [{ name: "i", volumeMounts: [{ name: "v", mountPath: "/proc/x" }] }],
        ephemeralContainers: [{ name: "e", volumeMounts: [{ name: "v", mountPath: "/proc" }] }],
      },
    });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "b", volumeMounts: [{ name: "v", mountPath: "/proc/y" }] }] } });
    expect(run(w).map((f) => [f.container, f.path])).toEqual([
      ["i", "spec.initContainers[0].volumeMounts[0].mountPath"],
      ["e", "spec.ephemeralContainers[0].volumeMounts[0].mountPath"],
      ["b", "spec.containers[0].volumeMounts[0].mountPath"],
    ]);
  });

  it("fires on Docker mount destinations of any type", () => {
    const w = dockerWorkload({
      Mounts: [
        { Type: "bind", Source: "/var/lib/lxcfs/proc/meminfo", Destination: "/proc/meminfo" },
        { Type: "volume", Source: "/var/lib/docker/volumes/v/_data", Destination: "/proc/driver" },
      ],
      HostConfig: { Mounts: [{ Type: "tmpfs", Target: "/proc/acpi" }] },
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["Mounts[1].Destination", 'mount destination "/proc/driver"'],
      ["HostConfig.Mounts[0].Target", 'mount destination "/proc/acpi"'],
    ]);
  });

  it("fires on Compose volume and tmpfs targets", () => {
    const w = composeWorkload({
      volumes: ["./lxcfs/uptime:/proc/uptime", { type: "bind", source: "/x", target: "/proc/kcore" }],
      tmpfs: ["/proc/scsi"],
    });
    expect(run(w).map((f) => f.path)).toEqual(["services.web.volumes[1].target", "services.web.tmpfs[0]"]);
  });
});
