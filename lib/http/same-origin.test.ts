import { describe, expect, it } from "vitest";
import { crossOriginProblem } from "./same-origin";

function problem(headers: Record<string, string>): string | null {
  return crossOriginProblem(new Headers(headers));
}

describe("crossOriginProblem", () => {
  it("lets clients without Origin through (curl, CI)", () => {
    expect(problem({ host: "localhost:3000" })).toBeNull();
  });

  it("lets the dashboard's own pages through", () => {
    expect(problem({ host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(problem({ host: "app:3000", "x-forwarded-host": "kata.example.com", origin: "https://kata.example.com" })).toBeNull();
  });

  it("refuses other origins, opaque origins and cross-site or same-site fetches", () => {
    expect(problem({ host: "localhost:3000", origin: "http://evil.example" })).toMatch(/evil\.example/);
    expect(problem({ host: "localhost:3000", origin: "http://localhost:4000" })).not.toBeNull();
    expect(problem({ host: "localhost:3000", origin: "null" })).not.toBeNull();
    expect(problem({ host: "localhost:3000", "sec-fetch-site": "cross-site" })).not.toBeNull();
    expect(problem({ host: "localhost:3000", "sec-fetch-site": "same-site", origin: "http://localhost:3000" })).not.toBeNull();
  });
});
