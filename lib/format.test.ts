import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatCountOf,
  formatDateTime,
  formatErrorLocation,
  formatExpiry,
  formatGiB,
  formatKind,
  formatMiB,
  formatMilliCpu,
  formatShare,
  formatVcpus,
  formatVcpuTotal,
  formatWorkloadIdentity,
} from "./format";

describe("lib/format", () => {
  it("separates thousands in counts", () => {
    expect(formatCount(2000)).toBe("2,000");
    expect(formatCount(12)).toBe("12");
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(-1500)).toBe("-1,500");
    expect(formatCount(1234.5)).toBe("1,234.5");
    expect(formatCount(0.125)).toBe("0.125");
    expect(formatCountOf(1, "workload")).toBe("1 workload");
    expect(formatCountOf(2500, "workload")).toBe("2,500 workloads");
    expect(formatCountOf(3, "DaemonSet", "DaemonSets")).toBe("3 DaemonSets");
  });

  it("rounds shares and survives an empty whole", () => {
    expect(formatShare(1, 3)).toBe("33%");
    expect(formatShare(0, 0)).toBe("0%");
  });

  it("writes file sizes in binary steps", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(100 * 1024 * 1024)).toBe("100.0 MB");
    expect(formatBytes(3 * 1024 ** 4)).toBe("3,072.0 GB");
  });

  it("writes one workload's memory and CPU", () => {
    expect(formatMiB(320)).toBe("320 MiB");
    expect(formatMiB(2048)).toBe("2 GiB");
    expect(formatMiB(1536)).toBe("1.5 GiB");
    expect(formatMilliCpu(250)).toBe("250m CPU");
    expect(formatMilliCpu(1250)).toBe("1.25 CPU");
    expect(formatMilliCpu(2000)).toBe("2 CPU");
    expect(formatVcpus(2.2)).toBe("2.2 vCPU");
    expect(formatVcpus(1)).toBe("1 vCPU");
  });

  it("writes totals with one decimal below ten and separators above", () => {
    expect(formatGiB(640)).toBe("0.6 GiB");
    expect(formatGiB(1024)).toBe("1.0 GiB");
    expect(formatGiB(1234 * 1024)).toBe("1,234 GiB");
    expect(formatVcpuTotal(500)).toBe("0.5 vCPU");
    expect(formatVcpuTotal(12_345_000)).toBe("12,345 vCPU");
  });

  it("writes dates in UTC whatever the machine's zone", () => {
    expect(formatDateTime(new Date("2026-12-02T15:23:00Z"))).toBe("2 Dec 2026, 15:23 UTC");
  });

  it("names error locations as far as they are known", () => {
    expect(formatErrorLocation({ source: "a.yaml" })).toBe("a.yaml");
    expect(formatErrorLocation({ source: "a.yaml", line: 3 })).toBe("a.yaml:3");
    expect(formatErrorLocation({ source: "a.yaml", line: 3, column: 7 })).toBe("a.yaml:3:7");
  });
});

describe("workload identities and kinds", () => {
  it("drops the empty namespace of Docker containers and names Compose services", () => {
    expect(formatWorkloadIdentity("edge-lab//Container/camera-agent")).toBe("edge-lab/Container/camera-agent");
    expect(formatWorkloadIdentity("edge-lab/shop/Service/web")).toBe("edge-lab/shop/Compose service/web");
    expect(formatWorkloadIdentity("prod/monitoring/DaemonSet/node-exporter")).toBe("prod/monitoring/DaemonSet/node-exporter");
    expect(formatKind("Service")).toBe("Compose service");
    expect(formatKind("Deployment")).toBe("Deployment");
  });

  it("leaves anything that is not an identity as it is", () => {
    expect(formatWorkloadIdentity("")).toBe("");
    expect(formatWorkloadIdentity("a/b")).toBe("a/b");
    expect(formatWorkloadIdentity("c/ns/Pod/a/b")).toBe("c/ns/Pod/a/b");
  });
});

describe("formatExpiry", () => {
  it("reads a date-only expiry as the last day it applies, and other instants in full", () => {
    expect(formatExpiry(new Date("2026-12-23T00:00:00Z"))).toBe("through 22 Dec 2026 (UTC)");
    expect(formatExpiry(new Date("2026-12-23T10:30:00Z"))).toBe("until 23 Dec 2026, 10:30 UTC");
  });
});

describe("formatting elsewhere", () => {
  // Number and date formatting anywhere else is a second copy that will drift from these.
  it("happens only in lib/format.ts", () => {
    const root = join(__dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === "generated" || entry.name === "node_modules") continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && path !== __filename.replace(".test", "")) {
          const text = readFileSync(path, "utf8");
          if (/\.toLocale\w*String\(|\.toFixed\(|Intl\.(DateTimeFormat|NumberFormat)|function format(GiB|MiB|Bytes|Cpu|Vcpu)/.test(text))
            offenders.push(relative(root, path));
        }
      }
    };
    for (const dir of ["lib", "components", "app"]) walk(join(root, dir));
    expect(offenders).toEqual([]);
  });
});
