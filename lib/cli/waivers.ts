// `scan --waivers file`: the waiver file (YAML or JSON, format in the README and lib/scoring/waivers.ts).
import { resolve } from "node:path";
import { parse, YAMLParseError } from "yaml";
import { readWaiverFile, type Waiver } from "../scoring/waivers";
import { UsageError } from "./errors";
import { InputTooLargeError, readBounded } from "./inputs";
import type { CliIo } from "./io";

/** A waiver file is a short list: anything this large is a wrong path (a device, a dump). */
const MAX_WAIVER_FILE_BYTES = 16 * 2 ** 20;

export async function loadWaivers(path: string, io: CliIo, command = "scan"): Promise<Waiver[]> {
  let text: string;
  try {
    // Bounded while reading: /dev/zero or an endless pipe stops at the limit.
    text = Buffer.from(readBounded(resolve(io.cwd, path), MAX_WAIVER_FILE_BYTES)).toString("utf8");
  } catch (error) {
    const reason =
      error instanceof InputTooLargeError
        ? `larger than ${MAX_WAIVER_FILE_BYTES / 2 ** 20} MiB: not a waiver file`
        : (error as Error).message;
    throw new UsageError(`--waivers ${path}: cannot read: ${reason}`, command);
  }
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new UsageError(`--waivers ${path}${at ? `:${at.line}:${at.col}` : ""}: ${error.message.split("\n")[0]}`, command);
    }
    throw new UsageError(`--waivers ${path}: ${(error as Error).message}`, command);
  }
  const result = readWaiverFile(value ?? {}, path);
  if (!result.ok)
    throw new UsageError(
      `invalid waiver file: ${result.errors.slice(0, 5).join("; ")}${result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : ""}`,
      command,
    );
  return result.waivers;
}
