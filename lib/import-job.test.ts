import { describe, expect, it } from "vitest";
import { distinctFileNames } from "./import-job";

describe("distinctFileNames", () => {
  it("numbers the second and later file of a name in upload order, around names already taken", () => {
    expect(distinctFileNames(["a.yaml", "b.yaml", "a.yaml", "a.yaml (2)", "a.yaml", "b.yaml"])).toEqual([
      "a.yaml",
      "b.yaml",
      "a.yaml (3)",
      "a.yaml (2)",
      "a.yaml (4)",
      "b.yaml (2)",
    ]);
  });

  // 9,000 files named a.yaml took 18 s when each duplicate counted up from (2).
  it("names 20,000 same-named files", () => {
    const names = distinctFileNames(Array(20_000).fill("a.yaml"));
    expect(new Set(names).size).toBe(20_000);
    expect(names[19_999]).toBe("a.yaml (20000)");
  });
});
