import { describe, expect, it } from "vitest";
import { InternalError } from "../internal-error";
import { readJsonList, splitJsonList, SplitListMismatch } from "./json-list";
import { parseFiles, podObject } from "./test-helpers";
import type { JsonObject } from "./types";

const bytes = (text: string) => Buffer.from(text, "utf8");

function deployment(name: string, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "shop", annotations: { note: 'braces } and { in a string, and a "quote"' } },
    spec: { replicas: 2, template: { spec: { containers: [{ name: "main", image: "nginx:1.27", args: ["}", "]"] }], ...extra } } },
  };
}

/** A List as `kubectl get -o json` prints it (keys in its order, 4-space indent). */
function kubectlList(items: JsonObject[], indent: string | number = 4): string {
  return JSON.stringify({ apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } }, null, indent);
}

describe("splitJsonList", () => {
  it("cuts a kubectl List into exactly its items", () => {
    const items = [deployment("a"), deployment("b"), podObject("c")];
    for (const indent of [4, 2, "\t"]) {
      const text = kubectlList(items, indent);
      const split = splitJsonList(bytes(text));
      expect(split).not.toBeNull();
      const sliced = split!.starts.map((start, i) => JSON.parse(text.slice(start, split!.ends[i])) as unknown);
      expect(sliced).toEqual(items);
      expect(text[split!.open]).toBe("[");
      expect(text[split!.close]).toBe("]");
    }
  });

  it("handles CRLF line ends and a UTF-8 BOM", () => {
    const text = kubectlList([deployment("a"), deployment("b")]).replaceAll("\n", "\r\n");
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(text)]);
    const split = splitJsonList(withBom);
    expect(split?.starts).toHaveLength(2);
    expect(JSON.parse(withBom.subarray(split!.starts[1], split!.ends[1]).toString("utf8"))).toEqual(deployment("b"));
  });

  it("finds the top-level items, not an `items` key nested before it or inside a string", () => {
    const text = JSON.stringify(
      { apiVersion: "v1", kind: "List", metadata: { note: '"items": [', items: [{ x: 1 }] }, items: [deployment("a")] },
      null,
      2,
    );
    const split = splitJsonList(bytes(text));
    expect(split?.starts).toHaveLength(1);
    expect(JSON.parse(text.slice(split!.starts[0], split!.ends[0]))).toEqual(deployment("a"));
  });

  it("leaves compact JSON, empty Lists, top-level arrays and non-ASCII heads to the whole-file path", () => {
    expect(splitJsonList(bytes(JSON.stringify({ kind: "List", items: [deployment("a")] })))).toBeNull();
    expect(splitJsonList(bytes(kubectlList([])))).toBeNull();
    expect(splitJsonList(bytes(JSON.stringify([deployment("a")], null, 2)))).toBeNull();
    expect(splitJsonList(bytes(JSON.stringify({ metadata: { note: "é" }, items: [deployment("a")], kind: "List" }, null, 2)))).toBeNull();
  });
});

describe("readJsonList", () => {
  it("gives the List head with empty items and parses each item on demand, with its line", () => {
    const items = [deployment("a"), podObject("b")];
    const text = `\n${kubectlList(items)}`;
    const doc = readJsonList(bytes(text));
    expect(doc).not.toBeNull();
    expect(doc!.value).toEqual({ apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } });
    expect(doc!.line).toBe(2);
    expect(doc!.listItems!.count).toBe(2);
    expect([doc!.listItems!.read(0), doc!.listItems!.read(1)]).toEqual(items);
    const lines = text.split("\n");
    expect(doc!.itemLines!.map((line) => lines[line! - 1].trim())).toEqual(["{", "{"]);
    expect(doc!.itemLines![0]).toBe(5);
  });

  it("refuses a head that is not a List, or a second top-level items key", () => {
    expect(readJsonList(bytes(JSON.stringify({ kind: "Thing", items: [deployment("a")] }, null, 2)))).toBeNull();
    const twice = `${kubectlList([deployment("a")]).slice(0, -2)},\n    "items": [1]\n}`;
    expect(readJsonList(bytes(twice))).toBeNull();
  });

  it("throws SplitListMismatch for an item range that does not parse", () => {
    // A hand-indented nested object that closes at the item's own indentation.
    const text = kubectlList([deployment("a")]).replace('"replicas": 2,', '"replicas": 2, "odd": [{\n        }, {}],');
    const doc = readJsonList(bytes(text));
    expect(() => doc!.listItems!.read(0)).toThrow(SplitListMismatch);
  });
});

describe("parseInventory on big Lists read item by item", () => {
  const items = [
    deployment("a"),
    deployment("b", { hostNetwork: true }),
    podObject("c"),
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "shop" }, data: { k: "v" } },
  ];

  it("gives the same result from bytes (item by item) as from text (whole)", () => {
    const text = kubectlList(items);
    const fromBytes = parseFiles({ name: "inv.json", content: bytes(text) });
    const fromText = parseFiles({ name: "inv.json", content: text });
    expect(fromBytes.workloads.map((w) => w.id)).toEqual(["prod/shop/Deployment/a", "prod/shop/Deployment/b", "prod/shop/Pod/c"]);
    expect(fromBytes).toEqual(fromText);
  });

  it("reads a wrongly guessed layout whole, with the same result", () => {
    const text = kubectlList(items).replace('"replicas": 2,', '"replicas": 2, "odd": [{\n        }, {}],');
    const fromBytes = parseFiles({ name: "inv.json", content: bytes(text) });
    expect(fromBytes.errors).toEqual([]);
    expect(fromBytes).toEqual(parseFiles({ name: "inv.json", content: text }));
    expect(fromBytes.workloads).toHaveLength(3);
  });

  it("reports a syntax error in a later item at its line, keeps nothing of that file and reads the other files", () => {
    const text = kubectlList(items);
    const broken = text.replace('"name": "c"', '"name": "c",,');
    const line = broken.split("\n").findIndex((l) => l.includes(",,")) + 1;
    const result = parseFiles(
      { name: "broken.json", content: bytes(broken) },
      { name: "good.json", content: bytes(kubectlList([deployment("z")])) },
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: "broken.json", line });
    expect(result.workloads.map((w) => w.id)).toEqual(["prod/shop/Deployment/z"]);
    expect(result.context.configMaps).toEqual({});
    expect(result.files[0]).toMatchObject({ source: "broken.json", workloads: 0, objects: 0, errors: 1, bytes: broken.length });
  });

  it("refuses a file with invalid UTF-8 inside an item, as a whole", () => {
    const text = kubectlList(items);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('"name": "c"')));
    const content = Buffer.concat([bytes(text).subarray(0, at), Buffer.from([0xc3, 0x28]), bytes(text).subarray(at)]);
    const result = parseFiles({ name: "latin1.json", content });
    expect(result.workloads).toEqual([]);
    expect(result.errors).toEqual([{ source: "latin1.json", message: "file is not valid UTF-8 text: save it as UTF-8" }]);
  });

  it("throws a fault while reading an item as an internal error, not as the file's fault", () => {
    const content = bytes(kubectlList(items));
    let calls = 0;
    // A fault on the third item (the head takes two subarrays): two workloads were already read.
    Object.defineProperty(content, "subarray", {
      value(...args: [number?, number?]) {
        if (++calls === 5) throw new Error("boom");
        return Buffer.prototype.subarray.apply(content, args);
      },
    });
    let thrown: unknown;
    try {
      parseFiles({ name: "faulty.json", content }, { name: "good.json", content: bytes(kubectlList([deployment("z")])) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InternalError);
    expect((thrown as Error).message).toBe("internal error while parsing the inventory: boom");
  });
});
