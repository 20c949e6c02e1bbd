import { describe, expect, it } from "vitest";
import { escapeControl, escapeControlKeepingLines } from "./terminal";

describe("escapeControl", () => {
  it("shows ESC, BEL, C1 controls and bidi overrides as escapes, on one line", () => {
    expect(escapeControl("web\x1b]0;pwned\x07")).toBe("web\\x1b]0;pwned\\x07");
    expect(escapeControl("a\nb\tc\r")).toBe("a\\x0ab\\x09c\\x0d");
    expect(escapeControl("\u009b2J")).toBe("\\x9b2J");
    expect(escapeControl("x\u202eevil")).toBe("x\\u202eevil");
    expect(escapeControl("\x7f")).toBe("\\x7f");
  });

  it("leaves ordinary text alone, Unicode included", () => {
    const text = "default/Deployment/web-ünïcode ✓ 東京";
    expect(escapeControl(text)).toBe(text);
  });

  it("keeps line breaks when asked", () => {
    expect(escapeControlKeepingLines("one\x1b[2J\ntwo\x07")).toBe("one\\x1b[2J\ntwo\\x07");
  });
});
