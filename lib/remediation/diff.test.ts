import { describe, expect, it } from "vitest";
import { diffLines, formatUnifiedDiff } from "./diff";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("diffLines", () => {
  it("marks kept, removed and added lines in order", () => {
    expect(diffLines("a\nb\nc\n", "a\nx\nc\nd\n")).toEqual([
      { type: "context", text: "a" },
      { type: "remove", text: "b" },
      { type: "add", text: "x" },
      { type: "context", text: "c" },
      { type: "add", text: "d" },
    ]);
  });

  it("finds the longest common subsequence, not just a common head and tail", () => {
    const result = diffLines("a\nb\nc\nd\ne\n", "b\nc\nX\ne\nf\n");
    expect(result.filter((l) => l.type === "context").map((l) => l.text)).toEqual(["b", "c", "e"]);
    expect(result.filter((l) => l.type === "remove").map((l) => l.text)).toEqual(["a", "d"]);
    expect(result.filter((l) => l.type === "add").map((l) => l.text)).toEqual(["X", "f"]);
  });
});

describe("formatUnifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(formatUnifiedDiff("a\n", "a\n")).toBe("");
  });

  it("writes hunks with three lines of context and correct ranges", () => {
    const before = lines(10).join("\n");
    const after = lines(10)
      .map((l) => (l === "line 5" ? "line five" : l))
      .join("\n");
    expect(formatUnifiedDiff(before, after, { fromFile: "old", toFile: "new" })).toBe(
      [
        "--- old",
        "+++ new",
        "@@ -2,7 +2,7 @@",
        " line 2",
        " line 3",
        " line 4",
        "-line 5",
        "+line five",
        " line 6",
        " line 7",
        " line 8",
        "",
      ].join("\n"),
    );
  });

  it("splits distant changes into separate hunks and counts insertions", () => {
    const before = lines(20);
    const after = [...before.slice(0, 2), "inserted", ...before.slice(2, 18), "changed", ...before.slice(19)];
    const diff = formatUnifiedDiff(before.join("\n"), after.join("\n"));
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(["@@ -1,5 +1,6 @@", "@@ -16,5 +17,5 @@"]);
  });

  it("uses the line before an empty range, as diff -u does", () => {
    expect(formatUnifiedDiff("", "a\n")).toContain("@@ -0,0 +1,1 @@");
  });
});
