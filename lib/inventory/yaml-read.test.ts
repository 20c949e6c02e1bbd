import { describe, expect, it } from "vitest";
import { MAX_ALIAS_COUNT, MAX_ALIAS_NODES } from "./limits";
import { readDocuments } from "./read-documents";
import { parseText } from "./test-helpers";
import { MAX_YAML_DEPTH } from "./yaml-read";

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: x\n`;

/** The value of `k` in a one-key document. */
function scalar(text: string, file = "k.yaml"): unknown {
  const { docs, errors } = readDocuments(`k: ${text}\n`);
  expect(errors, file).toEqual([]);
  return (docs[0].value as { k: unknown }).k;
}

describe("YAML that kubectl reads and the spec is strict about", () => {
  it("reads a quoted scalar continued at its key's indentation (multus network annotations)", () => {
    const text = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      "  name: net-pod",
      "  annotations:",
      "    k8s.v1.cni.cncf.io/networks: '[",
      '    { "name": "macvlan-conf",',
      '      "interface": "net1" }',
      "    ]'",
      "spec:",
      "  containers:",
      "  - name: app",
      "    image: alpine",
      "",
    ].join("\n");
    const result = parseText("multus.yaml", text);
    expect(result.errors).toEqual([]);
    expect(result.workloads.map((w) => w.name)).toEqual(["net-pod"]);
    expect(result.workloads[0].annotations["k8s.v1.cni.cncf.io/networks"]).toBe('[ { "name": "macvlan-conf", "interface": "net1" } ]');
  });
});

describe("scalars as kubectl and Docker Compose read them", () => {
  it("reads plain scalars the way kubectl's go-yaml v2 does", () => {
    expect(["yes", "on", "y", "True", "no", "off", "N"].map((s) => scalar(s))).toEqual([true, true, true, true, false, false, false]);
    expect(["0755", "0o755", "0x1F", "0b101", "1_000", "+12", "08"].map((s) => scalar(s))).toEqual([493, 493, 31, 5, 1000, 12, 8]);
    expect(["1e3", "1.5e3", ".5"].map((s) => scalar(s))).toEqual([1000, 1500, 0.5]);
    // Read as numbers, then copied as JSON stores them (kubectl refuses them outright).
    expect([".inf", "-.Inf", ".nan"].map((s) => scalar(s))).toEqual([null, null, null]);
    expect(["2024-01-01", "2024-01-01T10:00:00Z", "1:20", "tRue", "0o8", "'0755'", '"yes"'].map((s) => scalar(s))).toEqual([
      "2024-01-01",
      "2024-01-01T10:00:00Z",
      "1:20",
      "tRue",
      "0o8",
      "0755",
      "yes",
    ]);
    expect(["~", "null", "Null", ""].map((s) => scalar(s))).toEqual([null, null, null, null]);
  });

  it("keeps the value of tags it does not know, and decodes !!binary to text", () => {
    expect(scalar("!Ref bucket")).toBe("bucket");
    expect(scalar("!!timestamp 2024-01-01")).toBe("2024-01-01");
    expect(scalar("!!str 12")).toBe("12");
    expect(scalar("!!int '7'")).toBe(7);
    expect(scalar("!!binary aGk=")).toBe("hi");
    expect(scalar("!custom {x: 1}")).toEqual({ x: 1 });
    expect(scalar("!!set {a, b}")).toEqual({ a: null, b: null });
  });

  it("reads a Compose file's booleans as Docker Compose does (only true/false), its octal modes as octal", () => {
    const text =
      "services:\n  web:\n    image: y\n    environment:\n      DEBUG: yes\n    tty: true\n    configs:\n      - source: c\n        mode: 0440\n";
    const { docs } = readDocuments(text);
    expect(docs[0].value).toEqual({
      services: { web: { image: "y", environment: { DEBUG: "yes" }, tty: true, configs: [{ source: "c", mode: 288 }] } },
    });
  });

  it("merges `<<` keys, explicit keys winning, and lets the last of duplicate keys win", () => {
    const text =
      "x-base: &base {image: x, restart: always}\nservices:\n  web:\n    <<: *base\n    restart: 'no'\n    restart: on-failure\n";
    expect(readDocuments(text).docs[0].value).toEqual({
      "x-base": { image: "x", restart: "always" },
      services: { web: { image: "x", restart: "on-failure" } },
    });
  });
});

describe("documents and their lines", () => {
  it("gives each document its first content line, across comments, markers and directives", () => {
    const text = `# generated\n\n---\n# first\n${pod("a")}---\n\n${pod("b")}...\n%YAML 1.2\n---\n${pod("c")}`;
    const { docs, errors } = readDocuments(text);
    expect(errors).toEqual([]);
    const lines = text.split("\n");
    expect(docs.map((doc) => doc.line)).toEqual([5, 15, 26]);
    for (const doc of docs) expect(lines[(doc.line ?? 0) - 1]).toBe("apiVersion: v1");
  });

  it("keeps empty documents and a `---`-only file as empty, and a comment-only file as no document", () => {
    expect(readDocuments("---\n").docs.map((doc) => doc.value)).toEqual([null]);
    expect(
      readDocuments(`${pod("a")}---\n---\n${pod("b")}---\n`).docs.map(
        (doc) => (doc.value as { metadata?: { name: string } } | null)?.metadata?.name ?? null,
      ),
    ).toEqual(["a", null, "b", null]);
    expect(readDocuments("# nothing here\n\n").docs).toEqual([]);
    expect(parseText("dashes.yaml", "---\n---\n").errors).toEqual([]);
  });

  it("gives the items of a List and of a top-level sequence their lines, whatever their layout", () => {
    const text = "apiVersion: v1\nkind: List\nitems:\n# one\n- kind: Pod\n  metadata: {name: a}\n-\n  kind: Pod\n- {kind: Pod}\n";
    expect(readDocuments(text).docs[0].itemLines).toEqual([5, 8, 9]);
    expect(readDocuments("- a\n-\n\n  b: 1\n- [x]\n").docs[0].itemLines).toEqual([1, 4, 5]);
  });

  it("gives top-level keys and Compose services their lines", () => {
    const text = "# stack\nname: shop\nservices:\n  web:\n    image: x\n\n  'db' :\n    image: y\n  \"cache\": {image: z}\nvolumes: {}\n";
    const keyLines = readDocuments(text).docs[0].keyLines;
    expect(Object.fromEntries(keyLines ?? [])).toEqual({
      name: 2,
      services: 3,
      "services.web": 4,
      "services.db": 7,
      "services.cache": 9,
      volumes: 10,
    });
  });

  it("reports a workload in a later document at its own line, with CRLF line ends too", () => {
    const text = `${pod("a")}---\n${pod("b")}`;
    expect(parseText("two.yaml", text).workloads.map((w) => w.source.line)).toEqual([1, 10]);
    expect(parseText("crlf.yaml", text.replace(/\n/g, "\r\n")).workloads.map((w) => w.source.line)).toEqual([1, 10]);
  });
});

describe("YAML errors", () => {
  it("reports a syntax error in a later document at its line and column in the file", () => {
    const text = `${pod("a")}---\n${pod("b")}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: "c\n`;
    const result = parseText("bad.yaml", text);
    expect(result.workloads.map((w) => w.name)).toEqual(["a", "b"]);
    expect(result.errors).toEqual([
      {
        source: "bad.yaml",
        line: 23,
        column: 1,
        message: expect.stringMatching(/^invalid YAML: unexpected end of the stream within a double quoted scalar$/),
      },
    ]);
  });

  it("reports tabs used as indentation with their position", () => {
    expect(parseText("tabs.yaml", "a:\n\tb: 1\n").errors).toEqual([
      { source: "tabs.yaml", line: 2, column: 1, message: expect.stringMatching(/^invalid YAML: .*tab/) },
    ]);
  });

  it("refuses a billion-laughs bomb where it starts to blow up, before anything expands it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const result = parseText("bomb.yaml", `${pod("ok")}---\n${levels.join("\n")}\n`);
    expect(result.workloads.map((w) => w.name)).toEqual(["ok"]);
    // Level e (line 14) holds ten aliases of d, 11,111 nodes each: the eighth passes the budget.
    expect(result.errors).toEqual([
      { source: "bomb.yaml", line: 14, column: 36, message: expect.stringMatching(/aliases expand to over .* nodes.*alias bomb/) },
    ]);
    expect(levels[4].slice(35, 37)).toBe("*d");
  });

  it("refuses one big anchor aliased many times (no nesting, still a blow-up once stored)", () => {
    const big = `big: &big [${Array(200).fill("x").join(", ")}]`;
    const uses = Array.from({ length: 600 }, (_, i) => `u${i}: *big`).join("\n");
    const { errors } = readDocuments(`${big}\n${uses}\n`);
    expect(MAX_ALIAS_NODES).toBeLessThan(600 * 201);
    expect(errors).toEqual([{ line: Math.ceil(MAX_ALIAS_NODES / 201) + 1, column: 7, message: expect.stringMatching(/alias bomb/) }]);
  });

  it("allows MAX_ALIAS_COUNT alias uses in a document and refuses one more", () => {
    const uses = (n: number) => `v: &v 1\n${Array.from({ length: n }, (_, i) => `k${i}: *v`).join("\n")}\n`;
    expect(readDocuments(uses(MAX_ALIAS_COUNT)).errors).toEqual([]);
    expect(readDocuments(uses(MAX_ALIAS_COUNT + 1)).errors).toEqual([
      { line: MAX_ALIAS_COUNT + 2, column: 8, message: expect.stringMatching(/too many YAML aliases.*alias bomb/) },
    ]);
  });

  it("hands kubectl's own fields over as they are and copies the rest", () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    managedFields: [{manager: kubectl}]\n    annotations: {${JSON.stringify("kubectl.kubernetes.io/last-applied-configuration")}: "{}", team: x}\n  spec: {containers: [{name: c, image: i}]}\n  status: {phase: Running}\n`;
    expect(readDocuments(text).docs[0].value).toEqual({
      apiVersion: "v1",
      kind: "List",
      items: [
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: {
            name: "a",
            managedFields: [{ manager: "kubectl" }],
            annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}", team: "x" },
          },
          spec: { containers: [{ name: "c", image: "i" }] },
          status: { phase: "Running" },
        },
      ],
    });
  });

  it("reads an alias as its anchor's value, and refuses an alias inside its own anchor (a cycle)", () => {
    const value = readDocuments("base: &b {image: x}\nweb: *b\n").docs[0].value as Record<string, { image: string }>;
    expect(value.web).toEqual({ image: "x" });
    const cyclic = `${pod("a")}---\napiVersion: v1\nkind: Pod\nmetadata: &m\n  name: b\n  self: *m\n`;
    const result = parseText("cycle.yaml", cyclic);
    expect(result.workloads.map((w) => w.name)).toEqual(["a"]);
    expect(result.errors).toEqual([
      { source: "cycle.yaml", line: 14, column: 9, message: "YAML alias refers to a node that contains it (a cycle): refused" },
    ]);
  });

  it("refuses nesting that aliases stack past the limit", () => {
    const chain = ["l0: &l0 [[[[[[[[[[x]]]]]]]]]]"];
    for (let i = 1; i <= 25; i++) chain.push(`l${i}: &l${i} [[[[[[[[[*l${i - 1}]]]]]]]]]`);
    const [error] = readDocuments(`${chain.join("\n")}\n`).errors;
    expect(error).toMatchObject({ line: 22, message: expect.stringMatching(/nesting deeper than .* through aliases/) });
  });

  it("counts only aliases, not tagged empty values", () => {
    const text = `note: "*"\n${Array.from({ length: MAX_ALIAS_COUNT + 5 }, (_, i) => `k${i}: !!str`).join("\n")}\n`;
    expect(readDocuments(text).errors).toEqual([]);
  });

  it("counts aliases per document", () => {
    const uses = `v: &v 1\n${Array.from({ length: 600 }, (_, i) => `k${i}: *v`).join("\n")}\n`;
    const { docs, errors } = readDocuments(`${uses}---\n${uses}`);
    expect(errors).toEqual([]);
    expect(docs).toHaveLength(2);
  });

  it("refuses nesting past the limit with its position, and reads nesting below it", () => {
    const nested = (levels: number) => `${Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n`;
    expect(readDocuments(nested(MAX_YAML_DEPTH - 1)).errors).toEqual([]);
    const [error] = readDocuments(nested(MAX_YAML_DEPTH + 10)).errors;
    expect(error).toMatchObject({
      line: MAX_YAML_DEPTH,
      message: `nesting deeper than a real inventory has (over ${MAX_YAML_DEPTH} levels): refused`,
    });
  });
});
