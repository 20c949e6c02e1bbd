import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { PROFILES, type ProfileId } from "../../scoring/profiles";
import { k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { emptydirBlockSizelimit } from "./emptydir-block-sizelimit";

const run = (w: Workload, profile: ProfileId = "kata-qemu-tdx") => emptydirBlockSizelimit.check(w, ruleContext(profile));

describe("emptydir-block-sizelimit", () => {
  it("runs only under TEE and NVIDIA profiles", () => {
    expect(PROFILES.filter((p) => emptydirBlockSizelimit.profiles?.(p)).map((p) => p.id)).toEqual([
      "kata-qemu-coco-dev",
      "kata-qemu-snp",
      "kata-qemu-tdx",
      "kata-qemu-se",
      "kata-qemu-nvidia-gpu",
    ]);
  });

  it("fires on sizeLimit of a disk emptyDir", () => {
    const w = podWorkload({
      containers: [{ name: "a" }],
      volumes: [
        { name: "cfg", configMap: { name: "c" } },
        { name: "scratch", emptyDir: { sizeLimit: "500Mi" } },
      ],
    });
    expect(run(w, "kata-qemu-nvidia-gpu")).toEqual([
      {
        ruleId: "emptydir-block-sizelimit",
        severity: "warning",
        remedy: "platform",
        container: null,
        path: "spec.template.spec.volumes[1].emptyDir.sizeLimit",
        message: 'emptyDir "scratch" sizeLimit 500Mi is block-backed on kata-qemu-nvidia-gpu',
      },
    ]);
  });

  it.each([[{ medium: "Memory", sizeLimit: "1Gi" }], [{ medium: "HugePages", sizeLimit: "1Gi" }], [{}], [{ sizeLimit: "" }]])(
    "does not fire on emptyDir %o",
    (emptyDir) => {
      expect(run(podWorkload({ containers: [], volumes: [{ name: "v", emptyDir }] }))).toEqual([]);
    },
  );

  it('treats medium "" as disk', () => {
    expect(run(podWorkload({ containers: [], volumes: [{ name: "v", emptyDir: { medium: "", sizeLimit: "1Gi" } }] }))).toHaveLength(1);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({ kind: "Pod", spec: { containers: [] } });
    w.pods.push({ ...w.pods[0], spec: { containers: [], volumes: [{ name: "v", emptyDir: { sizeLimit: "1Gi" } }] } });
    expect(run(w).map((f) => f.path)).toEqual(["spec.volumes[0].emptyDir.sizeLimit"]);
  });
});
