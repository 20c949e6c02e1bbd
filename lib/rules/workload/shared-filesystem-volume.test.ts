import { describe, expect, it } from "vitest";
import type { PersistentVolumeClaimInfo, Workload } from "../../inventory/types";
import { k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { sharedFilesystemVolume } from "./shared-filesystem-volume";

const run = (w: Workload, claims: Record<string, PersistentVolumeClaimInfo> = {}) =>
  sharedFilesystemVolume.check(w, ruleContext("kata-qemu-runtime-rs", { persistentVolumeClaims: claims }));
const withVolume = (volume: Record<string, unknown>) =>
  podWorkload({ containers: [{ name: "a" }], volumes: [{ name: "data", ...volume }] });
const claim = (claimName: string) => withVolume({ persistentVolumeClaim: { claimName } });

describe("shared-filesystem-volume", () => {
  it.each(["nfs", "cephfs", "glusterfs"])("fires on an inline %s volume", (type) => {
    expect(run(withVolume({ [type]: { server: "s", path: "/x" } }))).toEqual([
      {
        ruleId: "shared-filesystem-volume",
        severity: "warning",
        remedy: "platform",
        container: null,
        path: `spec.template.spec.volumes[0].${type}`,
        message: `${type} volume "data" shared over virtio-fs`,
      },
    ]);
  });

  it("fires on a ReadWriteMany Filesystem claim found in the inventory (volumeMode absent or explicit)", () => {
    expect(
      run(claim("shared"), { "default/shared": { accessModes: ["ReadWriteMany"], volumeMode: null } }).map((f) => [f.path, f.message]),
    ).toEqual([
      [
        "spec.template.spec.volumes[0].persistentVolumeClaim.claimName",
        'claim "shared" (volume "data") is ReadWriteMany in Filesystem mode',
      ],
    ]);
    expect(
      run(claim("shared"), { "default/shared": { accessModes: ["ReadWriteOnce", "ReadWriteMany"], volumeMode: "Filesystem" } }),
    ).toHaveLength(1);
  });

  it("stays quiet on ReadWriteOnce, ReadOnlyMany and Block claims", () => {
    expect(run(claim("c"), { "default/c": { accessModes: ["ReadWriteOnce"], volumeMode: null } })).toEqual([]);
    expect(run(claim("c"), { "default/c": { accessModes: ["ReadOnlyMany"], volumeMode: null } })).toEqual([]);
    expect(run(claim("c"), { "default/c": { accessModes: ["ReadWriteMany"], volumeMode: "Block" } })).toEqual([]);
  });

  it("stays quiet when the claim is not in the inventory or in another namespace", () => {
    expect(run(claim("shared"))).toEqual([]);
    expect(run(claim("shared"), { "other/shared": { accessModes: ["ReadWriteMany"], volumeMode: null } })).toEqual([]);
  });

  it("fires on StatefulSet claim templates and ephemeral volume templates that are ReadWriteMany Filesystem", () => {
    const sts = k8sWorkload({
      kind: "StatefulSet",
      metadata: { name: "db" },
      spec: {
        template: {
          spec: {
            containers: [{ name: "a" }],
            volumes: [{ name: "scratch", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteMany"] } } } }],
          },
        },
        volumeClaimTemplates: [
          { metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"] } },
          { metadata: { name: "shared" }, spec: { accessModes: ["ReadWriteMany"], volumeMode: "Filesystem" } },
          { metadata: { name: "raw" }, spec: { accessModes: ["ReadWriteMany"], volumeMode: "Block" } },
        ],
      },
    });
    expect(run(sts).map((f) => [f.path, f.message])).toEqual([
      [
        "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes",
        'ephemeral volume "scratch" claims ReadWriteMany in Filesystem mode',
      ],
      ["spec.volumeClaimTemplates[1].spec.accessModes", 'claim template "shared" is ReadWriteMany in Filesystem mode'],
    ]);
  });

  it("stays quiet on emptyDir, hostPath and configMap volumes", () => {
    expect(run(withVolume({ emptyDir: {} }))).toEqual([]);
    expect(run(withVolume({ hostPath: { path: "/srv" } }))).toEqual([]);
    expect(run(withVolume({ configMap: { name: "c" } }))).toEqual([]);
  });
});
