import { describe, expect, it } from "vitest";
import { linesOf, locateJsonError, scanItemOffsets } from "./json-scan";

describe("locateJsonError", () => {
  it("accepts what JSON.parse accepts", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"]}', "[]", " {} ", '"s"', "0"]) {
      expect(locateJsonError(text)).toBeNull();
    }
  });

  it("agrees with JSON.parse on truncations of a real document", () => {
    const text = JSON.stringify({ kind: "List", items: [{ a: 'q"uote', b: [1, 2, { c: null }] }, { d: "\\" }] }, null, 2);
    for (let cut = 1; cut < text.length; cut++) {
      const prefix = text.slice(0, cut);
      let valid = true;
      try {
        JSON.parse(prefix);
      } catch {
        valid = false;
      }
      const problem = locateJsonError(prefix);
      expect(problem === null).toBe(valid);
      if (problem) expect(problem.offset).toBeLessThanOrEqual(prefix.length);
    }
  });

  it("names the problem and where it is", () => {
    expect(locateJsonError('{"a" 1}')).toEqual({
      offset: 5,
      message: "expected ':' after a property name, found character \"1\"",
      trailing: false,
    });
    expect(locateJsonError("[1, 2,]")).toMatchObject({ offset: 6, message: expect.stringContaining("where a value was expected") });
    expect(locateJsonError('{"a": "x\ny"}')).toMatchObject({ offset: 8, message: expect.stringContaining("control character") });
    expect(locateJsonError("{}\n{}")).toEqual({ offset: 3, message: "unexpected data after the end of the JSON value", trailing: true });
  });
});

describe("scanItemOffsets", () => {
  it("finds the items of a List, skipping braces inside strings", () => {
    const text = '{"kind": "List", "metadata": {"x": "{["}, "items": [{"a": "}\\"{"}, 3, {"b": [{}]}], "after": [{}]}';
    const offsets = scanItemOffsets(text);
    expect(offsets).toHaveLength(3);
    expect(text.slice(offsets[0], offsets[0] + 5)).toBe('{"a":');
    expect(offsets[1]).toBe(-1);
    expect(text.slice(offsets[2], offsets[2] + 5)).toBe('{"b":');
  });

  it("finds the items of a top-level array", () => {
    const text = '[\n  {"Id": "a"},\n  {"Id": "b"}\n]';
    expect(linesOf(text, scanItemOffsets(text)).map((p) => p?.line)).toEqual([2, 3]);
  });
});

describe("linesOf", () => {
  it("places offsets across lines and past the last newline", () => {
    const text = "ab\ncd\n\nef";
    expect(linesOf(text, [0, 1, 3, 6, 7, 8, -1])).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
      undefined,
    ]);
  });

  // A 3 MB one-line List of 1M `{}` took 40 s here (a newline search to the end for every item).
  it("handles a one-line document with a million items", () => {
    const items = 1_000_000;
    const text = `{"kind":"List","items":[${"{},".repeat(items - 1)}{}]}\n`;
    const positions = linesOf(text, scanItemOffsets(text));
    expect(positions).toHaveLength(items);
    expect(positions[0]).toEqual({ line: 1, column: 25 });
    expect(positions[items - 1]).toEqual({ line: 1, column: 25 + 3 * (items - 1) });
  });
});
