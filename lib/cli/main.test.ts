import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import packageJson from "../../package.json";
import type { JsonReport } from "../export/json";
import { CATALOG } from "../rules/catalog";
import { hostNetwork } from "../rules/workload/host-network";
import { PROFILES } from "../scoring/profiles";
import { FIXTURES, runCliForTest as run } from "./test-io";

const ANSI = /\x1b\[\d+m/;

function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

function byName(report: JsonReport, name: string) {
  const workload = report.workloads.find((w) => w.name === name);
  if (!workload) throw new Error(`no workload ${name} in ${report.workloads.map((w) => w.id).join(", ")}`);
  return workload;
}

describe("scan", () => {
  it("walks directories, skipping hidden ones and other extensions, and groups by readiness", async () => {
    const { code, stdout, stderr } = await run(["scan", "manifests"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).not.toContain("hidden-pod");
    const blocked = stdout.indexOf("BLOCKED (1)");
    const needsChanges = stdout.indexOf("NEEDS CHANGES (1)");
    const ready = stdout.indexOf("READY (1)");
    expect(blocked).toBeGreaterThan(-1);
    expect(needsChanges).toBeGreaterThan(blocked);
    expect(ready).toBeGreaterThan(needsChanges);
    expect(stdout.slice(blocked, needsChanges)).toContain("monitoring/DaemonSet/agent");
    expect(stdout.slice(blocked, needsChanges)).toMatch(/blocker\s+host-network/);
    expect(stdout.slice(blocked, needsChanges)).toContain("spec.template.spec.containers[0].volumeMounts[0].subPath");
    expect(stdout.slice(needsChanges, ready)).toMatch(/warning\s+resource-limits \[report\]/);
    expect(stdout.slice(ready)).toContain("shop/Deployment/web");
    expect(stdout).toMatch(/Summary: 3 workloads: 1 blocked, 1 need changes, 1 ready/);
    expect(stdout).not.toMatch(ANSI);
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("skips node_modules when walking", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kr-cli-"));
    try {
      await cp(join(FIXTURES, "manifests"), dir, { recursive: true });
      await mkdir(join(dir, "node_modules", "dep"), { recursive: true });
      await cp(join(FIXTURES, "manifests", ".hidden", "ignored.yaml"), join(dir, "node_modules", "dep", "pod.yaml"));
      const { code, stdout } = await run(["scan", "--format", "json", dir]);
      expect(code).toBe(0);
      expect(
        parseReport(stdout)
          .workloads.map((w) => w.name)
          .sort(),
      ).toEqual(["agent", "report", "web"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes the JSON contract", async () => {
    const { code, stdout } = await run(["scan", "--format", "json", "--cluster", "prod", "manifests", "cluster-list.json"]);
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(report).toMatchObject({ schemaVersion: 1, catalogVersion: "1.2", scoreFormula: "v1", target: "kata-qemu-runtime-rs" });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "catalogVersion",
        "scoreFormula",
        "target",
        "summary",
        "workloads",
        "inventoryFindings",
        "errors",
      ]),
    );
    const agent = byName(report, "agent");
    expect(agent).toMatchObject({
      id: "prod/monitoring/DaemonSet/agent",
      kind: "DaemonSet",
      namespace: "monitoring",
      readiness: "blocked",
      score: 20,
    });
    expect(agent.source).toBe(join("manifests", "apps", "agent.yaml"));
    expect(agent.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "host-network",
        severity: "blocker",
        remedy: "keep-on-runc",
        container: null,
        path: "spec.template.spec.hostNetwork",
      }),
    );
    for (const finding of agent.findings) {
      expect(Object.keys(finding).sort()).toEqual([
        "assignee",
        "container",
        "due",
        "fingerprint",
        "message",
        "path",
        "remedy",
        "ruleId",
        "severity",
        "status",
        "waiver",
      ]);
      // The CLI knows no decisions; the fingerprint is the catalog's (base64url sha256).
      expect(finding).toMatchObject({ status: null, assignee: null, due: null, waiver: null });
      expect(finding.fingerprint).toMatch(/^[\w-]{43}$/);
    }
    expect(agent.sizing).toMatchObject({ vmMemoryMiB: 128 + 32, overheadMemoryMiB: 320, overheadMilliCpu: 250, perNode: true });
    // Pods of one ReplicaSet fold into their Deployment, already on Kata.
    const api = byName(report, "api");
    expect(api).toMatchObject({ kind: "Deployment", migrated: true });
    const { summary } = report;
    expect(summary.workloads).toBe(report.workloads.length);
    expect(summary.blocked + summary.needsChanges + summary.ready).toBe(summary.workloads);
    expect(summary.migrated).toBe(report.workloads.filter((w) => w.migrated).length);
    expect(report.errors).toEqual([]);
  });

  it("checks Docker and Compose inputs against the target", async () => {
    const { code, stdout } = await run(["scan", "-f", "json", "--target", "kata-fc", "docker-inspect.json", "compose.yaml"]);
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expect(report.target).toBe("kata-fc");
    const proxy = byName(report, "proxy");
    expect(proxy.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["host-network", "docker-unsupported-hypervisor"]));
    expect(byName(report, "db")).toMatchObject({ namespace: "blog", readiness: "blocked" });
    expect(byName(report, "db").findings.map((f) => f.ruleId)).toContain("host-pid");
  });

  it("reads stdin for -", async () => {
    const stdin = await readFile(join(FIXTURES, "manifests", "web.yaml"), "utf8");
    const { code, stdout } = await run(["scan", "--format", "json", "-"], { stdin });
    expect(code).toBe(0);
    expect(byName(parseReport(stdout), "web")).toMatchObject({ source: "<stdin>", readiness: "ready", score: 100 });
  });

  it("writes the readiness report as one self-contained HTML file (--format html)", async () => {
    const { code, stdout } = await run(["scan", "--format", "html", "manifests"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("<!doctype html>")).toBe(true);
    expect(stdout).toContain("<h1>Kata readiness: cluster local");
    // Blocked workloads are named with their blockers; nothing is fetched from anywhere.
    expect(stdout).toContain("host-network");
    expect(stdout).not.toMatch(/<(script|link|img)\b|\bsrc=|url\(/i);
  });

  describe("--fail-on", () => {
    it("exits 1 when a finding reaches the level", async () => {
      const result = await run(["scan", "--fail-on", "blocker", "manifests"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("--fail-on blocker");
    });

    it("exits 0 below the level and with none", async () => {
      expect((await run(["scan", "--fail-on", "warning", "manifests/web.yaml"])).code).toBe(0);
      expect((await run(["scan", "--fail-on", "none", "manifests"])).code).toBe(0);
      expect((await run(["scan", "--fail-on", "warning", "manifests/apps/worker.yml"])).code).toBe(1);
    });

    it("rejects an unknown level", async () => {
      const result = await run(["scan", "--fail-on", "major", "manifests"]);
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/blocker, warning, info, none/);
    });
  });

  describe("input errors", () => {
    it("lists an unparseable file, still scans the others, and exits 2 even when the gate fails", async () => {
      const { code, stdout, stderr } = await run(["scan", "--format", "json", "--fail-on", "blocker", "bad.yaml", "manifests"]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/input error/);
      const report = parseReport(stdout);
      expect(report.workloads.length).toBe(3);
      const error = report.errors.find((e) => e.source === "bad.yaml");
      expect(error?.line).toEqual(expect.any(Number));
      expect(error?.message).toBeTruthy();
    });

    it("reports a missing file with its path and exits 2", async () => {
      const { code, stdout } = await run(["scan", "manifests/web.yaml", "nope.yaml"]);
      expect(code).toBe(2);
      expect(stdout).toContain("INPUT ERRORS (1)");
      expect(stdout).toContain("nope.yaml");
      expect(stdout).toContain("no such file or directory");
      expect(stdout).toContain("shop/Deployment/web");
    });
  });

  describe("usage errors exit 64 without a stack trace", () => {
    it.each([
      [["scan"], /nothing to scan/],
      [["scan", "--target", "kata-nope", "manifests"], new RegExp(PROFILES.map((p) => p.id).join(", "))],
      [["scan", "--format", "xml", "manifests"], /text, json/],
      [["scan", "--bogus", "manifests"], /bogus/],
      [["frobnicate"], /unknown command "frobnicate"/],
      [["explain"], /exactly one rule id/],
      [["explain", "sub-path"], /unknown rule "sub-path"; did you mean: subpath/],
    ])("%j", async (argv, message) => {
      const { code, stderr, stdout } = await run(argv);
      expect(code).toBe(64);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe("");
    });
  });

  it("colours only on a terminal without NO_COLOR", async () => {
    expect((await run(["scan", "manifests"], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await run(["scan", "manifests"], { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await run(["scan", "--no-color", "manifests"], { isTTY: true })).stdout).not.toMatch(ANSI);
  });

  it("writes to --output and prints the summary to stderr", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kr-cli-"));
    try {
      const file = join(dir, "report.json");
      const { code, stdout, stderr } = await run(["scan", "-f", "json", "-o", file, "manifests"], { isTTY: true });
      expect(code).toBe(0);
      expect(stdout).toBe("");
      expect(stderr).toContain("3 workloads");
      expect(parseReport(await readFile(file, "utf8")).summary.workloads).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says which --output it cannot write, with its own exit code (73), not as a usage error", async () => {
    const file = join(tmpdir(), "kr-cli-no-such-dir", "sub", "report.txt");
    const { code, stderr } = await run(["scan", "-o", file, "manifests"]);
    expect(code).toBe(73);
    expect(stderr).toBe(`kata-readiness: cannot write ${file}: ENOENT: no such file or directory, open '${file}'\n`);
    const directory = await run(["scan", "-o", tmpdir(), "manifests"]);
    expect(directory.code).toBe(73);
    expect(directory.stderr).toMatch(/^kata-readiness: cannot write .*EISDIR.*\n$/);
  });

  it.each([
    [["scan"]],
    [["scan", "--format", "xml", "manifests"]],
    [["scan", "--target", "nope", "manifests"]],
    [["scan", "--bogus", "manifests"]],
    [["scan", "--cluster", "a/b", "manifests"]],
    [["frobnicate"]],
    [[]],
    [["rules", "extra"]],
    [["explain"]],
    [["explain", "no-such-rule"]],
  ])("answers the usage error %j with exit 64 and one line on stderr", async (argv) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(64);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^kata-readiness: [^\n]+ \(see kata-readiness( \w+)? --help\)\n$/);
  });
});

describe("rules and explain", () => {
  it("lists every rule of the catalog", async () => {
    const { code, stdout } = await run(["rules"]);
    expect(code).toBe(0);
    for (const rule of CATALOG) expect(stdout).toContain(rule.id);
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(stdout).toContain(`${CATALOG.length} rules (catalog v1.2)`);
  });

  it("prints the catalog as JSON", async () => {
    const { stdout } = await run(["rules", "--format", "json"]);
    const rules = JSON.parse(stdout) as { id: string; severity: string; since: string }[];
    expect(rules.map((r) => r.id)).toEqual(CATALOG.map((r) => r.id));
    expect(rules.find((r) => r.id === "docker-embedded-dns")?.since).toBe("1.2");
    expect(rules.find((r) => r.id === "host-network")?.since).toBe("1.0");
  });

  it("explains one rule", async () => {
    const { code, stdout } = await run(["explain", "subpath"]);
    expect(code).toBe(0);
    const rule = CATALOG.find((r) => r.id === "subpath");
    expect(stdout).toContain(`subpath: ${rule?.title}`);
    expect(stdout).toMatch(/severity: blocker/);
    expect(stdout).toMatch(/\nWhy\n/);
    expect(stdout).toMatch(/\nWhat to do\n/);
    for (const reference of rule?.references ?? []) expect(stdout).toContain(reference.url);
  });
});

describe("help and version", () => {
  it.each([["scan"], ["rules"], ["explain"]])("%s --help", async (command) => {
    const { code, stdout } = await run([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: kata-readiness ${command}`);
  });

  it("prints the package version", async () => {
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it("prints the command list with --help, and with no command as a usage error", async () => {
    expect(await run(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Commands:") });
    expect((await run([])).code).toBe(64);
  });

  it("lists every exit code in --help, as the README does", async () => {
    const readme = await readFile(join(FIXTURES, "..", "..", "..", "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("### Exit codes"), readme.indexOf("### JSON output"));
    const documented = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(documented).toEqual([0, 1, 2, 64, 70, 73]);
    for (const command of [["--help"], ["scan", "--help"]]) {
      const { stdout } = await run(command);
      const help = stdout.slice(stdout.indexOf("Exit codes:")).replace(/\s+/g, " ");
      for (const code of documented) expect(help).toMatch(new RegExp(`\\b${code} [a-z-]`));
    }
  });
});

it("keeps paths relative to the working directory in sources", async () => {
  const dir = await mkdtemp(join(tmpdir(), "kr-cli-"));
  try {
    await writeFile(join(dir, "one.yaml"), await readFile(join(FIXTURES, "manifests", "web.yaml")));
    const { stdout } = await run(["scan", "-f", "json", "one.yaml"], { cwd: dir });
    expect(parseReport(stdout).workloads[0].source).toBe("one.yaml");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe("the same identity twice (catalog 1.1)", () => {
  const web = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:${extra}
      containers:
        - name: web
          image: nginx:1.27
          resources: {limits: {cpu: "1", memory: 256Mi}}
`;

  it("gates on a blocker that only the second file has, and names both files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kr-dup-"));
    try {
      await mkdir(join(dir, "dup", "a"), { recursive: true });
      await mkdir(join(dir, "dup", "b"), { recursive: true });
      await writeFile(join(dir, "dup", "a", "web.yaml"), web(""));
      await writeFile(join(dir, "dup", "b", "web.yaml"), web("\n      hostNetwork: true"));
      const text = await run(["scan", "--fail-on", "blocker", "dup/"], { cwd: dir });
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/blocker\s+host-network/);
      expect(text.stdout).toMatch(/warning\s+duplicate-workload/);
      expect(text.stdout).toContain(join("dup", "a", "web.yaml"));
      expect(text.stdout).toContain(join("dup", "b", "web.yaml"));

      const { stdout } = await run(["scan", "--format", "json", "dup"], { cwd: dir });
      const report = parseReport(stdout);
      expect(report.workloads).toHaveLength(1);
      expect(report.workloads[0]).toMatchObject({
        readiness: "blocked",
        sources: [join("dup", "a", "web.yaml"), join("dup", "b", "web.yaml")],
      });
      expect(report.workloads[0].findings.map((f) => f.ruleId)).toContain("host-network");
      expect(report.inventoryFindings.filter((f) => f.ruleId !== "kata-container-metrics")).toEqual([
        expect.objectContaining({
          ruleId: "duplicate-workload",
          severity: "warning",
          source: join("dup", "a", "web.yaml"),
          message: expect.stringContaining("local/default/Deployment/web"),
        }),
      ]);
      expect((await run(["scan", "--fail-on", "warning", "dup/a", join("dup", "a", "web.yaml")], { cwd: dir })).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("loses no workload when the repository's samples are scanned at once", async () => {
    const samples = join(FIXTURES, "..", "..", "..", "samples");
    const ids = async (...paths: string[]) =>
      parseReport((await run(["scan", "--format", "json", ...paths], { cwd: samples })).stdout).workloads.map((w) => w.id);
    const each = [...(await ids("payments-prod")), ...(await ids("edge-lab"))];
    const together = await ids(".");
    expect(each.length).toBeGreaterThan(10);
    expect(together.sort()).toEqual(each.sort());
  });
});

describe("internal errors", () => {
  it("exits 70 asking for a report when a rule throws, and blames no file", async () => {
    const spy = vi.spyOn(hostNetwork, "check").mockImplementation(() => {
      throw new TypeError("cannot read properties of undefined (reading 'spec')");
    });
    try {
      const { code, stdout, stderr } = await run(["scan", "manifests"]);
      expect(code).toBe(70);
      expect(stdout).toBe("");
      expect(stderr).toContain("internal error: this is a bug in kata-readiness, not a problem with your input");
      expect(stderr).toContain("Please report it");
      expect(stderr).toContain("cannot read properties of undefined (reading 'spec')");
      expect(stderr).toContain("caused by: TypeError");
      expect(stderr).not.toMatch(/could not be read|cannot read:|input error/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("terminal escapes", () => {
  it("prints names and annotation values from a manifest with control characters escaped", async () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: "web\\e]0;owned\\a"
  annotations:
    kata-readiness.io/requires: "port-forward, \\e[2Jwipe"
spec:
  hostNetwork: true
  containers: [{name: "c\\e[8m", image: x}]
`;
    const { code, stdout } = await run(["scan", "-"], { stdin: manifest });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(stdout).toContain("default/Pod/web\\x1b]0;owned\\x07");
    expect(stdout).toContain("\\x1b[2jwipe");
    expect(stdout).toContain("[c\\x1b[8m]");
  });

  it("keeps a usage error on one line when an argument carries control characters", async () => {
    const { code, stderr } = await run(["explain", "host\nnet\x1b[2J"]);
    expect(code).toBe(64);
    expect(stderr.split("\n")).toEqual([expect.stringContaining('unknown rule "host\\x0anet\\x1b[2J"'), ""]);
    expect(stderr).toContain("(see kata-readiness explain --help)");
  });
});
