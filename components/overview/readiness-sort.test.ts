import { describe, expect, it } from "vitest";
import { overviewSearchParamsSchema } from "@/lib/validations/overview";
import { sortReadinessGroups } from "./readiness-sort";

const group = (label: string, ready: number, needsChanges: number, blocked: number) => ({
  label,
  ready,
  needsChanges,
  blocked,
  total: ready + needsChanges + blocked,
});

// A big cluster with few blocked workloads, a small one mostly blocked, and two ties on blocked share.
const GROUPS = [
  group("big", 900, 50, 50),
  group("small", 1, 0, 9),
  group("mid-a", 10, 10, 0),
  group("mid-b", 5, 15, 0),
  group("empty", 0, 0, 0),
];

describe("sortReadinessGroups", () => {
  it("puts the highest blocked share first, then needs changes, whatever the size", () => {
    expect(sortReadinessGroups(GROUPS, "blocked").map((g) => g.label)).toEqual(["small", "big", "mid-b", "mid-a", "empty"]);
  });

  it("sorts by size and by name", () => {
    expect(sortReadinessGroups(GROUPS, "size").map((g) => g.label)).toEqual(["big", "mid-a", "mid-b", "small", "empty"]);
    expect(sortReadinessGroups(GROUPS, "name").map((g) => g.label)).toEqual(["big", "empty", "mid-a", "mid-b", "small"]);
  });

  it("leaves its input alone", () => {
    const input = [...GROUPS];
    sortReadinessGroups(input, "name");
    expect(input).toEqual(GROUPS);
  });
});

describe("overview sort parameters", () => {
  it("default to the blocked share and ignore anything unknown", () => {
    expect(overviewSearchParamsSchema.parse({})).toMatchObject({ clusterSort: "blocked", namespaceSort: "blocked" });
    expect(overviewSearchParamsSchema.parse({ clusterSort: "size", namespaceSort: "name" })).toMatchObject({
      clusterSort: "size",
      namespaceSort: "name",
    });
    expect(overviewSearchParamsSchema.parse({ clusterSort: ["size", "name"], namespaceSort: "score;drop" })).toMatchObject({
      clusterSort: "blocked",
      namespaceSort: "blocked",
    });
  });
});
