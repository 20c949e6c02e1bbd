import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../plan/propose";
import { runCliForTest as run } from "./test-io";

const resources = { requests: { memory: "256Mi", cpu: "250m" }, limits: { memory: "512Mi", cpu: "500m" } };

function workload(kind: string, name: string, team: string, pod: Record<string, unknown> = {}) {
  const spec = { containers: [{ name: "app", image: "example.com/app:1.0", resources }], ...pod };
  const template = { metadata: { labels: { team } }, spec };
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: { name, namespace: "shop", labels: { team } },
    spec: kind === "DaemonSet" ? { template } : { replicas: 1, template },
  };
}

function node(name: string) {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "katacontainers.io/kata-runtime": "true" } },
    status: { allocatable: { memory: "8Gi", cpu: "4" } },
  };
}

const items = [
  workload("Deployment", "a1", "alpha"),
  workload("Deployment", "a2", "alpha"),
  workload("Deployment", "b1", "beta"),
  workload("DaemonSet", "agent", "sre"),
  workload("Deployment", "netdiag", "sre", { hostNetwork: true }),
  workload("Deployment", "tuner", "sre", {
    containers: [{ name: "app", image: "example.com/app:1.0", resources, securityContext: { privileged: true } }],
  }),
  node("kata-1"),
  node("kata-2"),
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-cli-"));
  await writeFile(join(dir, "cluster.json"), JSON.stringify({ apiVersion: "v1", kind: "List", items }, null, 2));
  await writeFile(
    join(dir, "waivers.yaml"),
    "waivers:\n  - rule: privileged\n    workload: local/shop/Deployment/tuner\n    reason: tuned by the platform team\n    approver: ops\n    expires: 2999-01-01\n",
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function plan(...args: string[]): Promise<Plan> {
  const { code, stdout, stderr } = await run(["plan", "--format", "json", ...args, "cluster.json"], { cwd: dir });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout) as Plan;
}

describe("plan", () => {
  it("lists every workload once, in a wave or unplanned with its reason, within the workload cap", async () => {
    const result = await plan("--max-workloads", "2");
    const ids = [...result.waves.flatMap((w) => w.workloads), ...result.unplanned.map((u) => u.id)];
    expect(ids.sort()).toEqual(
      ["a1", "a2", "agent", "b1", "netdiag", "tuner"]
        .map((name) => `local/shop/${name === "agent" ? "DaemonSet" : "Deployment"}/${name}`)
        .sort(),
    );
    for (const wave of result.waves) expect(wave.workloads.length).toBeLessThanOrEqual(2);
    expect(result.waves[0]).toMatchObject({ index: 1, workloads: ["local/shop/Deployment/a1", "local/shop/Deployment/a2"] });
    expect(result.unplanned).toEqual([
      { id: "local/shop/Deployment/netdiag", path: "stays-on-runc", reason: "stays on runc: host-network" },
      {
        id: "local/shop/Deployment/tuner",
        path: "platform-work",
        reason: "waits for platform work: privileged (resolve or waive it to plan this workload)",
      },
    ]);
  });

  it("reads the Kata nodes' capacity and counts a DaemonSet once per node", async () => {
    const result = await plan();
    expect(result.capacity).toMatchObject({ source: "nodes", nodes: 2, allocatableMemoryMiB: 16_384, allocatableMilliCpu: 8000 });
    const wave = result.waves.find((w) => w.workloads.includes("local/shop/DaemonSet/agent"));
    const alone = await plan("--max-workloads", "1");
    const agent = alone.waves.find((w) => w.workloads.includes("local/shop/DaemonSet/agent"));
    const deployment = alone.waves.find((w) => w.workloads.includes("local/shop/Deployment/b1"));
    expect(wave).toBeDefined();
    expect(agent?.overheadMemoryMiB).toBe(2 * (deployment?.overheadMemoryMiB ?? 0));
    expect(agent?.headroom?.fits).toBe(true);
  });

  it("plans a workload once its platform finding is waived", async () => {
    const result = await plan("--waivers", "waivers.yaml");
    expect(result.unplanned.map((u) => u.id)).toEqual(["local/shop/Deployment/netdiag"]);
    expect(result.waves.flatMap((w) => w.workloads)).toContain("local/shop/Deployment/tuner");
  });

  it("keeps waves under the overhead caps and takes typed-in capacity over Node objects", async () => {
    const result = await plan("--max-overhead-memory", "600Mi", "--capacity-memory", "1Gi", "--capacity-cpu", "2");
    expect(result.capacity).toMatchObject({ source: "user", allocatableMemoryMiB: 1024, allocatableMilliCpu: 2000 });
    for (const wave of result.waves) {
      if (wave.workloads.length > 1) expect(wave.overheadMemoryMiB).toBeLessThanOrEqual(600);
    }
    expect(result.waves.some((w) => w.headroom?.fits === false)).toBe(true);
  });

  it("prints a text plan with each wave's reason and headroom, and writes --output", async () => {
    const { code, stdout } = await run(["plan", "--max-workloads", "3", "cluster.json"], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Rollout plan for cluster local, target kata-qemu-runtime-rs: \d+ waves?, 4 workloads planned, 2 not planned$/m,
    );
    expect(stdout).toContain("Kata capacity: 16 GiB / 8.0 vCPU (2 nodes labelled katacontainers.io/kata-runtime=true)");
    expect(stdout).toMatch(/^wave 1: team alpha, team beta, 3 workloads, \+.* GiB \/ \+.* vCPU; ready now$/m);
    expect(stdout).toContain("  headroom after this wave:");
    expect(stdout).toContain("  - local/shop/Deployment/netdiag: stays on runc: host-network");
    const written = await run(["plan", "--format", "json", "-o", "plan.json", "cluster.json"], { cwd: dir });
    expect(written.stderr).toMatch(/^Wrote plan\.json: \d+ waves?, 4 workloads planned, 2 not planned\n$/);
    expect(JSON.parse(await readFile(join(dir, "plan.json"), "utf8")).waves.length).toBeGreaterThan(0);
  });

  it("refuses bad budgets and half a capacity as usage errors", async () => {
    for (const args of [
      ["--max-workloads", "0"],
      ["--max-overhead-memory", "lots"],
      ["--max-overhead-cpu", "-1"],
      ["--capacity-memory", "1Gi"],
    ]) {
      const { code, stderr } = await run(["plan", ...args, "cluster.json"], { cwd: dir });
      expect(code).toBe(64);
      expect(stderr).toMatch(/^kata-readiness: .*\(see kata-readiness plan --help\)\n$/);
    }
    expect((await run(["plan"], { cwd: dir })).code).toBe(64);
  });
});
