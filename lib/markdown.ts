// A small Markdown reader for rule texts: paragraphs, headings, lists (nested), fenced code, tables,
// block quotes, inline code, strong/emphasis and links. It returns a tree, never HTML, so the React
// renderer escapes everything and raw HTML in the source stays visible text.

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

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || LIST_ITEM.test(line) || QUOTE.test(line);
}

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll("\\|", "|"));
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, "\n").replaceAll("\t", "    ").split("\n"));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(marker)) body.push(lines[i++]);
      i++; // closing fence (or end of input)
      blocks.push({ type: "code", lang: fence[2] || null, text: body.join("\n") });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1].length, children: parseInline(heading[2]) });
      i++;
      continue;
    }

    if (LIST_ITEM.test(line)) {
      const list = readList(lines, i);
      blocks.push(list.block);
      i = list.next;
      continue;
    }

    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: "quote", children: parseBlocks(body) });
      continue;
    }

    if (line.includes("|") && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      const header = splitRow(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]) && lines[i].includes("|")) rows.push(splitRow(lines[i++]).map(parseInline));
      blocks.push({ type: "table", header, rows });
      continue;
    }

    const text: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && (text.length === 0 || !startsBlock(lines[i]))) text.push(lines[i++].trim());
    blocks.push({ type: "paragraph", children: parseInline(text.join(" ")) });
  }
  return blocks;
}

function readList(lines: string[], start: number): { block: Block; next: number } {
  const first = LIST_ITEM.exec(lines[start])!;
  const baseIndent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const items: string[][] = [];
  let i = start;

  while (i < lines.length) {
    const match = LIST_ITEM.exec(lines[i]);
    if (!match || match[1].length !== baseIndent || /\d/.test(match[2]) !== ordered) break;
    const contentIndent = baseIndent + match[2].length + Math.max(1, match[3].length);
    const item = [match[4]];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (isBlank(line)) {
        // A blank line continues the item only if indented content follows it.
        let next = i + 1;
        while (next < lines.length && isBlank(lines[next])) next++;
        if (next < lines.length && indentOf(lines[next]) >= contentIndent) {
          item.push(...lines.slice(i, next).map(() => ""));
          i = next;
          continue;
        }
        break;
      }
      if (indentOf(line) >= contentIndent) {
        item.push(line.slice(contentIndent));
      } else if (!startsBlock(line) && !isBlank(item[item.length - 1])) {
        item.push(line.trim()); // lazy paragraph continuation
      } else {
        break;
      }
      i++;
    }
    items.push(item);
    // Items separated by one blank line stay in the same list.
    let next = i;
    while (next < lines.length && isBlank(lines[next])) next++;
    const following = next < lines.length ? LIST_ITEM.exec(lines[next]) : null;
    if (following && following[1].length === baseIndent && /\d/.test(following[2]) === ordered) i = next;
    else break;
  }

  return {
    block: { type: "list", ordered, start: ordered ? Number.parseInt(first[2], 10) : 1, items: items.map(parseBlocks) },
    next: i,
  };
}

export function parseInline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) nodes.push({ type: "text", text: buffer });
    buffer = "";
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i];

    if (char === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!|<>]/.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }

    if (char === "`") {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end !== -1) {
        flush();
        const code = text.slice(i + ticks.length, end);
        nodes.push({ type: "code", text: code.length > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.slice(1, -1) : code });
        i = end + ticks.length;
        continue;
      }
    }

    if (text.startsWith("**", i) || text.startsWith("__", i)) {
      const marker = text.slice(i, i + 2);
      const end = text.indexOf(marker, i + 2);
      if (end > i + 2) {
        flush();
        nodes.push({ type: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }

    // `_` only at word boundaries, so snake_case names stay intact.
    if ((char === "*" || (char === "_" && !/\w/.test(text[i - 1] ?? ""))) && text[i + 1] && !/\s/.test(text[i + 1])) {
      const end = findClosingEmphasis(text, i + 1, char);
      if (end !== -1) {
        flush();
        nodes.push({ type: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }

    if (char === "[") {
      const link = readLink(text, i);
      if (link) {
        flush();
        const children = parseInline(link.label);
        nodes.push(SAFE_HREF.test(link.href) ? { type: "link", href: link.href, children } : { type: "text", text: link.label });
        i = link.end;
        continue;
      }
    }

    if (char === "<") {
      const auto = /^<(https?:\/\/[^\s<>]+)>/.exec(text.slice(i));
      if (auto) {
        flush();
        nodes.push({ type: "link", href: auto[1], children: [{ type: "text", text: auto[1] }] });
        i += auto[0].length;
        continue;
      }
    }

    buffer += char;
    i++;
  }
  flush();
  return nodes;
}

function findClosingEmphasis(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === "`") {
      const close = text.indexOf("`", j + 1);
      if (close === -1) return -1;
      j = close;
      continue;
    }
    if (text[j] === marker && !/\s/.test(text[j - 1]) && text[j + 1] !== marker && (marker !== "_" || !/\w/.test(text[j + 1] ?? ""))) {
      return j;
    }
  }
  return -1;
}

function readLink(text: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let labelEnd = -1;
  for (let j = start; j < text.length; j++) {
    if (text[j] === "\\") {
      j++;
    } else if (text[j] === "[") {
      depth++;
    } else if (text[j] === "]" && --depth === 0) {
      labelEnd = j;
      break;
    }
  }
  if (labelEnd === -1 || text[labelEnd + 1] !== "(") return null;
  // Balanced parentheses, as URLs (e.g. Wikipedia's) may contain them.
  let close = -1;
  for (let j = labelEnd + 2, open = 1; j < text.length; j++) {
    if (text[j] === "(") open++;
    else if (text[j] === ")" && --open === 0) {
      close = j;
      break;
    }
  }
  if (close === -1) return null;
  const href = text.slice(labelEnd + 2, close).trim().split(/\s+/)[0] ?? "";
  return { label: text.slice(start + 1, labelEnd), href, end: close + 1 };
}
