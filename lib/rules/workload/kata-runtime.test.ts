import { describe, expect, it } from "vitest";
import { composeWorkload, dockerWorkload, podWorkload, ruleContext } from "../test-helpers";
import { kataRuntime } from "./kata-runtime";

const ctx = ruleContext();

describe("kata-runtime", () => {
  it("fires on a kata RuntimeClass", () => {
    expect(kataRuntime.check(podWorkload({ runtimeClassName: "kata-qemu-runtime-rs", containers: [] }), ctx)).toEqual([
      {
        ruleId: "kata-runtime",
        severity: "info",
        remedy: null,
        container: null,
        path: "spec.template.spec.runtimeClassName",
        message: "runs on RuntimeClass kata-qemu-runtime-rs",
      },
    ]);
  });

  it.each(["runc", "gvisor", "my-kata"])("does not fire on RuntimeClass %s", (name) => {
    expect(kataRuntime.check(podWorkload({ runtimeClassName: name, containers: [] }), ctx)).toEqual([]);
  });

  it.each([
    ["io.containerd.kata.v2", 1],
    ["kata-rs", 1],
    ["io.containerd.kata-qemu.v2", 1],
    ["io.containerd.katana.v2", 0],
    ["runc", 0],
    ["io.containerd.runc.v2", 0],
  ])("Docker HostConfig.Runtime %s", (runtime, count) => {
    const findings = kataRuntime.check(dockerWorkload({ HostConfig: { Runtime: runtime } }), ctx);
    expect(findings).toHaveLength(count);
    findings.forEach((f) => expect(f).toMatchObject({ path: "HostConfig.Runtime", message: `runs on runtime ${runtime}` }));
  });

  it("Compose runtime", () => {
    expect(kataRuntime.check(composeWorkload({ runtime: "kata" }), ctx).map((f) => f.path)).toEqual(["services.web.runtime"]);
    expect(kataRuntime.check(composeWorkload({}), ctx)).toEqual([]);
  });
});
