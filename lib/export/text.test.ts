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
    scannedWorkload(
      "blocked",
      [NO_LIMITS, HOST_NETWORK, LONG],
      "manifests/deeply/nested/path/to/a/file/with/a/long/name/blocked-workload.yaml",
    ),
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
    const order = ["BLOCKED (1)", "NEEDS CHANGES (1)", "READY (2)", "INVENTORY (1)", "INPUT ERRORS (1)", "Summary:"].map((h) =>
      text.indexOf(h),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("shows score, findings sorted by severity with container and path", () => {
    expect(text).toMatch(/^\s+10 {2}default\/Deployment\/blocked$/m);
    expect(text).toContain("host-network -> keep on runc");
    expect(text).toContain("resource-limits [app] -> change the manifest");
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

  it("ends with the summary and the sizing of the ready workloads not yet on Kata", () => {
    expect(text).toContain("Summary: 4 workloads: 1 blocked, 1 need changes, 2 ready (1 already on Kata); 1 input error");
    expect(text.replace(/\s+/g, " ")).toContain(
      "Sizing: moving this 1 ready workload costs 0.3 GiB / 0.3 vCPU of overhead (workloads already on Kata not counted).",
    );
  });

  it("opens with one line per rule: severity, remedy, workloads affected, and the explain hint", () => {
    const top = text.slice(0, text.indexOf("BLOCKED"));
    const rows = top.split("\n").filter((line) => /^ {2}[a-z]/.test(line) && !line.includes("kata-readiness explain"));
    expect(
      rows.map((line) =>
        line
          .trim()
          .split(/\s{2,}|\s(?=blocker|warning|info)/)
          .filter(Boolean),
      ),
    ).toEqual([
      ["host-network", "blocker", "keep on runc", "1 workload"],
      ["subpath", "blocker", "change the manifest", "1 workload"],
      ["resource-limits", "warning", "change the manifest", "2 workloads"],
      ["no-kata-runtimeclass", "warning", "change the manifest", "the inventory"],
      ["kata-runtime", "info", "change the manifest", "1 workload"],
    ]);
    expect(top).toContain("kata-readiness explain host-network");
  });

  it("names each source file once per group, above its workloads", () => {
    const shared = scanResult([
      scannedWorkload("a", [NO_LIMITS], "shop.yaml"),
      scannedWorkload("b", [NO_LIMITS], "shop.yaml"),
      scannedWorkload("c", [HOST_NETWORK], "shop.yaml"),
    ]);
    const report = formatTextReport(shared);
    expect(report.split("\n").filter((line) => line.includes("shop.yaml"))).toEqual(["  shop.yaml", "  shop.yaml"]);
    const needs = report.slice(report.indexOf("NEEDS CHANGES"));
    expect(needs.indexOf("shop.yaml")).toBeLessThan(needs.indexOf("/a"));
    expect(needs.indexOf("/a")).toBeLessThan(needs.indexOf("/b"));
  });

  it("escapes control characters read from the inputs", () => {
    const evil = {
      ...scannedWorkload("x", [{ ...NO_LIMITS, container: "c\x1b[2J", message: "annotation \x1b[31mred\x9b" }], "dir\x1b[1A/evil.yaml"),
      name: "x\x1b]0;owned\x07",
    };
    const report = formatTextReport(
      scanResult([evil], {
        inventoryFindings: [{ ...HOST_NETWORK, source: "\x07bell.json" }],
        errors: [{ source: "bad\x1b.yaml", message: "line\nbreak \x1b[0m" }],
      }),
      { color: true },
    );
    const withoutOurColours = report.replace(/\x1b\[\d+m/g, "");
    expect(withoutOurColours).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(withoutOurColours).toContain("x\\x1b]0;owned\\x07");
    expect(withoutOurColours).toContain("[c\\x1b[2J]");
    expect(withoutOurColours).toContain("annotation \\x1b[31mred\\x9b");
    expect(withoutOurColours).toContain("dir\\x1b[1A/evil.yaml");
    expect(withoutOurColours).toContain("in \\x07bell.json");
    expect(withoutOurColours).toContain("bad\\x1b.yaml");
    expect(withoutOurColours).toContain("line\\x0abreak \\x1b[0m");
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
      expect(chunks.filter((chunk) => chunk.includes(`Deployment/${workload.name}`))).toHaveLength(1);
    }
    for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
    expect(chunks.length).toBeGreaterThan(result.workloads.length + 3);
  });
});
