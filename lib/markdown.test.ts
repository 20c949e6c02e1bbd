import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, renderMarkdownText } from "./markdown";

describe("parseInline", () => {
  it("reads code spans, strong, emphasis and links", () => {
    expect(parseInline("Set `hostNetwork: false`, **not** *true*; see [docs](https://example.com/a).")).toEqual([
      { type: "text", text: "Set " },
      { type: "code", text: "hostNetwork: false" },
      { type: "text", text: ", " },
      { type: "strong", children: [{ type: "text", text: "not" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "true" }] },
      { type: "text", text: "; see " },
      { type: "link", href: "https://example.com/a", children: [{ type: "text", text: "docs" }] },
      { type: "text", text: "." },
    ]);
  });

  it("keeps markdown characters inside code spans literal", () => {
    expect(parseInline("`a *b* [c](d)`")).toEqual([{ type: "code", text: "a *b* [c](d)" }]);
  });

  it("leaves underscores inside words alone", () => {
    expect(parseInline("privileged_without_host_devices = true")).toEqual([
      { type: "text", text: "privileged_without_host_devices = true" },
    ]);
  });

  it("drops unsafe link targets but keeps the label", () => {
    expect(parseInline("[click](javascript:alert(1))")).toEqual([{ type: "text", text: "click" }]);
    // Only http(s) links: rule texts link to sources on the web, nothing else.
    for (const href of ["mailto:a@b.c", "/rules/x", "//evil.example", "data:text/html,x", "JAVASCRIPT:x"]) {
      expect(parseInline(`[x](${href})`)).toEqual([{ type: "text", text: "x" }]);
    }
  });

  it("decodes entities into text, which the renderers escape again", () => {
    expect(parseInline("a &amp; b &lt;c&gt;")).toEqual([{ type: "text", text: "a & b <c>" }]);
  });

  it("keeps raw HTML as text", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([{ type: "text", text: "<script>alert(1)</script>" }]);
  });

  it("reads autolinks", () => {
    expect(parseInline("<https://katacontainers.io>")).toEqual([
      { type: "link", href: "https://katacontainers.io", children: [{ type: "text", text: "https://katacontainers.io" }] },
    ]);
  });
});

describe("parseMarkdown", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(parseMarkdown("one\ntwo\n\nthree")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "one two" }] },
      { type: "paragraph", children: [{ type: "text", text: "three" }] },
    ]);
  });

  it("reads fenced code verbatim with its language", () => {
    expect(parseMarkdown("```yaml\nspec:\n  hostNetwork: true # **no**\n```")).toEqual([
      { type: "code", lang: "yaml", text: "spec:\n  hostNetwork: true # **no**" },
    ]);
  });

  it("reads lists with nested lists and code inside items", () => {
    const [list] = parseMarkdown("- first\n  - nested\n- second:\n\n  ```sh\n  ls\n  ```\n- third");
    expect(list).toMatchObject({ type: "list", ordered: false });
    if (list.type !== "list") throw new Error("expected a list");
    expect(list.items).toHaveLength(3);
    expect(list.items[0]).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "first" }] },
      { type: "list", ordered: false, start: 1, items: [[{ type: "paragraph", children: [{ type: "text", text: "nested" }] }]] },
    ]);
    expect(list.items[1][1]).toEqual({ type: "code", lang: "sh", text: "ls" });
  });

  it("ends a list at an unindented paragraph after a blank line", () => {
    expect(parseMarkdown("1. a\n2. b\n\nafter").map((block) => block.type)).toEqual(["list", "paragraph"]);
  });

  it("reads ordered lists with their start number", () => {
    expect(parseMarkdown("3. c\n4. d")[0]).toMatchObject({ type: "list", ordered: true, start: 3 });
  });

  it("reads headings, quotes and tables", () => {
    const blocks = parseMarkdown("## Why\n\n> note\n\n| a | b |\n|---|---|\n| `x` | y |");
    expect(blocks.map((block) => block.type)).toEqual(["heading", "quote", "table"]);
    expect(blocks[2]).toMatchObject({ type: "table", rows: [[[{ type: "code", text: "x" }], [{ type: "text", text: "y" }]]] });
  });
});

describe("renderMarkdownText", () => {
  it("wraps paragraphs, hangs list items under their bullet and keeps code as written", () => {
    const source = `Intro with \`code\` and **bold** words that run on long enough to wrap at forty.

- first item that is also long enough to wrap
- see [docs](https://example.com)

\`\`\`yaml
a:  b
\`\`\``;
    expect(renderMarkdownText(source, 40)).toEqual([
      "  Intro with `code` and bold words that",
      "  run on long enough to wrap at forty.",
      "",
      "  - first item that is also long enough",
      "    to wrap",
      "  - see docs (https://example.com)",
      "",
      "      a:  b",
    ]);
  });

  it("numbers ordered lists from their start and shows raw HTML as text", () => {
    expect(renderMarkdownText("3. three\n4. four\n\n<b>bold</b>", 80)).toEqual(["  3. three", "  4. four", "", "  <b>bold</b>"]);
  });
});
