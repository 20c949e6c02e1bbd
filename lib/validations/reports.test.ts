import { describe, expect, it } from "vitest";
import { reportFileName, reportParamsSchema } from "./reports";

const DAY = new Date("2026-12-02T10:00:00Z");

describe("reportParamsSchema", () => {
  it("reads empty or missing fields as all", () => {
    expect(reportParamsSchema.parse({})).toEqual({ cluster: null, team: null });
    expect(reportParamsSchema.parse({ cluster: "", team: "" })).toEqual({ cluster: null, team: null });
    expect(reportParamsSchema.parse({ cluster: "prod", team: "<b>ops</b>" })).toEqual({ cluster: "prod", team: "<b>ops</b>" });
  });

  it("refuses control characters and overlong values", () => {
    expect(reportParamsSchema.safeParse({ team: "a\r\nSet-Cookie: x" }).success).toBe(false);
    expect(reportParamsSchema.safeParse({ cluster: "x".repeat(254) }).success).toBe(false);
  });
});

describe("reportFileName", () => {
  it("names the scope and the day, with nothing a header or a file system could misread", () => {
    expect(reportFileName({ cluster: null, team: null }, DAY, "html")).toBe("kata-readiness-report-all-2026-12-02.html");
    expect(reportFileName({ cluster: "prod-eu", team: "payments" }, DAY, "pdf")).toBe(
      "kata-readiness-report-prod-eu-payments-2026-12-02.pdf",
    );
    expect(reportFileName({ cluster: null, team: '../"x";\r\n<b>' }, DAY, "html")).toBe("kata-readiness-report-.._x_b_-2026-12-02.html");
  });
});
