import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { PROFILES, getProfile, type ProfileId } from "../../scoring/profiles";
import { composeWorkload, dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { noSharedFilesystem } from "./no-shared-filesystem";

const run = (w: Workload, profile: ProfileId = "kata-fc") => noSharedFilesystem.check(w, ruleContext(profile));

describe("no-shared-filesystem", () => {
  it("runs only under kata-fc and the TEE profiles", () => {
    const selected = PROFILES.filter((p) => noSharedFilesystem.profiles?.(p)).map((p) => p.id);
    expect(selected).toEqual(["kata-fc", "kata-qemu-coco-dev", "kata-qemu-snp", "kata-qemu-tdx", "kata-qemu-se"]);
    expect(noSharedFilesystem.profiles?.(getProfile("kata-qemu-runtime-rs"))).toBe(false);
    expect(noSharedFilesystem.profiles?.(getProfile("kata-qemu-nvidia-gpu"))).toBe(false);
  });

  it("fires on every hostPath volume except block devices", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [
        { name: "data", hostPath: { path: "/srv/data" } },
        { name: "sock", hostPath: { path: "/var/run/docker.sock" } },
        { name: "disk", hostPath: { path: "/dev/sdb", type: "BlockDevice" } },
      ],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "no-shared-filesystem",
        severity: "blocker",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.volumes[0].hostPath.path",
        message: 'hostPath "/srv/data" (volume "data") is copied, not shared, on kata-fc',
      },
      expect.objectContaining({ path: "spec.template.spec.volumes[1].hostPath.path" }),
    ]);
  });

  it("fires on a disk emptyDir mounted by two containers (init and ephemeral count)", () => {
    const w = podWorkload(`
containers:
  - name: app
    volumeMounts: [{ name: shared, mountPath: /shared }, { name: solo, mountPath: /solo }, { name: mem, mountPath: /mem }]
initContainers:
  - name: seed
    volumeMounts: [{ name: shared, mountPath: /seed }, { name: mem, mountPath: /mem }]
volumes:
  - { name: shared, emptyDir: {} }
  - { name: solo, emptyDir: { sizeLimit: 1Gi } }
  - { name: mem, emptyDir: { medium: Memory } }
`);
    expect(run(w, "kata-qemu-snp")).toEqual([
      expect.objectContaining({
        container: null,
        path: "spec.template.spec.volumes[0].emptyDir",
        message: 'disk emptyDir "shared" shared by 2 containers (app, seed) on kata-qemu-snp',
      }),
    ]);
  });

  it("counts a container mounting the volume twice once", () => {
    const w = podWorkload({
      containers: [
        {
          name: "a",
          volumeMounts: [
            { name: "v", mountPath: "/x" },
            { name: "v", mountPath: "/y" },
          ],
        },
      ],
      volumes: [{ name: "v", emptyDir: {} }],
    });
    expect(run(w)).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "h", hostPath: { path: "/h" } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].hostPath.path"]);
  });

  it("fires on Docker and Compose bind mounts only", () => {
    const docker = dockerWorkload({
      Mounts: [
        { Type: "bind", Source: "/srv", Destination: "/srv" },
        { Type: "volume", Source: "/var/lib/docker/volumes/v/_data", Destination: "/v" },
      ],
    });
    expect(run(docker).map((f) => f.path)).toEqual(["Mounts[0].Source"]);
    const compose = composeWorkload({ volumes: ["./app:/app", "data:/data"], tmpfs: "/tmp" });
    expect(run(compose, "kata-qemu-tdx").map((f) => f.path)).toEqual(["services.web.volumes[0]"]);
  });

  it("does not fire on ConfigMap, Secret or PVC volumes", () => {
    const w = podWorkload({
      containers: [
        { name: "a", volumeMounts: [{ name: "c", mountPath: "/c" }] },
        { name: "b", volumeMounts: [{ name: "c", mountPath: "/c" }] },
      ],
      volumes: [
        { name: "c", configMap: { name: "c" } },
        { name: "p", persistentVolumeClaim: { claimName: "p" } },
      ],
    });
    expect(run(w)).toEqual([]);
  });
});
