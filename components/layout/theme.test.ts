import { describe, expect, it } from "vitest";
import { parseTheme, themeClass } from "./theme";

describe("parseTheme", () => {
  it("keeps light and dark", () => {
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("dark")).toBe("dark");
  });

  it("falls back to the system setting for anything else", () => {
    for (const value of [undefined, "", "system", "Dark", "dark ", "</html><script>", "light;dark"])
      expect(parseTheme(value)).toBe("system");
  });
});

describe("themeClass", () => {
  it("sets a class only for a forced theme", () => {
    expect(themeClass("system")).toBeUndefined();
    expect(themeClass("light")).toBe("light");
    expect(themeClass("dark")).toBe("dark");
  });
});
