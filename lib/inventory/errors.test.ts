import { describe, expect, it } from "vitest";
import { parseInventory } from "./parse";
import { MAX_DEPTH, MAX_YAML_BYTES } from "./limits";
import { fixture, json, listOf, parseText, podObject } from "./test-helpers";

describe("syntax errors with positions", () => {
  it("reports a JSON error with line and column", () => {
    const result = parseText("bad.json", '{\n  "kind": "Pod",\n  "metadata": {"name": "x"}\n  "spec": {}\n}');
    expect(result.errors).toEqual([
      { source: "bad.json", line: 4, column: 3, message: expect.stringMatching(/^invalid JSON: expected ',' or '}'/) },
    ]);
    expect(result.files[0]).toMatchObject({ syntax: "json", errors: 1 });
  });

  it("reports a truncated JSON file at its end", () => {
    const text = new TextDecoder().decode(fixture("docker/inspect.json").content as Uint8Array);
    const truncated = text.slice(0, 500);
    const result = parseText("cut.json", truncated);
    const lines = truncated.split("\n");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/truncated/);
    expect(result.errors[0].line).toBe(lines.length);
  });

  it("reports the unexpected-token case V8 gives no position for", () => {
    const result = parseText("bad.json", '{"a": 1,\n "b": }');
    expect(result.errors[0]).toMatchObject({ line: 2, column: 7 });
  });

  it("reports a YAML error with the position from the YAML parser", () => {
    const result = parseText("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: b\nspec: {}\n");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: "bad.yaml", line: 6, column: 1 });
    expect(result.errors[0].message).toMatch(/^invalid YAML: /);
    expect(result.errors[0].message).not.toContain("\n");
  });

  it("keeps the good documents of a multi-document file with one bad document", () => {
    const good = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers: [{name: c, image: x}]\n`;
    const text = `${good("a")}---\napiVersion: v1\nkind: Pod\nmetadata: {name: b\n---\n${good("c")}`;
    const result = parseText("multi.yaml", text);
    expect(result.workloads.map((w) => w.name)).toEqual(["a", "c"]);
    expect(result.workloads[1].source.line).toBe(12);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBeGreaterThanOrEqual(8);
    expect(result.errors[0].line).toBeLessThanOrEqual(11);
  });

  it("keeps the good lines of a JSON Lines file with one bad line", () => {
    const text =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"containers":[{"name":"c"}]}}\n{"broken": \n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"spec":{"containers":[{"name":"c"}]}}\n';
    const result = parseText("pods.jsonl", text);
    expect(result.workloads.map((w) => w.name)).toEqual(["a", "b"]);
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/^invalid JSON/) })]);
  });
});

describe("content errors", () => {
  it("reports a workload without containers as an input error, not a workload", () => {
    const result = parseText(
      "empty.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hollow\n  namespace: shop\nspec:\n  template:\n    spec: {}\n",
    );
    expect(result.workloads).toEqual([]);
    expect(result.errors).toEqual([
      {
        source: "empty.yaml",
        line: 1,
        message: "Deployment shop/hollow has no containers (spec.template.spec.containers is missing or empty)",
      },
    ]);
  });

  it("says what was found in a file that is no inventory", () => {
    const result = parseText("values.yaml", "replicaCount: 2\nimage:\n  repository: nginx\n");
    expect(result.errors).toEqual([
      {
        source: "values.yaml",
        line: 1,
        message: "not a Kubernetes, Docker or Compose inventory (found a mapping with keys replicaCount, image)",
      },
    ]);
    expect(result.files[0].format).toBe("unknown");
  });

  it("reports an unrecognised document among Kubernetes objects", () => {
    const result = parseText("mixed.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\nfoo: bar\n");
    expect(result.files[0].skipped).toEqual({ Service: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining("is not a Kubernetes object") })]);
  });

  it("reports an empty file", () => {
    expect(parseText("empty.yaml", "  \n# only a comment\n").errors).toEqual([
      { source: "empty.yaml", message: "empty file: no documents to scan" },
    ]);
  });

  it("reports a workload without a name", () => {
    const result = parseText("anon.json", json({ apiVersion: "v1", kind: "Pod", metadata: {}, spec: { containers: [{ name: "c" }] } }));
    expect(result.errors[0].message).toMatch(/Pod at line 1 has no metadata.name/);
  });
});

describe("hostile and broken input", () => {
  it("refuses invalid UTF-8", () => {
    const result = parseText("latin1.yaml", new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(result.errors).toEqual([{ source: "latin1.yaml", message: expect.stringContaining("not valid UTF-8") }]);
  });

  it("tells a real U+FFFD in valid UTF-8 from broken bytes", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "odd", annotations: { note: "\uFFFD" } },
      spec: { containers: [{ name: "c" }] },
    };
    const result = parseText("odd.json", new TextEncoder().encode(JSON.stringify(pod)));
    expect(result.errors).toEqual([]);
    expect(result.workloads[0].annotations.note).toBe("\uFFFD");
    const broken = parseText("broken.json", new Uint8Array([...new TextEncoder().encode('{"kind": "Pod", "x": "'), 0xff, 0x22, 0x7d]));
    expect(broken.errors).toEqual([{ source: "broken.json", message: expect.stringContaining("not valid UTF-8") }]);
  });

  it("refuses binary files", () => {
    const result = parseText("image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(result.errors[0].message).toMatch(/^binary file/);
  });

  it("asks for UTF-8 when the file is UTF-16", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("kind: Pod").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseText("win.yaml", utf16).errors[0].message).toMatch(/UTF-16.*convert it to UTF-8/);
  });

  it("strips a UTF-8 byte order mark", () => {
    const bytes = new TextEncoder().encode(
      `\uFEFF${json({ apiVersion: "v1", kind: "Pod", metadata: { name: "bom" }, spec: { containers: [{ name: "c" }] } })}`,
    );
    expect(parseText("bom.json", bytes).workloads.map((w) => w.name)).toEqual(["bom"]);
  });

  it("stops a YAML alias bomb", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const result = parseText("bomb.yaml", `${levels.join("\n")}\n`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/alias/);
  });

  it("refuses deeply nested flow YAML without overflowing the stack", () => {
    const result = parseText("deep.yaml", `a: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
    expect(result.errors[0].message).toMatch(/nesting deeper than/);
  });

  it("refuses deeply nested block YAML (indentation and compact sequences)", () => {
    const indented = Array.from({ length: 1500 }, (_, i) => `${" ".repeat(i)}a:`).join("\n");
    expect(parseText("deep.yaml", `${indented} 1\n`).errors[0].message).toMatch(/nesting deeper than/);
    expect(parseText("dash.yaml", `${"- ".repeat(5000)}x\n`).errors[0].message).toMatch(/nesting deeper than/);
  });

  it("refuses deeply nested JSON inside a workload", () => {
    const deep = JSON.parse(`${"[".repeat(MAX_DEPTH + 5)}1${"]".repeat(MAX_DEPTH + 5)}`) as unknown;
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "deep" }, spec: { containers: [{ name: "c", args: deep }] } };
    const result = parseText("deep.json", JSON.stringify(pod));
    expect(result.workloads).toEqual([]);
    expect(result.errors[0].message).toMatch(/nests deeper than/);
  });

  it("refuses YAML over the documented size limit", () => {
    const result = parseText("huge.yaml", `# ${"x".repeat(MAX_YAML_BYTES)}\n`);
    expect(result.errors[0].message).toMatch(/YAML file over the 64 MiB limit/);
  });

  it("checks nesting only where a folded Pod reaches the workload (its spec, not its status)", () => {
    const deep = JSON.parse(`${"[".repeat(MAX_DEPTH + 5)}1${"]".repeat(MAX_DEPTH + 5)}`) as unknown;
    const owner = [{ kind: "StatefulSet", name: "db" }];
    const noisy = { ...podObject("db-0", { owner }), status: { deep } };
    const broken = podObject("db-1", { owner, spec: { containers: [{ name: "c", args: deep }] } });
    const result = parseText("pods.json", listOf(noisy, broken));
    expect(result.workloads.map((w) => [w.id, w.replicas])).toEqual([["prod/shop/StatefulSet/db", 1]]);
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringContaining("Pod shop/db-1 nests deeper than") })]);
  });

  it("survives 200k-deep JSON arrays", () => {
    const result = parseText("deep.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(result.workloads).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });

  it("never throws on random bytes or truncated inventories (fuzz)", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples = [
      "kubernetes/manifests.yaml",
      "kubernetes/cluster-pods.json",
      "docker/inspect.json",
      "compose/shop/compose.yaml",
      "compose/legacy/docker-compose.yml",
    ].map((path) => fixture(path).content as Uint8Array);
    const alphabet = "{}[]:,-\"'\n #&*!|>?%@`\t\\abc012";
    for (let round = 0; round < 300; round++) {
      const sample = samples[round % samples.length];
      let bytes: Uint8Array;
      if (round % 3 === 0) {
        bytes = sample.slice(0, Math.floor(random() * sample.length));
      } else if (round % 3 === 1) {
        bytes = sample.slice();
        for (let i = 0; i < 8; i++)
          bytes[Math.floor(random() * bytes.length)] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
      } else {
        bytes = Uint8Array.from({ length: Math.floor(random() * 512) }, () => Math.floor(random() * 256));
      }
      const run = () => parseInventory([{ name: `fuzz-${round}`, content: bytes }], { cluster: "c" });
      expect(run).not.toThrow();
      const result = run();
      expect(result.files).toHaveLength(1);
      for (const error of result.errors) {
        expect(typeof error.message).toBe("string");
        expect(error.message).not.toMatch(/\n\s+at /);
      }
    }
  });
});
