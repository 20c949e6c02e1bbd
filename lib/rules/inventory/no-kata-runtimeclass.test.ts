import { describe, expect, it } from "vitest";
import type { RuntimeClassInfo } from "../../inventory/types";
import { emptyInventory, ruleContext } from "../test-helpers";
import { noKataRuntimeclass } from "./no-kata-runtimeclass";

const rc = (name: string, handler = name): RuntimeClassInfo => ({ name, handler, overhead: null, source: "rc.yaml" });
const check = (runtimeClasses: RuntimeClassInfo[]) => noKataRuntimeclass.check(emptyInventory({ runtimeClasses }), ruleContext(), []);

describe("no-kata-runtimeclass", () => {
  it("fires when RuntimeClasses exist but none has a kata handler", () => {
    const [f, ...rest] = check([rc("gvisor", "runsc"), rc("kata", "runc")]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: "no-kata-runtimeclass",
      severity: "warning",
      remedy: "platform",
      source: "rc.yaml",
      path: "handler",
    });
    expect(f.message).toContain("gvisor (runsc), kata (runc)");
  });

  it("does not fire with a kata handler or without RuntimeClasses", () => {
    expect(check([rc("gvisor", "runsc"), rc("secure", "kata-qemu")])).toEqual([]);
    expect(check([])).toEqual([]);
  });
});
