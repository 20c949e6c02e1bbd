import { describe, expect, it } from "vitest";
import { getProfile } from "../../scoring/profiles";
import { podWorkload, ruleContext } from "../test-helpers";
import { cpuLimitWithoutMemoryLimit } from "./cpu-limit-without-memory-limit";

const ctx = ruleContext();

describe("cpu-limit-without-memory-limit", () => {
  it("fires when a container sets limits.cpu and none sets limits.memory", () => {
    const w = podWorkload({
      containers: [{ name: "a" }, { name: "b", resources: { limits: { cpu: "2" } } }],
      initContainers: [{ name: "i" }],
    });
    expect(cpuLimitWithoutMemoryLimit.check(w, ctx)).toEqual([
      {
        ruleId: "cpu-limit-without-memory-limit",
        severity: "blocker",
        remedy: "manifest",
        container: "b",
        path: "spec.template.spec.containers[1].resources.limits.cpu",
        message: "limits.cpu 2 on b but no container sets limits.memory: runtime-rs gives the VM about 32 MiB",
      },
    ]);
  });

  it("counts an init container's CPU limit", () => {
    const w = podWorkload({ containers: [{ name: "a" }], initContainers: [{ name: "i", resources: { limits: { cpu: "1" } } }] });
    expect(cpuLimitWithoutMemoryLimit.check(w, ctx)[0].path).toBe("spec.template.spec.initContainers[0].resources.limits.cpu");
  });

  it("does not fire when any container (init included) sets a memory limit, or no CPU limit is set", () => {
    expect(
      cpuLimitWithoutMemoryLimit.check(
        podWorkload({
          containers: [{ name: "a", resources: { limits: { cpu: "1" } } }],
          initContainers: [{ name: "i", resources: { limits: { memory: "1Gi" } } }],
        }),
        ctx,
      ),
    ).toEqual([]);
    expect(cpuLimitWithoutMemoryLimit.check(podWorkload({ containers: [{ name: "a" }] }), ctx)).toEqual([]);
  });

  it("runs only on runtime-rs profiles", () => {
    expect(cpuLimitWithoutMemoryLimit.profiles?.(getProfile("kata-qemu-runtime-rs"))).toBe(true);
    expect(cpuLimitWithoutMemoryLimit.profiles?.(getProfile("kata-dragonball"))).toBe(true);
    expect(cpuLimitWithoutMemoryLimit.profiles?.(getProfile("kata-qemu"))).toBe(false);
    expect(cpuLimitWithoutMemoryLimit.appliesTo).toEqual(["kubernetes"]);
  });
});
