import { afterEach, describe, expect, it, vi } from "vitest";
import { InternalError } from "./internal-error";
import { privileged } from "./rules/workload/privileged";
import { scan } from "./scan";

const pod = JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x" }] } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("scan: input errors and internal errors", () => {
  it("lists bad input under errors and goes on", () => {
    const result = scan([
      { name: "bad.json", content: "{" },
      { name: "pod.json", content: pod },
    ]);
    expect(result.errors.map((e) => e.source)).toEqual(["bad.json"]);
    expect(result.workloads).toHaveLength(1);
  });

  it("throws an InternalError, with the rule's error as cause, when a rule throws", () => {
    const defect = new RangeError("boom");
    vi.spyOn(privileged, "check").mockImplementation(() => {
      throw defect;
    });
    let thrown: unknown;
    try {
      scan([{ name: "pod.json", content: pod }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InternalError);
    expect((thrown as InternalError).cause).toBe(defect);
    expect((thrown as InternalError).message).toBe("internal error while scanning: boom");
  });

  it("throws an InternalError for a parser defect instead of reporting the file as unreadable", () => {
    // Content of a type the parser never expects reaches code that assumes bytes or text.
    const broken = { name: "pod.json", content: 42 as unknown as string };
    expect(() => scan([broken])).toThrow(InternalError);
  });
});
