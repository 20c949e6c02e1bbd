import { describe, expect, it } from "vitest";
import type { NodeInfo } from "../../inventory/types";
import { emptyInventory, ruleContext } from "../test-helpers";
import { nodesWithoutVirtualization } from "./nodes-without-virtualization";

const CPUID = "feature.node.kubernetes.io/cpu-cpuid.";
const node = (name: string, labels: Record<string, string> = {}): NodeInfo => ({ name, labels, source: "nodes.json" });
const check = (nodes: NodeInfo[]) => nodesWithoutVirtualization.check(emptyInventory({ nodes }), ruleContext(), []);

describe("nodes-without-virtualization", () => {
  it("fires when NFD cpuid labels exist and no x86 node shows VMX or SVM", () => {
    const [f, ...rest] = check([node("a", { [`${CPUID}AVX2`]: "true", "kubernetes.io/arch": "amd64" }), node("b")]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: "nodes-without-virtualization", severity: "warning", remedy: "platform", source: "nodes.json" });
    expect(f.message).toContain("none of 1 x86 node(s)");
    expect(f.message).toContain("a");
  });

  it.each([
    ["a node with VMX", [node("a", { [`${CPUID}AVX2`]: "true" }), node("b", { [`${CPUID}VMX`]: "true" })]],
    ["a node with SVM", [node("a", { [`${CPUID}SVM`]: "true" })]],
    ["no NFD labels", [node("a", { "kubernetes.io/arch": "amd64" })]],
    ["only arm64 nodes", [node("a", { [`${CPUID}ASIMD`]: "true", "kubernetes.io/arch": "arm64" })]],
    ["no nodes", []],
  ])("does not fire with %s", (_, nodes) => {
    expect(check(nodes)).toEqual([]);
  });
});
