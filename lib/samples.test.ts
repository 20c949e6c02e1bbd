import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./testing/test-db";
import { scan } from "./scan";
import { readSampleClusters, type SampleCluster } from "./samples";

let samples: SampleCluster[];

beforeAll(async () => {
  samples = await readSampleClusters();
});

describe("sample inventory", () => {
  it("covers two clusters, each read without errors", () => {
    expect(samples.map((s) => s.cluster)).toHaveLength(2);
    for (const sample of samples) {
      const result = scan(sample.files, { cluster: sample.cluster });
      expect(result.errors, sample.cluster).toEqual([]);
      expect(result.workloads.length, sample.cluster).toBeGreaterThan(0);
    }
  });

  it("has ready, needs-changes and blocked workloads, and one already on Kata", () => {
    const workloads = samples.flatMap((sample) => scan(sample.files, { cluster: sample.cluster }).workloads);
    const readiness = new Set(workloads.map((w) => w.readiness));
    expect([...readiness].sort()).toEqual(["blocked", "needs-changes", "ready"]);
    expect(workloads.some((w) => w.migrated)).toBe(true);
    expect(new Set(workloads.map((w) => w.platform))).toEqual(new Set(["kubernetes", "docker", "compose"]));
  });

  it("imports into an empty database, and a second load adds nothing", async () => {
    createTestDatabase();
    const { importUpload } = await import("./import");
    const { db } = await import("./db");
    const first = await Promise.all(samples.map((s) => importUpload({ cluster: s.cluster, target: "kata-qemu-runtime-rs", files: s.files })));
    expect(first.every((r) => r.ok)).toBe(true);
    const workloads = await db.workload.count();

    const again = await Promise.all(samples.map((s) => importUpload({ cluster: s.cluster, target: "kata-qemu-runtime-rs", files: s.files })));
    expect(again.map((r) => (r.ok ? "imported" : r.reason))).toEqual(samples.map(() => "duplicate"));
    expect(await db.workload.count()).toBe(workloads);
  });
});
