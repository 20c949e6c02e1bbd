// The CLI's sizing sentence and the dashboard's must count the same workloads and print the same
// figures: one definition (isReadyToMove), checked here on the same data through the real import.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { readSampleClusters } from "@/lib/samples";
import { scan } from "@/lib/scan";
import { describeSizingSummary, summarizeReadyToMove } from "@/lib/scoring/sizing";
import { formatTextReport } from "@/lib/export/text";

let getOverview: typeof import("./overview").getOverview;

beforeAll(async () => {
  createTestDatabase();
  ({ getOverview } = await import("./overview"));
});

describe("sizing of the ready workloads: CLI and dashboard", () => {
  it("agree on the sample clusters, which include a workload already on Kata", async () => {
    const { importUpload } = await import("@/lib/import");
    const samples = await readSampleClusters();
    const scanned = [];
    for (const sample of samples) {
      const imported = await importUpload({ cluster: sample.cluster, target: "kata-qemu-runtime-rs", files: sample.files });
      expect(imported.ok).toBe(true);
      scanned.push(...scan(sample.files, { cluster: sample.cluster }).workloads);
    }
    expect(scanned.some((w) => w.readiness === "ready" && w.migrated)).toBe(true);

    const cli = summarizeReadyToMove(scanned);
    const { schedulerMemoryMiB, schedulerMilliCpu, ...comparable } = cli;
    expect(schedulerMemoryMiB).toBeGreaterThan(0);
    expect(schedulerMilliCpu).toBeGreaterThan(0);
    const dashboard = (await getOverview()).sizing;
    expect(dashboard).toEqual(comparable);
    expect(cli.workloads).toBe(scanned.filter((w) => w.readiness === "ready").length - scanned.filter((w) => w.readiness === "ready" && w.migrated).length);

    // The CLI's text report prints that very summary, cluster by cluster.
    for (const sample of samples) {
      const result = scan(sample.files, { cluster: sample.cluster });
      const moving = summarizeReadyToMove(result.workloads);
      if (moving.workloads === 0) continue;
      const sentence = describeSizingSummary(moving, moving.workloads === 1 ? "ready workload" : "ready workloads");
      expect(formatTextReport(result, { width: 1000 })).toContain(sentence);
      expect((await getOverview({ cluster: sample.cluster })).sizing).toMatchObject({ workloads: moving.workloads, overheadMemoryMiB: moving.overheadMemoryMiB });
    }
  });
});
