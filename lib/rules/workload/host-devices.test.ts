import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { hostDevices } from "./host-devices";

const run = (w: Workload) => hostDevices.check(w, ruleContext());
const withHostPath = (hostPath: Record<string, string>) =>
  podWorkload({
    containers: [{ name: "a", volumeMounts: [{ name: "v", mountPath: "/x" }] }],
    volumes: [
      { name: "cfg", configMap: { name: "c" } },
      { name: "v", hostPath },
    ],
  });

describe("host-devices (Kubernetes)", () => {
  it("fires on a hostPath under /dev, at the volume's path", () => {
    expect(run(withHostPath({ path: "/dev/ttyUSB0" }))).toEqual([
      {
        ruleId: "host-devices",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.volumes[1].hostPath.path",
        message: 'hostPath "/dev/ttyUSB0" (volume "v")',
      },
    ]);
  });

  it("fires on type CharDevice outside /dev, pointing at the type", () => {
    expect(run(withHostPath({ path: "/opt/tty", type: "CharDevice" }))).toEqual([
      expect.objectContaining({
        path: "spec.template.spec.volumes[1].hostPath.type",
        message: 'hostPath "/opt/tty", type CharDevice (volume "v")',
      }),
    ]);
  });

  it.each([
    ["/dev", undefined],
    ["/dev/fuse", "CharDevice"],
    ["/dev/net/tun", undefined],
    ["/dev/kmsg", "File"],
  ])("fires on %s (type %s)", (path, type) => {
    expect(run(withHostPath(type ? { path, type } : { path }))).toHaveLength(1);
  });

  it.each([
    ["/dev/shm", undefined],
    ["/dev/hugepages", undefined],
    ["/dev/vfio/12", undefined],
    ["/dev/vfio/vfio", "CharDevice"],
    ["/dev/sdb", "BlockDevice"],
    ["/dev/log", "Socket"],
    ["/srv/data", undefined],
    ["/devices", undefined],
  ])("does not fire on %s (type %s): another rule owns it", (path, type) => {
    expect(run(withHostPath(type ? { path, type } : { path }))).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [], volumes: [{ name: "d", hostPath: { path: "/dev/mem" } }] } });
    w.pods.push({
      ...w.pods[0],
      spec: {
        containers: [],
        volumes: [
          { name: "d", hostPath: { path: "/srv" } },
          { name: "e", hostPath: { path: "/dev/i2c-1" } },
        ],
      },
    });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].hostPath.path", "spec.volumes[1].hostPath.path"]);
  });
});

describe("host-devices (Docker)", () => {
  it("fires on HostConfig.Devices, DeviceCgroupRules and /dev bind sources", () => {
    const w = dockerWorkload({
      HostConfig: {
        Devices: [
          { PathOnHost: "/dev/ttyUSB0", PathInContainer: "/dev/ttyUSB0", CgroupPermissions: "rwm" },
          { PathOnHost: "/dev/vfio/7", PathInContainer: "/dev/vfio/7", CgroupPermissions: "rwm" },
        ],
        DeviceCgroupRules: ["c 188:* rmw"],
      },
      Mounts: [
        { Type: "bind", Source: "/dev/snd", Destination: "/dev/snd" },
        { Type: "bind", Source: "/dev/shm", Destination: "/dev/shm" },
        { Type: "bind", Source: "/dev/vfio", Destination: "/dev/vfio" },
        { Type: "volume", Source: "/var/lib/docker/volumes/x/_data", Destination: "/data" },
      ],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "host-devices",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "HostConfig.Devices[0].PathOnHost",
        message: 'device "/dev/ttyUSB0"',
      },
      {
        ruleId: "host-devices",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "HostConfig.DeviceCgroupRules",
        message: "device cgroup rules c 188:* rmw",
      },
      {
        ruleId: "host-devices",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "Mounts[0].Source",
        message: 'bind mount of host "/dev/snd" at /dev/snd',
      },
    ]);
  });

  it("does not fire on a plain container", () => {
    expect(run(dockerWorkload({ HostConfig: { Devices: [], DeviceCgroupRules: null } }))).toEqual([]);
  });
});

describe("host-devices (Compose)", () => {
  it("fires on devices, device_cgroup_rules and /dev binds", () => {
    const w = composeWorkload({
      devices: ["/dev/ttyACM0:/dev/ttyACM0", "/dev/vfio/3:/dev/vfio/3"],
      device_cgroup_rules: ["c 1:3 mr"],
      volumes: ["/dev/input:/dev/input:ro", "/dev/hugepages:/hugepages"],
    });
    expect(run(w).map((f) => [f.path, f.message])).toEqual([
      ["services.web.devices[0]", 'device "/dev/ttyACM0"'],
      ["services.web.device_cgroup_rules", "device cgroup rules c 1:3 mr"],
      ["services.web.volumes[0]", 'bind mount of host "/dev/input" at /dev/input'],
    ]);
  });
});
