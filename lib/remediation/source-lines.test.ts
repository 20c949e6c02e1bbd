import { describe, expect, it } from "vitest";
import { lineFinder } from "./source-lines";

describe("lineFinder", () => {
  it("finds a field's line in the object that starts at or after the given line", () => {
    const text = [
      "---",
      "kind: Pod",
      "metadata: { name: a }",
      "---",
      "kind: Pod",
      "metadata:",
      "  name: b",
      "spec:",
      "  hostNetwork: true",
      "  containers:",
      "    - name: c",
      "      resources: {}",
      "",
    ].join("\n");
    const find = lineFinder(text);
    expect(find(4, "spec.hostNetwork")).toBe(9);
    // Absent field: the nearest existing ancestor.
    expect(find(4, "spec.containers[0].resources.limits")).toBe(12);
    expect(find(1, "metadata.name")).toBe(3);
  });

  it("reads items of a JSON list", () => {
    const text = JSON.stringify(
      {
        kind: "List",
        items: [
          { kind: "Pod", spec: { a: 1 } },
          { kind: "Pod", spec: { hostPID: true } },
        ],
      },
      null,
      2,
    );
    const lines = text.split("\n");
    const field = lines.findIndex((l) => l.includes("hostPID"));
    const second = lines.slice(0, field).findLastIndex((l) => l.trim() === "{") + 1;
    const find = lineFinder(text);
    expect(lines[find(second, "spec.hostPID")! - 1]).toContain('"hostPID": true');
  });
});
