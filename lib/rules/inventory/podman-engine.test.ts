import { describe, expect, it } from "vitest";
import { emptyInventory, ruleContext } from "../test-helpers";
import { podmanEngine } from "./podman-engine";

const ctx = ruleContext();

describe("podman-engine", () => {
  it("fires once per Podman source", () => {
    const inventory = emptyInventory({
      engines: [
        { engine: "podman", version: "5.2.1", source: "a.json" },
        { engine: "podman", version: "5.2.1", source: "a.json" },
        { engine: "docker", version: "27.0.1", source: "b.json" },
      ],
    });
    expect(podmanEngine.check(inventory, ctx, [])).toEqual([
      {
        ruleId: "podman-engine",
        severity: "blocker",
        remedy: "platform",
        container: null,
        path: "",
        message: "Podman 5.2.1 output: Kata Containers does not support Podman",
        source: "a.json",
      },
    ]);
  });

  it("does not fire on Docker or no engine", () => {
    expect(podmanEngine.check(emptyInventory({ engines: [{ engine: "docker", version: null, source: "x" }] }), ctx, [])).toEqual([]);
    expect(podmanEngine.check(emptyInventory(), ctx, [])).toEqual([]);
  });
});
