// Where a command's report goes: `--output <file>` (with a one-line summary on stderr) or standard output.
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { escapeControl } from "../export/terminal";
import { OutputError } from "./errors";
import type { CliIo } from "./io";

const BATCH_CHARS = 1 << 20;

/** Joins small chunks into writes of about 1 MiB: one write per workload would be a syscall each. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let pending = "";
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= BATCH_CHARS) {
      yield pending;
      pending = "";
    }
  }
  if (pending) yield pending;
}

/** Writes the report; `summary` is computed only when a file was written. A file-system error is exit 73. */
export async function writeReport(io: CliIo, output: string | undefined, report: Iterable<string>, summary: () => string): Promise<void> {
  if (!output) {
    for (const batch of batched(report)) io.stdout.write(batch);
    return;
  }
  try {
    const file = await open(resolve(io.cwd, output), "w");
    try {
      for (const batch of batched(report)) await file.write(batch);
    } finally {
      await file.close();
    }
  } catch (error) {
    // Only the file system's errors are the output's fault; anything else is a bug to report as one.
    if (!(error instanceof Error && "code" in error)) throw error;
    throw new OutputError(`cannot write ${output}: ${error.message}`);
  }
  io.stderr.write(`Wrote ${escapeControl(output)}: ${summary()}\n`);
}
