import { describe, expect, it } from "vitest";
import type { Finding } from "../rules/types";
import { formatTextReport, summaryLine, textReportChunks, wrapText } from "./text";
import { HOST_NETWORK, NO_LIMITS, scannedWorkload, scanResult } from "./test-result";

const LONG: Finding = {
  ...NO_LIMITS,
  ruleId: "subpath",
  severity: "blocker",
  path: "spec.jobTemplate.spec.template.spec.initContainers[12].volumeMounts[3].subPathExpr-with-a-very-long-tail-to-wrap",
  message: `volume "config" is mounted with subPath "nginx.conf" ${"and a long explanation ".repeat(8)}`,
};

const result = scanResult(
  [
    scannedWorkload("ready-one", []),
    scannedWorkload("warned", [NO_LIMITS]),
    scannedWorkload("blocked", [NO_LIMITS, HOST_NETWORK, LONG], "manifests/deeply/nested/path/to/a/file/with/a/long/name/blocked-workload.yaml"),
    { ...scannedWorkload("on-kata", [{ ...NO_LIMITS, ruleId: "kata-runtime", severity: "info", container: null }]), migrated: true },
  ],
  {
    inventoryFindings: [{ ...NO_LIMITS, ruleId: "no-kata-runtimeclass", severity: "warning", container: null, source: "cluster.json" }],
    errors: [{ source: "bad.yaml", line: 3, column: 5, message: "bad indentation" }],
  },
);

describe("formatTextReport", () => {
  const text = formatTextReport(result);

  it("groups workloads blocked first, then needs changes, then ready", () => {
    const order = ["BLOCKED (1)", "NEEDS CHANGES (1)", "READY (2)", "INVENTORY (1)", "INPUT ERRORS (1)", "Summary:"].map((h) => text.indexOf(h));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("shows score, findings sorted by severity with container and path", () => {
    expect(text).toMatch(/^\s+10 {2}default\/Deployment\/blocked$/m);
    const blocked = text.slice(text.indexOf("BLOCKED"), text.indexOf("NEEDS CHANGES"));
    expect(blocked.indexOf("host-network")).toBeLessThan(blocked.indexOf("resource-limits"));
    expect(blocked).toContain("resource-limits [app]");
    expect(blocked).toContain("spec.template.spec.containers[0].resources.limits");
    expect(text).toMatch(/100 {2}default\/Deployment\/on-kata \(on Kata\)/);
    expect(text).toContain("bad.yaml:3:5");
  });

  it("fits a 100-column terminal, wrapping long messages and paths", () => {
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(text.replace(/\s+/g, "")).toContain(LONG.path);
  });

  it("ends with the summary and the sizing of ready workloads", () => {
    expect(text).toContain("Summary: 4 workloads: 1 blocked, 1 need changes, 2 ready (1 already on Kata); 1 input error");
    expect(text).toMatch(/Sizing: moving these 2 ready workloads costs 0\.6 GiB \/ 0\.5 vCPU of overhead\./);
  });

  it("colours only when asked", () => {
    expect(text).not.toMatch(/\x1b\[/);
    const coloured = formatTextReport(result, { color: true });
    expect(coloured).toMatch(/\x1b\[31m/);
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(text);
  });
});

describe("summaryLine", () => {
  it("counts readiness and errors", () => {
    expect(summaryLine(scanResult([]))).toBe("0 workloads: 0 blocked, 0 need changes, 0 ready");
  });
});

describe("wrapText", () => {
  it("wraps at the width and splits words longer than a line", () => {
    const lines = wrapText(`short words then ${"x".repeat(150)}`, 60, "    ");
    expect(lines.every((line) => line.length <= 60 && line.startsWith("    "))).toBe(true);
    expect(lines.join("").replace(/\s/g, "")).toBe(`shortwordsthen${"x".repeat(150)}`);
  });
});

describe("textReportChunks", () => {
  it("gives each workload its own chunk, each chunk whole lines", () => {
    const chunks = [...textReportChunks(result)];
    for (const workload of result.workloads) {
      expect(chunks.filter((chunk) => chunk.includes(`/${workload.name}`))).toHaveLength(1);
    }
    for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
    expect(chunks.length).toBeGreaterThan(result.workloads.length + 3);
  });
});
