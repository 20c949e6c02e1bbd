import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { dockerWorkload, k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { blockDevice } from "./block-device";

const run = (w: Workload) => blockDevice.check(w, ruleContext());

describe("block-device", () => {
  it("reports hostPath type BlockDevice as info at the type field", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [{ name: "disk", hostPath: { path: "/dev/sdb", type: "BlockDevice" } }],
    });
    expect(run(w)).toEqual([
      {
        ruleId: "block-device",
        severity: "info",
        remedy: null,
        container: null,
        path: "spec.template.spec.volumes[0].hostPath.type",
        message: 'hostPath "/dev/sdb", type BlockDevice (volume "disk")',
      },
    ]);
  });

  it("reports volumeDevices of every container kind", () => {
    const w = podWorkload(`
containers:
  - name: db
    volumeDevices: [{ name: data, devicePath: /dev/xvda }]
initContainers:
  - name: format
    volumeDevices: [{ name: data, devicePath: /dev/xvda }]
ephemeralContainers:
  - name: debug
    volumeDevices: [{ name: data, devicePath: /dev/xvdb }]
volumes: [{ name: data, persistentVolumeClaim: { claimName: data } }]
`);
    expect(run(w).map((f) => [f.container, f.path, f.message])).toEqual([
      ["db", "spec.template.spec.containers[0].volumeDevices[0]", 'volumeDevices "data" at /dev/xvda'],
      ["format", "spec.template.spec.initContainers[0].volumeDevices[0]", 'volumeDevices "data" at /dev/xvda'],
      ["debug", "spec.template.spec.ephemeralContainers[0].volumeDevices[0]", 'volumeDevices "data" at /dev/xvdb'],
    ]);
  });

  it("does not fire on a /dev hostPath without BlockDevice type or on volumeMounts", () => {
    const w = podWorkload({
      containers: [{ name: "a", volumeMounts: [{ name: "d", mountPath: "/d" }] }],
      volumes: [{ name: "d", hostPath: { path: "/dev/sdb" } }],
    });
    expect(run(w)).toEqual([]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [{ name: "a", volumeDevices: [{ name: "x", devicePath: "/dev/x" }] }] } });
    expect(run(w)).toHaveLength(1);
  });

  it("is Kubernetes-only", () => {
    expect(blockDevice.appliesTo).toEqual(["kubernetes"]);
    expect(run(dockerWorkload({ HostConfig: { Devices: [{ PathOnHost: "/dev/sdb" }] } }))).toEqual([]);
  });
});
