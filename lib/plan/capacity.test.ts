import { describe, expect, it } from "vitest";
import { parseInventory } from "../inventory/parse";
import { capacityFromNodes, KATA_NODE_LABEL } from "./capacity";

function nodes(
  ...specs: { name: string; labels?: Record<string, string>; allocatable?: Record<string, string>; capacity?: Record<string, string> }[]
) {
  const items = specs.map((s) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: s.name, labels: s.labels ?? {} },
    status: { ...(s.allocatable ? { allocatable: s.allocatable } : {}), ...(s.capacity ? { capacity: s.capacity } : {}) },
  }));
  const parsed = parseInventory([{ name: "nodes.json", content: JSON.stringify({ apiVersion: "v1", kind: "List", items }) }], {
    cluster: "c",
  });
  return parsed.context.nodes;
}

describe("capacityFromNodes", () => {
  it("sums the allocatable figures of the nodes labelled for Kata", () => {
    const capacity = capacityFromNodes(
      nodes(
        {
          name: "k1",
          labels: { [KATA_NODE_LABEL]: "true" },
          allocatable: { memory: "16Gi", cpu: "7800m" },
          capacity: { memory: "17Gi", cpu: "8" },
        },
        { name: "k2", labels: { [KATA_NODE_LABEL]: "true" }, allocatable: { memory: "16777216Ki", cpu: "8" } },
        { name: "runc", allocatable: { memory: "64Gi", cpu: "32" } },
      ),
    );
    expect(capacity).toEqual({
      source: "nodes",
      nodes: 2,
      allocatableMemoryMiB: 32_768,
      allocatableMilliCpu: 15_800,
      description: `2 nodes labelled ${KATA_NODE_LABEL}=true`,
    });
  });

  it("takes every node when none is labelled yet, and capacity where allocatable is missing", () => {
    const capacity = capacityFromNodes(
      nodes({ name: "a", capacity: { memory: "8Gi", cpu: "4" } }, { name: "b", allocatable: { memory: "4Gi", cpu: "2" } }),
    );
    expect(capacity).toMatchObject({ nodes: 2, allocatableMemoryMiB: 12_288, allocatableMilliCpu: 6000 });
    expect(capacity?.description).toBe("2 nodes (none is labelled for Kata yet: all nodes)");
  });

  it("leaves out nodes without figures and says so; null when no node has them", () => {
    const some = capacityFromNodes(nodes({ name: "a", allocatable: { memory: "1Gi", cpu: "1" } }, { name: "bare" }));
    expect(some).toMatchObject({ nodes: 1, allocatableMemoryMiB: 1024 });
    expect(some?.description).toContain("1 without allocatable figures left out");
    expect(capacityFromNodes(nodes({ name: "bare" }))).toBeNull();
    expect(capacityFromNodes([])).toBeNull();
  });
});
