// Rollout waves proposed from a scan: which workloads move together, in what order, within a budget
// of added overhead, and whether each wave fits the Kata nodes' capacity. Pure: the CLI's `plan`
// and the dashboard call it with workloads whose findings already have the waivers applied.
import { formatCount, formatGiB, formatVcpuTotal } from "../format";
import type { MigrationPath } from "../scoring/migration-path";

export interface PlanWorkload {
  id: string;
  namespace: string | null;
  team: string | null;
  /** Migration path with the waivers in force. */
  path: MigrationPath;
  migrated: boolean;
  /** Open (unwaived, non-info) findings: the manifest fixes a wave waits for. */
  openItems: number;
  /** Rule ids of the open findings that keep the workload out of a wave (platform work, keep on runc). */
  holdingRules: readonly string[];
  stateful: boolean;
  /** Per pod, from the sizing estimate. */
  overheadMemoryMiB: number;
  overheadMilliCpu: number;
  requestMemoryMiB: number;
  requestMilliCpu: number;
  /** Pods (1 for a DaemonSet, which runs once per node: `perNode`). */
  replicas: number;
  perNode: boolean;
}

/** Caps per wave; an absent cap does not bound. */
export interface PlanBudget {
  maxOverheadMemoryMiB?: number;
  maxOverheadMilliCpu?: number;
  maxWorkloads?: number;
}

/** What the Kata nodes can hold: from Node objects, or typed in by the user. */
export interface PlanCapacity {
  source: "nodes" | "user";
  /** Nodes in the pool (DaemonSets run once on each); null when typed in without a count. */
  nodes: number | null;
  allocatableMemoryMiB: number;
  allocatableMilliCpu: number;
  /** How the pool was chosen, e.g. "3 nodes labelled katacontainers.io/kata-runtime=true". */
  description: string;
}

export interface PlannedWave {
  index: number;
  workloads: string[];
  /** Overhead the wave adds (overhead.podFixed x pods): what the budget caps. */
  overheadMemoryMiB: number;
  overheadMilliCpu: number;
  /** What the scheduler reserves on the Kata nodes for the wave: (requests + overhead) x pods. */
  schedulerMemoryMiB: number;
  schedulerMilliCpu: number;
  /** Capacity left on the Kata nodes after this wave and every wave before it; null without capacity. */
  headroom: { memoryMiB: number; milliCpu: number; fits: boolean } | null;
  reason: string;
}

export interface UnplannedWorkload {
  id: string;
  path: MigrationPath;
  reason: string;
}

export interface Plan {
  waves: PlannedWave[];
  unplanned: UnplannedWorkload[];
  capacity: PlanCapacity | null;
  budget: PlanBudget;
}

interface Costed {
  workload: PlanWorkload;
  group: string;
  overheadMemoryMiB: number;
  overheadMilliCpu: number;
  schedulerMemoryMiB: number;
  schedulerMilliCpu: number;
}

const PATH_RANK: Partial<Record<MigrationPath, number>> = { ready: 0, "manifest-fixes": 1 };

/**
 * Waves for the workloads that can move now (`ready` and `manifest-fixes` paths): a team's (else a
 * namespace's) workloads stay together where the budget allows, cheapest first (ready before manifest
 * fixes, fewer open items, stateless before stateful). Every workload appears once, in a wave or
 * unplanned with its reason; a wave exceeds a cap only when one workload alone does, and says so.
 */
export function proposeWaves(workloads: readonly PlanWorkload[], budget: PlanBudget, capacity: PlanCapacity | null): Plan {
  const unplanned: UnplannedWorkload[] = [];
  const movable: Costed[] = [];
  const podsPerNode = capacity?.nodes ?? 1;
  for (const workload of workloads) {
    const held = holdReason(workload);
    if (held !== null) {
      unplanned.push({ id: workload.id, path: workload.path, reason: held });
      continue;
    }
    const pods = workload.perNode ? podsPerNode : workload.replicas;
    movable.push({
      workload,
      group: groupOf(workload),
      overheadMemoryMiB: workload.overheadMemoryMiB * pods,
      overheadMilliCpu: workload.overheadMilliCpu * pods,
      schedulerMemoryMiB: (workload.requestMemoryMiB + workload.overheadMemoryMiB) * pods,
      schedulerMilliCpu: (workload.requestMilliCpu + workload.overheadMilliCpu) * pods,
    });
  }

  const waves = pack(units(movable), budget);
  let usedMemory = 0;
  let usedCpu = 0;
  const planned = waves.map((members, i): PlannedWave => {
    const wave = {
      index: i + 1,
      workloads: members.map((m) => m.workload.id),
      overheadMemoryMiB: sum(members, (m) => m.overheadMemoryMiB),
      overheadMilliCpu: sum(members, (m) => m.overheadMilliCpu),
      schedulerMemoryMiB: sum(members, (m) => m.schedulerMemoryMiB),
      schedulerMilliCpu: sum(members, (m) => m.schedulerMilliCpu),
    };
    usedMemory += wave.schedulerMemoryMiB;
    usedCpu += wave.schedulerMilliCpu;
    const headroom = capacity
      ? {
          memoryMiB: capacity.allocatableMemoryMiB - usedMemory,
          milliCpu: capacity.allocatableMilliCpu - usedCpu,
          fits: usedMemory <= capacity.allocatableMemoryMiB && usedCpu <= capacity.allocatableMilliCpu,
        }
      : null;
    return { ...wave, headroom, reason: waveReason(wave.index, members, budget, headroom, capacity) };
  });
  return { waves: planned, unplanned, capacity, budget };
}

function holdReason(workload: PlanWorkload): string | null {
  if (workload.migrated) return "already runs on Kata";
  const rules = workload.holdingRules.length > 0 ? `: ${workload.holdingRules.join(", ")}` : "";
  if (workload.path === "stays-on-runc") return `stays on runc${rules}`;
  if (workload.path === "platform-work") return `waits for platform work${rules} (resolve or waive it to plan this workload)`;
  return null;
}

function groupOf(workload: PlanWorkload): string {
  if (workload.team) return `team ${workload.team}`;
  return workload.namespace ? `namespace ${workload.namespace}` : "no namespace";
}

/** One group's workloads on one path, in the order they move. */
interface Unit {
  group: string;
  rank: number;
  members: Costed[];
}

function compareMembers(a: Costed, b: Costed): number {
  return (
    a.workload.openItems - b.workload.openItems ||
    Number(a.workload.stateful) - Number(b.workload.stateful) ||
    (a.workload.id < b.workload.id ? -1 : a.workload.id > b.workload.id ? 1 : 0)
  );
}

function units(movable: readonly Costed[]): Unit[] {
  const byKey = new Map<string, Unit>();
  for (const item of movable) {
    const rank = PATH_RANK[item.workload.path] ?? 2;
    const key = `${rank}\u0000${item.group}`;
    let unit = byKey.get(key);
    if (!unit) byKey.set(key, (unit = { group: item.group, rank, members: [] }));
    unit.members.push(item);
  }
  const list = [...byKey.values()];
  for (const unit of list) unit.members.sort(compareMembers);
  const openPerWorkload = (unit: Unit) => sum(unit.members, (m) => m.workload.openItems) / unit.members.length;
  const statefulShare = (unit: Unit) => unit.members.filter((m) => m.workload.stateful).length / unit.members.length;
  return list.sort(
    (a, b) =>
      a.rank - b.rank ||
      openPerWorkload(a) - openPerWorkload(b) ||
      statefulShare(a) - statefulShare(b) ||
      (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
}

interface Load {
  memory: number;
  cpu: number;
  count: number;
}

function fits(load: Load, add: Load, budget: PlanBudget): boolean {
  return (
    (budget.maxOverheadMemoryMiB === undefined || load.memory + add.memory <= budget.maxOverheadMemoryMiB) &&
    (budget.maxOverheadMilliCpu === undefined || load.cpu + add.cpu <= budget.maxOverheadMilliCpu) &&
    (budget.maxWorkloads === undefined || load.count + add.count <= budget.maxWorkloads)
  );
}

function loadOf(members: readonly Costed[]): Load {
  return { memory: sum(members, (m) => m.overheadMemoryMiB), cpu: sum(members, (m) => m.overheadMilliCpu), count: members.length };
}

const EMPTY: Load = { memory: 0, cpu: 0, count: 0 };

/**
 * Greedy, in unit order: a unit joins the open wave when it fits whole; one that would fit an empty
 * wave starts the next wave (so a group is not split for want of room); one larger than any wave is
 * split workload by workload.
 */
function pack(list: readonly Unit[], budget: PlanBudget): Costed[][] {
  const waves: Costed[][] = [];
  let current: Costed[] = [];
  let load: Load = EMPTY;
  const close = () => {
    if (current.length > 0) waves.push(current);
    current = [];
    load = EMPTY;
  };
  const add = (members: readonly Costed[], added: Load) => {
    current.push(...members);
    load = { memory: load.memory + added.memory, cpu: load.cpu + added.cpu, count: load.count + added.count };
  };
  for (const unit of list) {
    const whole = loadOf(unit.members);
    if (fits(load, whole, budget)) {
      add(unit.members, whole);
      continue;
    }
    if (fits(EMPTY, whole, budget)) {
      close();
      add(unit.members, whole);
      continue;
    }
    for (const member of unit.members) {
      const one = loadOf([member]);
      if (!fits(load, one, budget)) close();
      // A workload over the budget on its own still moves: alone in its wave.
      add([member], one);
      if (!fits(EMPTY, one, budget)) close();
    }
  }
  close();
  return waves;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function waveReason(
  index: number,
  members: readonly Costed[],
  budget: PlanBudget,
  headroom: PlannedWave["headroom"],
  capacity: PlanCapacity | null,
): string {
  const groups: string[] = [];
  for (const member of members) if (!groups.includes(member.group)) groups.push(member.group);
  const named = groups.length <= 2 ? groups.join(", ") : `${groups.slice(0, 2).join(", ")} and ${formatCount(groups.length - 2)} more`;
  const load = loadOf(members);
  const parts = [`wave ${index}: ${named}, ${formatCount(members.length)} ${members.length === 1 ? "workload" : "workloads"}`];
  parts[0] += `, +${formatGiB(load.memory)} / +${formatVcpuTotal(load.cpu)}`;
  const fixes = sum(members, (m) => (m.workload.path === "manifest-fixes" ? m.workload.openItems : 0));
  const notes: string[] = [];
  notes.push(fixes > 0 ? `waits for ${formatCount(fixes)} open manifest ${fixes === 1 ? "fix" : "fixes"}` : "ready now");
  if (members.length === 1 && !fits(EMPTY, load, budget)) notes.push("exceeds the budget alone, so it moves on its own");
  const perNode = members.filter((m) => m.workload.perNode).length;
  if (perNode > 0 && capacity?.nodes == null) notes.push(`${formatCount(perNode)} DaemonSet(s) counted once: add them per node`);
  if (headroom && !headroom.fits) notes.push("does not fit the Kata nodes' capacity");
  return `${parts[0]}; ${notes.join("; ")}`;
}
