// A small line diff (longest common subsequence) and its unified-diff rendering.

export interface DiffLine {
  type: "context" | "add" | "remove";
  text: string;
}

/** Every line of both texts, in order, marked kept / added / removed. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Common head and tail need no table: manifests differ in a few places.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const width = midB.length + 1;
  // lcs[i * width + j]: length of the LCS of midA[i..] and midB[j..].
  const lcs = new Uint32Array((midA.length + 1) * width);
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        midA[i] === midB[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }

  const out: DiffLine[] = a.slice(0, head).map((text) => ({ type: "context", text }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ type: "context", text: midA[i] });
      i++;
      j++;
    } else if (i < midA.length && (j === midB.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      // Removals before additions, as diff -u prints a replaced line.
      out.push({ type: "remove", text: midA[i] });
      i++;
    } else {
      out.push({ type: "add", text: midB[j] });
      j++;
    }
  }
  for (const text of a.slice(a.length - tail)) out.push({ type: "context", text });
  return out;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export interface UnifiedDiffOptions {
  fromFile?: string;
  toFile?: string;
  context?: number;
}

/** `diff -u` style text; empty when the texts are equal. */
export function formatUnifiedDiff(before: string, after: string, options: UnifiedDiffOptions = {}): string {
  const { fromFile = "a", toFile = "b", context = 3 } = options;
  const lines = diffLines(before, after);
  const changed = lines.flatMap((line, index) => (line.type === "context" ? [] : [index]));
  if (changed.length === 0) return "";

  // Group changes whose context windows touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  }

  const out = [`--- ${fromFile}`, `+++ ${toFile}`];
  for (const [start, end] of hunks) {
    let oldStart = 1;
    let newStart = 1;
    for (const line of lines.slice(0, start)) {
      if (line.type !== "add") oldStart++;
      if (line.type !== "remove") newStart++;
    }
    const body = lines.slice(start, end);
    const oldCount = body.filter((l) => l.type !== "add").length;
    const newCount = body.filter((l) => l.type !== "remove").length;
    // diff -u names the line before an empty range.
    out.push(`@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`);
    for (const line of body) out.push(`${line.type === "add" ? "+" : line.type === "remove" ? "-" : " "}${line.text}`);
  }
  return `${out.join("\n")}\n`;
}
