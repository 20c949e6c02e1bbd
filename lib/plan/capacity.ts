// The Kata node pool a rollout plan fills, from the inventory's Node objects.
import { formatCount } from "../format";
import type { NodeInfo } from "../inventory/types";
import { parseQuantity, toMiB, toMilliCpu } from "../inventory/quantity";
import type { PlanCapacity } from "./propose";

export const KATA_NODE_LABEL = "katacontainers.io/kata-runtime";

/**
 * Allocatable memory and CPU of the nodes labelled for Kata (kata-deploy's label), or of every node
 * when none is labelled yet. Null without Node objects that state both figures: the user types the
 * capacity in instead.
 */
export function capacityFromNodes(nodes: readonly NodeInfo[]): PlanCapacity | null {
  const labelled = nodes.filter((node) => node.labels[KATA_NODE_LABEL] === "true");
  const pool = labelled.length > 0 ? labelled : nodes;
  let memoryMiB = 0;
  let milliCpu = 0;
  let counted = 0;
  for (const node of pool) {
    const memory = parseQuantity(node.allocatableMemory);
    const cpu = parseQuantity(node.allocatableCpu);
    if (memory === undefined || cpu === undefined || memory < 0 || cpu < 0) continue;
    memoryMiB += Math.floor(toMiB(memory));
    milliCpu += toMilliCpu(cpu);
    counted++;
  }
  if (counted === 0) return null;
  const which = labelled.length > 0 ? `labelled ${KATA_NODE_LABEL}=true` : "(none is labelled for Kata yet: all nodes)";
  const skipped = pool.length - counted;
  return {
    source: "nodes",
    nodes: counted,
    allocatableMemoryMiB: memoryMiB,
    allocatableMilliCpu: milliCpu,
    description:
      `${formatCount(counted)} ${counted === 1 ? "node" : "nodes"} ${which}` +
      (skipped > 0 ? `; ${formatCount(skipped)} without allocatable figures left out` : ""),
  };
}

/** Capacity the user typed in (no Node objects, or a pool the inventory does not show). */
export function userCapacity(memoryMiB: number, milliCpu: number, nodes: number | null = null): PlanCapacity {
  return {
    source: "user",
    nodes,
    allocatableMemoryMiB: memoryMiB,
    allocatableMilliCpu: milliCpu,
    description: nodes === null ? "typed in" : `typed in, ${formatCount(nodes)} ${nodes === 1 ? "node" : "nodes"}`,
  };
}
