import { describe, expect, it } from "vitest";
import { DEFAULT_PER_PAGE, hasActiveFilters, parseWorkloadsSearchParams, serializeWorkloadsSearchParams } from "./workloads";

describe("parseWorkloadsSearchParams", () => {
  it("fills defaults for an empty URL", () => {
    expect(parseWorkloadsSearchParams({})).toEqual({
      q: "",
      cluster: [],
      namespace: [],
      kind: [],
      readiness: [],
      rule: [],
      severity: [],
      team: [],
      overdue: false,
      sort: { column: "readiness", desc: false },
      page: 1,
      perPage: DEFAULT_PER_PAGE,
      cols: [],
      waivers: "on",
    });
  });

  it("reads overdue=1 as the overdue filter, anything else as off, and writes it back", () => {
    expect(parseWorkloadsSearchParams({ overdue: "1" }).overdue).toBe(true);
    expect(parseWorkloadsSearchParams({ overdue: "yes" }).overdue).toBe(false);
    expect(parseWorkloadsSearchParams({ overdue: ["1", "0"] }).overdue).toBe(true);
    expect(serializeWorkloadsSearchParams(parseWorkloadsSearchParams({ overdue: "1", team: "a" }))).toBe("team=a&overdue=1");
    expect(hasActiveFilters(parseWorkloadsSearchParams({ overdue: "1" }))).toBe(true);
  });

  it("reads waivers=off, and anything else as the figures with waivers", () => {
    expect(parseWorkloadsSearchParams({ waivers: "off" }).waivers).toBe("off");
    expect(parseWorkloadsSearchParams({ waivers: ["off", "on"] }).waivers).toBe("on");
    expect(parseWorkloadsSearchParams({ waivers: "OFF" }).waivers).toBe("on");
    expect(serializeWorkloadsSearchParams(parseWorkloadsSearchParams({ waivers: "off", page: "2" }))).toBe("page=2&waivers=off");
    expect(serializeWorkloadsSearchParams(parseWorkloadsSearchParams({ waivers: "on" }))).toBe("");
  });

  it("coerces numbers and splits comma lists", () => {
    const params = parseWorkloadsSearchParams({
      page: "3",
      perPage: "50",
      cluster: "prod,staging",
      namespace: ["a", "b,c"],
      readiness: "blocked,ready",
      sort: "score.desc",
      q: "  web  ",
    });
    expect(params.page).toBe(3);
    expect(params.perPage).toBe(50);
    expect(params.cluster).toEqual(["prod", "staging"]);
    expect(params.namespace).toEqual(["a", "b", "c"]);
    expect(params.readiness).toEqual(["blocked", "ready"]);
    expect(params.sort).toEqual({ column: "score", desc: true });
    expect(params.q).toBe("web");
  });

  it("falls back on bad values instead of failing", () => {
    const params = parseWorkloadsSearchParams({
      page: "-4",
      perPage: "7",
      sort: "spec.asc",
      readiness: "maybe,blocked",
      severity: "critical",
      cols: "name,score,bogus",
    });
    expect(params.page).toBe(1);
    expect(params.perPage).toBe(DEFAULT_PER_PAGE);
    expect(params.sort).toEqual({ column: "readiness", desc: false });
    expect(params.readiness).toEqual(["blocked"]);
    expect(params.severity).toEqual([]);
    // "name" links to the detail page: it is not hideable.
    expect(params.cols).toEqual(["score"]);
  });

  it("rejects non-numeric pages and treats unknown sort directions as ascending", () => {
    const params = parseWorkloadsSearchParams({ page: "abc", sort: "blockers.sideways" });
    expect(params.page).toBe(1);
    expect(params.sort).toEqual({ column: "blockers", desc: false });
  });

  it("drops empty and duplicate list items", () => {
    expect(parseWorkloadsSearchParams({ kind: "Deployment,,Deployment, Job" }).kind).toEqual(["Deployment", "Job"]);
  });
});

describe("serializeWorkloadsSearchParams", () => {
  it("round-trips and leaves defaults out", () => {
    const raw = { q: "api", cluster: "prod", sort: "score.asc", page: "2", perPage: "10", cols: "team" };
    const params = parseWorkloadsSearchParams(raw);
    const query = serializeWorkloadsSearchParams(params);
    expect(parseWorkloadsSearchParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(params);
    expect(serializeWorkloadsSearchParams(parseWorkloadsSearchParams({}))).toBe("");
  });
});

describe("hasActiveFilters", () => {
  it("is true only with a search or a facet value", () => {
    expect(hasActiveFilters(parseWorkloadsSearchParams({ page: "2" }))).toBe(false);
    expect(hasActiveFilters(parseWorkloadsSearchParams({ severity: "blocker" }))).toBe(true);
    expect(hasActiveFilters(parseWorkloadsSearchParams({ q: "x" }))).toBe(true);
  });
});
