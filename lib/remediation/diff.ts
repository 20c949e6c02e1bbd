// Line diffs of manifests (jsdiff) and their unified-diff rendering.
import { diffArrays, structuredPatch } from "diff";

export interface DiffLine {
  type: "context" | "add" | "remove";
  text: string;
}

/** Every line of both texts, in order, marked kept / added / removed (removals before additions). */
export function diffLines(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const change of diffArrays(splitLines(before), splitLines(after))) {
    const type = change.added ? "add" : change.removed ? "remove" : "context";
    for (const text of change.value) out.push({ type, text });
  }
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
  // Both sides end in a newline, so a missing one at the end of a manifest is no change.
  const { hunks } = structuredPatch(fromFile, toFile, withNewline(before), withNewline(after), "", "", { context });
  if (hunks.length === 0) return "";
  const out = [`--- ${fromFile}`, `+++ ${toFile}`];
  for (const hunk of hunks) {
    // diff -u names the line before an empty range.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return `${out.join("\n")}\n`;
}

function withNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}
