import { describe, expect, it } from "vitest";
import type { NodeInfo } from "../../inventory/types";
import { emptyInventory, ruleContext } from "../test-helpers";
import { nodesNotKataLabelled } from "./nodes-not-kata-labelled";

const node = (name: string, labels: Record<string, string> = {}): NodeInfo => ({ name, labels, source: "nodes.json" });
const check = (nodes: NodeInfo[]) => nodesNotKataLabelled.check(emptyInventory({ nodes }), ruleContext(), []);

describe("nodes-not-kata-labelled", () => {
  it("fires when no node carries katacontainers.io/kata-runtime=true", () => {
    const [f] = check([node("a"), node("b", { "katacontainers.io/kata-runtime": "false" })]);
    expect(f).toMatchObject({ ruleId: "nodes-not-kata-labelled", severity: "info", remedy: "platform", source: "nodes.json" });
    expect(f.message).toContain("none of 2 node(s)");
  });

  it("does not fire when one node is labelled or without nodes", () => {
    expect(check([node("a"), node("b", { "katacontainers.io/kata-runtime": "true" })])).toEqual([]);
    expect(check([])).toEqual([]);
  });
});
