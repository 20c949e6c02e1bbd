import { describe, expect, it } from "vitest";
import { proposeWaves, type PlanWorkload } from "./propose";
import { userCapacity } from "./capacity";

function w(id: string, overrides: Partial<PlanWorkload> = {}): PlanWorkload {
  return {
    id,
    namespace: "shop",
    team: null,
    path: "ready",
    migrated: false,
    openItems: 0,
    holdingRules: [],
    stateful: false,
    overheadMemoryMiB: 250,
    overheadMilliCpu: 250,
    requestMemoryMiB: 512,
    requestMilliCpu: 500,
    replicas: 1,
    perNode: false,
    ...overrides,
  };
}

function placed(plan: ReturnType<typeof proposeWaves>): string[] {
  return [...plan.waves.flatMap((wave) => wave.workloads), ...plan.unplanned.map((u) => u.id)];
}

describe("proposeWaves", () => {
  it("plans every workload exactly once, leaving out runc, platform work and migrated ones with their reason", () => {
    const workloads = [
      w("a"),
      w("b", { path: "manifest-fixes", openItems: 2 }),
      w("c", { path: "stays-on-runc", holdingRules: ["host-network"] }),
      w("d", { path: "platform-work", holdingRules: ["sgx-device"] }),
      w("e", { migrated: true }),
    ];
    const plan = proposeWaves(workloads, {}, null);
    expect(placed(plan).sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(plan.waves.flatMap((wave) => wave.workloads)).toEqual(["a", "b"]);
    expect(plan.unplanned).toEqual([
      { id: "c", path: "stays-on-runc", reason: "stays on runc: host-network" },
      { id: "d", path: "platform-work", reason: "waits for platform work: sgx-device (resolve or waive it to plan this workload)" },
      { id: "e", path: "ready", reason: "already runs on Kata" },
    ]);
    expect(plan.capacity).toBeNull();
    expect(plan.waves[0].headroom).toBeNull();
  });

  it("caps waves by workload count, overhead memory and overhead CPU", () => {
    const many = Array.from({ length: 7 }, (_, i) => w(`w${i}`));
    expect(proposeWaves(many, { maxWorkloads: 3 }, null).waves.map((wave) => wave.workloads.length)).toEqual([3, 3, 1]);
    // 250 MiB each: 1000 MiB holds four.
    expect(proposeWaves(many, { maxOverheadMemoryMiB: 1000 }, null).waves.map((wave) => wave.workloads.length)).toEqual([4, 3]);
    const cpu = proposeWaves(many, { maxOverheadMilliCpu: 500 }, null);
    expect(cpu.waves.map((wave) => wave.workloads.length)).toEqual([2, 2, 2, 1]);
    for (const wave of cpu.waves) expect(wave.overheadMilliCpu).toBeLessThanOrEqual(500);
  });

  it("counts overhead for every replica, and DaemonSets once per node of the pool", () => {
    const plan = proposeWaves([w("web", { replicas: 3 }), w("agent", { perNode: true, team: "sre" })], {}, userCapacity(10_240, 8000, 4));
    const byId = Object.fromEntries(plan.waves.flatMap((wave) => wave.workloads.map((id) => [id, wave])));
    expect(plan.waves).toHaveLength(1);
    expect(byId.web.overheadMemoryMiB).toBe(750 + 1000);
    expect(byId.web.schedulerMemoryMiB).toBe((512 + 250) * 3 + (512 + 250) * 4);
  });

  it("keeps a team together by starting a new wave rather than splitting it", () => {
    const workloads = [
      w("a1", { team: "alpha" }),
      w("a2", { team: "alpha" }),
      w("b1", { team: "beta" }),
      w("b2", { team: "beta" }),
      w("b3", { team: "beta" }),
    ];
    const plan = proposeWaves(workloads, { maxWorkloads: 4 }, null);
    expect(plan.waves.map((wave) => wave.workloads)).toEqual([
      ["a1", "a2"],
      ["b1", "b2", "b3"],
    ]);
    expect(plan.waves[1].reason).toBe("wave 2: team beta, 3 workloads, +0.7 GiB / +0.8 vCPU; ready now");
  });

  it("splits a group larger than any wave workload by workload", () => {
    const team = Array.from({ length: 5 }, (_, i) => w(`t${i}`, { team: "big" }));
    const plan = proposeWaves(team, { maxWorkloads: 2 }, null);
    expect(plan.waves.map((wave) => wave.workloads)).toEqual([["t0", "t1"], ["t2", "t3"], ["t4"]]);
  });

  it("groups by namespace where a workload has no team", () => {
    const plan = proposeWaves(
      [w("x", { namespace: "pay" }), w("y", { namespace: "shop" }), w("z", { namespace: "pay" })],
      { maxWorkloads: 2 },
      null,
    );
    expect(plan.waves.map((wave) => wave.workloads)).toEqual([["x", "z"], ["y"]]);
    expect(plan.waves[0].reason).toMatch(/^wave 1: namespace pay, 2 workloads/);
  });

  it("moves the cheapest first: ready before manifest fixes, fewer open items, stateless before stateful", () => {
    const plan = proposeWaves(
      [
        w("fix-many", { path: "manifest-fixes", openItems: 5, team: "t1" }),
        w("db", { stateful: true, team: "t2" }),
        w("fix-one", { path: "manifest-fixes", openItems: 1, team: "t3" }),
        w("api", { team: "t2" }),
      ],
      { maxWorkloads: 1 },
      null,
    );
    expect(plan.waves.map((wave) => wave.workloads[0])).toEqual(["api", "db", "fix-one", "fix-many"]);
    expect(plan.waves[2].reason).toBe("wave 3: team t3, 1 workload, +0.2 GiB / +0.3 vCPU; waits for 1 open manifest fix");
  });

  it("puts a workload larger than the budget alone in its wave and says so", () => {
    const plan = proposeWaves([w("small"), w("huge", { overheadMemoryMiB: 8192 }), w("small2")], { maxOverheadMemoryMiB: 1024 }, null);
    const huge = plan.waves.find((wave) => wave.workloads.includes("huge"));
    expect(huge?.workloads).toEqual(["huge"]);
    expect(huge?.reason).toContain("exceeds the budget alone");
    for (const wave of plan.waves) if (wave !== huge) expect(wave.overheadMemoryMiB).toBeLessThanOrEqual(1024);
    expect(placed(plan).sort()).toEqual(["huge", "small", "small2"]);
  });

  it("tracks the headroom left after each wave and warns when a wave does not fit", () => {
    const workloads = Array.from({ length: 4 }, (_, i) => w(`w${i}`, { team: `t${i}` }));
    // Each takes (512 + 250) MiB and (500 + 250) mCPU; 2 GiB holds two.
    const plan = proposeWaves(workloads, { maxWorkloads: 1 }, userCapacity(2048, 16_000));
    expect(plan.waves.map((wave) => wave.headroom)).toEqual([
      { memoryMiB: 2048 - 762, milliCpu: 16_000 - 750, fits: true },
      { memoryMiB: 2048 - 2 * 762, milliCpu: 16_000 - 1500, fits: true },
      { memoryMiB: 2048 - 3 * 762, milliCpu: 16_000 - 2250, fits: false },
      { memoryMiB: 2048 - 4 * 762, milliCpu: 16_000 - 3000, fits: false },
    ]);
    expect(plan.waves[2].reason).toContain("does not fit the Kata nodes' capacity");
    expect(plan.waves[1].reason).not.toContain("does not fit");
  });

  it("says DaemonSets are counted once when the pool's node count is unknown", () => {
    const plan = proposeWaves([w("ds", { perNode: true })], {}, null);
    expect(plan.waves[0].reason).toContain("1 DaemonSet(s) counted once: add them per node");
  });

  it("gives an empty plan for no workloads", () => {
    expect(proposeWaves([], { maxWorkloads: 5 }, null)).toEqual({ waves: [], unplanned: [], capacity: null, budget: { maxWorkloads: 5 } });
  });
});
