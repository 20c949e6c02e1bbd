import { describe, expect, it } from "vitest";
import type { Workload } from "../../inventory/types";
import { PROFILES } from "../../scoring/profiles";
import { k8sWorkload, podWorkload, ruleContext } from "../test-helpers";
import { guestPullMissingIds } from "./guest-pull-missing-ids";

const run = (w: Workload) => guestPullMissingIds.check(w, ruleContext("kata-qemu-snp"));
const paths = (w: Workload) => run(w).map((f) => f.path);

describe("guest-pull-missing-ids", () => {
  it("runs only under TEE profiles", () => {
    expect(PROFILES.filter((p) => guestPullMissingIds.profiles?.(p)).map((p) => p.id)).toEqual([
      "kata-qemu-coco-dev",
      "kata-qemu-snp",
      "kata-qemu-tdx",
      "kata-qemu-se",
    ]);
  });

  it("reports each missing field at pod level", () => {
    expect(run(podWorkload({ containers: [{ name: "a" }] }))).toEqual([
      {
        ruleId: "guest-pull-missing-ids",
        severity: "warning",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.securityContext.runAsUser",
        message: "runAsUser not set at pod level or on every container",
      },
      {
        ruleId: "guest-pull-missing-ids",
        severity: "warning",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.securityContext.runAsGroup",
        message: "runAsGroup not set at pod level or on every container",
      },
      {
        ruleId: "guest-pull-missing-ids",
        severity: "warning",
        remedy: "manifest",
        container: null,
        path: "spec.template.spec.securityContext.fsGroup",
        message: "fsGroup not set at pod level",
      },
    ]);
  });

  it("does not fire when all are set at pod level (0 counts as set)", () => {
    expect(run(podWorkload({ securityContext: { runAsUser: 0, runAsGroup: 0, fsGroup: 0 }, containers: [{ name: "a" }] }))).toEqual([]);
  });

  it("accepts runAsUser/runAsGroup set on every container, including init and ephemeral", () => {
    const ids = { runAsUser: 1000, runAsGroup: 1000 };
    const w = podWorkload({
      securityContext: { fsGroup: 2000 },
      containers: [{ name: "a", securityContext: ids }],
      initContainers: [{ name: "i", securityContext: ids }],
      ephemeralContainers: [{ name: "e", securityContext: ids }],
    });
    expect(run(w)).toEqual([]);
  });

  it("fires when one container (of any kind) lacks the field", () => {
    const w = podWorkload({
      securityContext: { fsGroup: 2000 },
      containers: [{ name: "a", securityContext: { runAsUser: 1000, runAsGroup: 1000 } }],
      initContainers: [{ name: "i", securityContext: { runAsUser: 1000 } }],
    });
    expect(paths(w)).toEqual(["spec.template.spec.securityContext.runAsGroup"]);
  });

  it("requires fsGroup at pod level: containers cannot set it", () => {
    const w = podWorkload({
      securityContext: { runAsUser: 1, runAsGroup: 1 },
      containers: [{ name: "a", securityContext: { fsGroup: 1 } }],
    });
    expect(paths(w)).toEqual(["spec.template.spec.securityContext.fsGroup"]);
  });

  it("ignores non-numeric values", () => {
    expect(paths(podWorkload({ securityContext: { runAsUser: "1000", runAsGroup: 1, fsGroup: 1 }, containers: [{ name: "a" }] }))).toEqual([
      "spec.template.spec.securityContext.runAsUser",
    ]);
  });

  it("checks every pod template", () => {
    const w = k8sWorkload({
      kind: "Pod",
      spec: { securityContext: { runAsUser: 1, runAsGroup: 1, fsGroup: 1 }, containers: [{ name: "a" }] },
    });
    w.pods.push({ ...w.pods[0], spec: { securityContext: { runAsUser: 1, runAsGroup: 1 }, containers: [{ name: "a" }] } });
    expect(paths(w)).toEqual(["spec.securityContext.fsGroup"]);
  });
});
