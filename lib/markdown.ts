// Rule texts are Markdown, read by `marked` (GFM) into a small tree that the web (components/markdown.tsx)
// and the CLI (`renderMarkdownText`) both render. The tree never holds HTML: raw HTML in the source
// becomes visible text, and links keep their href only for http(s) targets.
import { Lexer, type Token, type Tokens } from "marked";
import { wrapText } from "./export/text";

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "code"; lang: string | null; text: string }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "quote"; children: Block[] }
  | { type: "table"; header: Inline[][]; rows: Inline[][][] };

const SAFE_HREF = /^https?:\/\//i;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

// marked leaves entities as written (its HTML output lets the browser decode them); the tree holds text.
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);
}

export function parseMarkdown(source: string): Block[] {
  return toBlocks(Lexer.lex(source, { gfm: true }));
}

export function parseInline(text: string): Inline[] {
  return toInlines(Lexer.lexInline(text, { gfm: true }));
}

function toBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    const block = toBlock(token as Tokens.Generic);
    if (block) blocks.push(block);
  }
  return blocks;
}

function toBlock(token: Tokens.Generic): Block | null {
  switch (token.type) {
    case "paragraph":
    case "text":
      // A tight list item's text is a "text" token with inline tokens of its own.
      return { type: "paragraph", children: token.tokens ? toInlines(token.tokens) : [{ type: "text", text: decodeEntities(token.text) }] };
    case "heading":
      return { type: "heading", level: token.depth, children: toInlines(token.tokens ?? []) };
    case "code":
      return { type: "code", lang: token.lang || null, text: token.text };
    case "list": {
      const list = token as Tokens.List;
      return {
        type: "list",
        ordered: list.ordered,
        start: list.ordered && typeof list.start === "number" ? list.start : 1,
        items: list.items.map((item) => toBlocks(item.tokens)),
      };
    }
    case "blockquote":
      return { type: "quote", children: toBlocks(token.tokens ?? []) };
    case "table": {
      const table = token as Tokens.Table;
      return {
        type: "table",
        header: table.header.map((cell) => toInlines(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => toInlines(cell.tokens))),
      };
    }
    case "html":
      return { type: "paragraph", children: [{ type: "text", text: token.text.trim() }] };
    default:
      // space, hr, def: nothing to show.
      return null;
  }
}

function toInlines(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  const push = (node: Inline) => {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") last.text += node.text;
    else out.push(node);
  };
  for (const token of tokens as Tokens.Generic[]) {
    switch (token.type) {
      case "text":
        if (token.tokens) toInlines(token.tokens).forEach(push);
        // A line break inside a paragraph is a space (a soft break).
        else push({ type: "text", text: decodeEntities(token.text).replace(/ *\n */g, " ") });
        break;
      case "escape":
      case "html":
        push({ type: "text", text: token.text });
        break;
      case "codespan":
        push({ type: "code", text: decodeEntities(token.text) });
        break;
      case "strong":
      case "em":
        push({ type: token.type, children: toInlines(token.tokens ?? []) });
        break;
      case "del":
        toInlines(token.tokens ?? []).forEach(push);
        break;
      case "br":
        push({ type: "text", text: " " });
        break;
      case "link": {
        const children = toInlines(token.tokens ?? []);
        if (SAFE_HREF.test(token.href)) push({ type: "link", href: token.href, children });
        else children.forEach(push);
        break;
      }
      case "image":
        push({ type: "text", text: token.text });
        break;
    }
  }
  return out;
}

function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.text;
      if (node.type === "code") return `\`${node.text}\``;
      if (node.type === "link") {
        const label = inlineText(node.children);
        return label === node.href ? label : `${label} (${node.href})`;
      }
      return inlineText(node.children);
    })
    .join("");
}

/** Markdown as wrapped terminal text: paragraphs and list items wrap, code blocks stay as written. */
export function renderMarkdownText(source: string, width: number, indent = "  "): string[] {
  return blocksText(parseMarkdown(source), width, indent);
}

function blocksText(blocks: readonly Block[], width: number, indent: string, isListItem = false): string[] {
  const out: string[] = [];
  blocks.forEach((block, index) => {
    // A nested list follows its item's text directly; other blocks are a blank line apart.
    if (index > 0 && !(isListItem && block.type === "list")) out.push("");
    out.push(...blockText(block, width, indent));
  });
  return out;
}

function blockText(block: Block, width: number, indent: string): string[] {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return wrapText(inlineText(block.children), width, indent);
    case "code":
      return block.text.split("\n").map((line) => `${indent}    ${line}`);
    case "quote":
      return blocksText(block.children, width, `${indent}> `);
    case "table":
      return [block.header, ...block.rows].map((row) => `${indent}${row.map(inlineText).join(" | ")}`);
    case "list":
      return block.items.flatMap((item, index) => {
        const bullet = `${indent}${block.ordered ? `${block.start + index}.` : "-"} `;
        const body = blocksText(item, width, " ".repeat(bullet.length), true);
        return body.length === 0 ? [bullet.trimEnd()] : [bullet + body[0].slice(bullet.length), ...body.slice(1)];
      });
  }
}
