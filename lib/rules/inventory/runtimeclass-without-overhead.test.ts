import { describe, expect, it } from "vitest";
import type { RuntimeClassInfo } from "../../inventory/types";
import { emptyInventory, ruleContext } from "../test-helpers";
import { runtimeclassWithoutOverhead } from "./runtimeclass-without-overhead";

const check = (runtimeClasses: RuntimeClassInfo[]) =>
  runtimeclassWithoutOverhead.check(emptyInventory({ runtimeClasses }), ruleContext(), []);

describe("runtimeclass-without-overhead", () => {
  it("fires on kata RuntimeClasses without podFixed, with the kata-deploy value when known", () => {
    const findings = check([
      { name: "kata-qemu-runtime-rs", handler: "kata-qemu-runtime-rs", overhead: null, source: "a.yaml" },
      { name: "secure", handler: "kata-custom", overhead: {}, source: "b.yaml" },
      { name: "kata-clh", handler: "kata-clh", overhead: { memory: "130Mi", cpu: "250m" }, source: "c.yaml" },
      { name: "runc", handler: "runc", overhead: null, source: "d.yaml" },
    ]);
    expect(findings.map((f) => [f.source, f.severity, f.path])).toEqual([
      ["a.yaml", "warning", "overhead.podFixed"],
      ["b.yaml", "warning", "overhead.podFixed"],
    ]);
    expect(findings[0].message).toContain("320Mi / 250m");
    expect(findings[1].message).toBe("RuntimeClass secure (handler kata-custom) has no overhead.podFixed");
  });
});
