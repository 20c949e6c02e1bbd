import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineMarkdown, Markdown } from "./markdown";

function render(source: string): string {
  return renderToStaticMarkup(createElement(Markdown, { source }));
}

describe("Markdown", () => {
  it("escapes raw HTML instead of injecting it", () => {
    const html = render('<img src=x onerror="alert(1)"> and <script>alert(1)</script>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("renders no href for unsafe link targets", () => {
    const html = render("[a](javascript:alert(1)) [b](https://katacontainers.io)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://katacontainers.io"');
    expect(html).toContain('rel="noreferrer noopener"');
  });

  it("renders lists, code blocks and inline code", () => {
    const html = render("Intro `x`\n\n- one\n- two\n\n```yaml\na: <b>\n```");
    expect(html).toMatch(/<p>Intro <code[^>]*>x<\/code><\/p>/);
    expect(html).toMatch(/<ul[^>]*><li[^>]*>one<\/li><li[^>]*>two<\/li><\/ul>/);
    expect(html).toContain("a: &lt;b&gt;");
  });

  it("renders a one-line summary without a paragraph", () => {
    expect(renderToStaticMarkup(createElement(InlineMarkdown, { source: "Uses `hostPID`." }))).toMatch(
      /^Uses <code[^>]*>hostPID<\/code>\.$/,
    );
  });
});
