// `scan --waivers file`: the waiver file (YAML or JSON, format in the README and lib/scoring/waivers.ts).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse, YAMLParseError } from "yaml";
import { MAX_FILE_BYTES } from "../inventory/limits";
import { readWaiverFile, type Waiver } from "../scoring/waivers";
import { UsageError } from "./errors";
import type { CliIo } from "./io";

export async function loadWaivers(path: string, io: CliIo): Promise<Waiver[]> {
  let text: string;
  try {
    const bytes = await readFile(resolve(io.cwd, path));
    if (bytes.byteLength > MAX_FILE_BYTES) throw new UsageError(`--waivers ${path}: larger than ${MAX_FILE_BYTES / 2 ** 20} MiB`, "scan");
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--waivers ${path}: cannot read: ${(error as Error).message}`, "scan");
  }
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new UsageError(`--waivers ${path}${at ? `:${at.line}:${at.col}` : ""}: ${error.message.split("\n")[0]}`, "scan");
    }
    throw new UsageError(`--waivers ${path}: ${(error as Error).message}`, "scan");
  }
  const result = readWaiverFile(value ?? {}, path);
  if (!result.ok) throw new UsageError(`invalid waiver file: ${result.errors.slice(0, 5).join("; ")}${result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : ""}`, "scan");
  return result.waivers;
}
