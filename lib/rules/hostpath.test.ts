import { describe, expect, it } from "vitest";
import {
  classifyHostPath,
  engineDevicesOf,
  engineMountsOf,
  hostBindsOf,
  hostPathVolumesOf,
  isAtOrUnder,
  normalizeHostPath,
} from "./hostpath";
import { composeWorkload, dockerWorkload, podWorkload } from "./test-helpers";

describe("classifyHostPath", () => {
  it.each([
    ["/dev/sdb", "BlockDevice", "block-device", true],
    ["/srv/disk.img", "BlockDevice", "block-device", true],
    ["/dev/vfio/12", undefined, "vfio", false],
    ["/dev/vfio", "CharDevice", "vfio", false],
    ["/dev/vfio/", undefined, "vfio", false],
    ["/dev/hugepages", undefined, "hugepages", false],
    ["/dev/hugepages/app", undefined, "hugepages", false],
    ["/var/run/docker.sock", undefined, "socket", false],
    ["/run/docker.sock", "Socket", "socket", false],
    ["/run/containerd", undefined, "socket", false],
    ["/run/containerd/containerd.sock", undefined, "socket", false],
    ["/var/run/crio/crio.sock", undefined, "socket", false],
    ["/var/lib/kubelet/pod-resources", undefined, "socket", false],
    ["/var/lib/kubelet/device-plugins/", undefined, "socket", false],
    ["/var/lib/kubelet/plugins", undefined, "socket", false],
    ["/var/lib/kubelet/plugins_registry", undefined, "socket", false],
    ["/tmp/agent.sock", undefined, "socket", false],
    ["/run/spire", "Socket", "socket", true],
    ["/dev/log", "Socket", "socket", true],
    ["/proc", undefined, "proc-sys", false],
    ["/proc/1/ns", undefined, "proc-sys", false],
    ["/sys", undefined, "proc-sys", false],
    ["/sys/fs/cgroup", "Directory", "proc-sys", false],
    ["/dev", undefined, "device", false],
    ["/dev/fuse", "CharDevice", "device", false],
    ["/dev/ttyUSB0", undefined, "device", false],
    ["/opt/dev-null", "CharDevice", "device", true],
    ["/dev/shm", undefined, "other", false],
    ["/dev/shm/app", "Directory", "other", false],
    ["/srv/data", "DirectoryOrCreate", "other", false],
    ["/var/lib/kubelet/pods", undefined, "other", false],
    ["/var/run/containerd-not", undefined, "other", false],
    ["/process", undefined, "other", false],
    ["/devices", undefined, "other", false],
    ["/sysroot", undefined, "other", false],
  ])("%s (type %s) is %s", (path, type, kind, byType) => {
    expect(classifyHostPath(path, type)).toEqual({ kind, byType });
  });
});

describe("path helpers", () => {
  it("normalises trailing and repeated slashes", () => {
    expect(normalizeHostPath("//dev//vfio/")).toBe("/dev/vfio");
    expect(normalizeHostPath("/")).toBe("/");
  });
  it("matches a base only at a path boundary", () => {
    expect(isAtOrUnder("/proc", "/proc")).toBe(true);
    expect(isAtOrUnder("/proc/net", "/proc")).toBe(true);
    expect(isAtOrUnder("/procfs", "/proc")).toBe(false);
  });
});

describe("hostPathVolumesOf", () => {
  it("lists hostPath volumes with the field that decided their class", () => {
    const w = podWorkload(`
containers: [{ name: app, image: nginx }]
volumes:
  - name: cfg
    configMap: { name: cfg }
  - name: disk
    hostPath: { path: /dev/sdb, type: BlockDevice }
  - name: data
    hostPath: { path: /srv/data }
`);
    const vols = hostPathVolumesOf(w.pods[0]);
    expect(vols.map((v) => [v.volume.name, v.class.kind, v.fieldPath])).toEqual([
      ["disk", "block-device", "spec.template.spec.volumes[1].hostPath.type"],
      ["data", "other", "spec.template.spec.volumes[2].hostPath.path"],
    ]);
  });
});

describe("engineMountsOf", () => {
  it("gives Docker field paths for Mounts, HostConfig.Binds and HostConfig.Mounts", () => {
    const w = dockerWorkload({
      Mounts: [{ Type: "bind", Source: "/srv", Destination: "/data", Propagation: "rprivate" }],
      HostConfig: {
        Binds: ["/var/run/docker.sock:/var/run/docker.sock:ro"],
        Mounts: [{ Type: "bind", Source: "/proc", Target: "/host/proc", BindOptions: { Propagation: "rslave" } }],
      },
    });
    expect(engineMountsOf(w).map((m) => [m.sourcePath, m.destinationPath, m.propagationPath])).toEqual([
      ["Mounts[0].Source", "Mounts[0].Destination", "Mounts[0].Propagation"],
      ["HostConfig.Binds[0]", "HostConfig.Binds[0]", "HostConfig.Binds[0]"],
      ["HostConfig.Mounts[0].Source", "HostConfig.Mounts[0].Target", "HostConfig.Mounts[0].BindOptions.Propagation"],
    ]);
  });

  it("gives Compose field paths for short and long syntax", () => {
    const w = composeWorkload(`
volumes:
  - ./conf:/etc/app:ro
  - type: bind
    source: /srv
    target: /data
    bind: { propagation: rshared }
  - cache:/cache
tmpfs: [/run]
`);
    expect(engineMountsOf(w).map((m) => [m.type, m.sourcePath, m.destinationPath, m.propagationPath])).toEqual([
      ["bind", "services.web.volumes[0]", "services.web.volumes[0]", "services.web.volumes[0]"],
      ["bind", "services.web.volumes[1].source", "services.web.volumes[1].target", "services.web.volumes[1].bind.propagation"],
      ["volume", "services.web.volumes[2]", "services.web.volumes[2]", "services.web.volumes[2]"],
      ["tmpfs", "services.web.tmpfs[0]", "services.web.tmpfs[0]", "services.web.tmpfs[0]"],
    ]);
  });

  it("keeps only host binds in hostBindsOf", () => {
    const w = composeWorkload({ volumes: ["cache:/cache", "/dev/fuse:/dev/fuse"] });
    expect(hostBindsOf(w).map((b) => [b.mount.source, b.class.kind])).toEqual([["/dev/fuse", "device"]]);
  });

  it("has no engine mounts for Kubernetes", () => {
    expect(engineMountsOf(podWorkload({ containers: [{ name: "a" }] }))).toEqual([]);
  });
});

describe("engineDevicesOf", () => {
  it("reads Docker HostConfig.Devices", () => {
    const w = dockerWorkload({ HostConfig: { Devices: [{ PathOnHost: "/dev/ttyUSB0", PathInContainer: "/dev/ttyUSB0" }] } });
    expect(engineDevicesOf(w)).toEqual([{ source: "/dev/ttyUSB0", path: "HostConfig.Devices[0].PathOnHost" }]);
  });
  it("reads Compose devices, short, long and CDI", () => {
    const w = composeWorkload({
      devices: ["/dev/sda:/dev/xvda:rwm", { source: "/dev/vfio/3", target: "/dev/vfio/3" }, "vendor.com/device=all"],
    });
    expect(engineDevicesOf(w)).toEqual([
      { source: "/dev/sda", path: "services.web.devices[0]" },
      { source: "/dev/vfio/3", path: "services.web.devices[1].source" },
      { source: "vendor.com/device=all", path: "services.web.devices[2]" },
    ]);
  });
});

describe("memoised lookups", () => {
  it("answers repeated lookups alike and keeps pods and workloads apart", () => {
    const a = podWorkload({ containers: [], volumes: [{ name: "a", hostPath: { path: "/dev/fuse" } }] });
    const b = podWorkload({ containers: [], volumes: [{ name: "b", hostPath: { path: "/srv" } }] });
    expect(hostPathVolumesOf(a.pods[0])).toBe(hostPathVolumesOf(a.pods[0]));
    expect(hostPathVolumesOf(b.pods[0]).map((v) => v.class.kind)).toEqual(["other"]);
    expect(hostPathVolumesOf(a.pods[0]).map((v) => v.class.kind)).toEqual(["device"]);
    const d1 = dockerWorkload({ Mounts: [{ Type: "bind", Source: "/proc", Destination: "/p" }] });
    const d2 = dockerWorkload({ Mounts: [{ Type: "bind", Source: "/srv", Destination: "/s" }] });
    expect(hostBindsOf(d1).map((m) => m.class.kind)).toEqual(["proc-sys"]);
    expect(hostBindsOf(d2).map((m) => m.class.kind)).toEqual(["other"]);
    expect(hostBindsOf(d1).map((m) => m.class.kind)).toEqual(["proc-sys"]);
  });
});
