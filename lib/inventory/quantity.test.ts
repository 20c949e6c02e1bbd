import { describe, expect, it } from "vitest";
import { parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  it.each([
    ["250m", 0.25],
    ["2", 2],
    ["1.5", 1.5],
    ["512Mi", 512 * 2 ** 20],
    ["1Gi", 2 ** 30],
    ["1G", 1e9],
    ["1e3", 1000],
    [3, 3],
  ])("%s -> %s", (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected);
  });

  it.each(["", "abc", "1Xi", null, undefined, {}])("rejects %s", (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });
});
