import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { memoryEmptydir } from "./memory-emptydir";

const ctx = ruleContext();

describe("memory-emptydir", () => {
  it("fires on a medium: Memory emptyDir and names sizeLimit and mount path", () => {
    const w = podWorkload({
      containers: [{ name: "a", volumeMounts: [{ name: "shm", mountPath: "/dev/shm" }] }],
      volumes: [
        { name: "d", emptyDir: {} },
        { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "1Gi" } },
      ],
    });
    const [f] = memoryEmptydir.check(w, ctx);
    expect(f).toMatchObject({
      ruleId: "memory-emptydir",
      severity: "warning",
      remedy: "manifest",
      container: null,
      path: "spec.template.spec.volumes[1].emptyDir.medium",
    });
    expect(f.message).toContain("sizeLimit 1Gi");
    expect(f.message).toContain("/dev/shm");
  });

  it("does not fire on disk or HugePages emptyDirs", () => {
    const w = podWorkload({
      containers: [],
      volumes: [
        { name: "d", emptyDir: {} },
        { name: "h", emptyDir: { medium: "HugePages" } },
      ],
    });
    expect(memoryEmptydir.check(w, ctx)).toEqual([]);
  });

  it("Docker: HostConfig.Tmpfs over 64 MiB only", () => {
    const w = dockerWorkload({ HostConfig: { Tmpfs: { "/big": "rw,size=128m", "/small": "size=64m", "/nosize": "rw" } } });
    const findings = memoryEmptydir.check(w, ctx);
    expect(findings.map((f) => f.path)).toEqual(['HostConfig.Tmpfs["/big"]']);
    expect(findings[0].message).toContain("128 MiB");
  });

  it("Docker: HostConfig.Mounts tmpfs with SizeBytes", () => {
    const w = dockerWorkload({
      HostConfig: {
        Mounts: [
          { Type: "bind", Target: "/x" },
          { Type: "tmpfs", Target: "/cache", TmpfsOptions: { SizeBytes: 268435456 } },
        ],
      },
    });
    expect(memoryEmptydir.check(w, ctx).map((f) => f.path)).toEqual(["HostConfig.Mounts[1].TmpfsOptions.SizeBytes"]);
  });

  it("Compose: tmpfs short and long syntax over 64 MiB", () => {
    const w = composeWorkload({
      tmpfs: ["/run:size=100m", "/tmp"],
      volumes: [
        { type: "tmpfs", target: "/cache", tmpfs: { size: "1g" } },
        { type: "tmpfs", target: "/s", tmpfs: { size: 1024 } },
      ],
    });
    expect(memoryEmptydir.check(w, ctx).map((f) => f.path)).toEqual(["services.web.volumes[0]", "services.web.tmpfs[0]"]);
  });
});
