import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatRemedy,
  isKataRuntime,
  isKataRuntimeClass,
  isMigrationFinding,
  isPlatform,
  isReadiness,
  isRemedy,
  isSeverity,
  labelOfTerm,
  PLATFORMS,
  READINESS_STATES,
  REMEDIES,
  SEVERITIES,
} from "./domain";
import { findRule } from "./rules/catalog";

const ROOT = join(__dirname, "..");

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

describe("the vocabulary lists", () => {
  it("hold each word once and agree with their guards", () => {
    for (const [list, guard] of [
      [SEVERITIES, isSeverity],
      [READINESS_STATES, isReadiness],
      [REMEDIES, isRemedy],
      [PLATFORMS, isPlatform],
    ] as const) {
      expect(new Set(list).size).toBe(list.length);
      for (const word of list) expect(guard(word)).toBe(true);
      expect(guard("nonsense")).toBe(false);
      expect(guard(undefined)).toBe(false);
    }
  });

  it("orders readiness alphabetically worst first, which the workloads table's readiness sort relies on", () => {
    expect([...READINESS_STATES].sort()).toEqual([...READINESS_STATES]);
  });

  it("labels every term and leaves unknown values as they are", () => {
    expect(labelOfTerm("needs-changes")).toBe("Needs changes");
    expect(labelOfTerm("blocker")).toBe("Blocker");
    expect(labelOfTerm("keep-on-runc")).toBe("Keep on runc");
    expect(labelOfTerm("compose")).toBe("Compose");
    expect(labelOfTerm("prod-eu")).toBe("prod-eu");
    expect(formatRemedy(null)).toBe("None needed");
  });

  // A second copy of a list or label table would compile (it is only strings) and drift later; this
  // test is what keeps lib/domain.ts the only spelling.
  it("is not declared a second time anywhere in the app", () => {
    const copies = [
      /["']blocker["']\s*[,|]\s*["']warning["']/,
      /["']warning["']\s*[,|]\s*["']info["']/,
      /["']ready["']\s*[,|]\s*["']needs-changes["']/,
      /["']needs-changes["']\s*[,|]\s*["']blocked["']/,
      /["']manifest["']\s*[,|]\s*["']platform["']/,
      /["']kubernetes["']\s*\|\s*["']docker["']/,
      /["']?needs-changes["']?\s*:\s*(\{\s*label:\s*)?["'][A-Z]/,
      /blocker:\s*(\{\s*label:\s*)?["'][A-Z]/,
      /blocker:\s*["'](bg|text|border)-/,
      /["']keep-on-runc["']\s*:\s*["']/,
      /kubernetes:\s*["']K/,
      /startsWith\(["']kata["']\)/,
      /["']kata-runtime["']/,
    ];
    const offenders: string[] = [];
    for (const dir of ["lib", "components", "app"]) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        // The catalog's id list names every rule, kata-runtime included.
        if (path === join("lib", "domain.ts") || path === join("lib", "rules", "ids.ts")) continue;
        const text = readFileSync(file, "utf8");
        for (const pattern of copies) if (pattern.test(text)) offenders.push(`${path}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("Kata runtimes and migration", () => {
  it("recognises kata-deploy RuntimeClasses and Docker shims", () => {
    expect(isKataRuntimeClass("kata-qemu")).toBe(true);
    expect(isKataRuntimeClass("runc")).toBe(false);
    expect(isKataRuntime("io.containerd.kata.v2")).toBe(true);
    expect(isKataRuntime("io.containerd.kata-qemu.v2")).toBe(true);
    expect(isKataRuntime("io.containerd.runc.v2")).toBe(false);
  });

  it("decides migration by the catalog's kata-runtime rule", () => {
    expect(findRule("kata-runtime")).toBeDefined();
    expect(isMigrationFinding({ ruleId: "kata-runtime" })).toBe(true);
    expect(isMigrationFinding({ ruleId: "privileged" })).toBe(false);
  });
});
