// Turns command-line paths into parser input: files as given, directories walked, `-` for stdin.
import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { InputError, InputSource } from "../inventory/types";
import type { CliIo } from "./io";

export const STDIN_NAME = "<stdin>";
const INVENTORY_FILE = /\.(ya?ml|json)$/i;

export interface CollectedInputs {
  files: InputSource[];
  errors: InputError[];
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** Inventory files under `dir`, sorted, skipping hidden directories and node_modules. */
async function walk(dir: string, display: string, out: { absolute: string; display: string }[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const shown = join(display, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      await walk(absolute, shown, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && INVENTORY_FILE.test(entry.name)) {
      out.push({ absolute, display: shown });
    }
  }
}

/** Read when the parser reaches it, so only one file's bytes are in memory at a time. */
function lazyFile(name: string, absolute: string): InputSource {
  return {
    name,
    load() {
      try {
        return readFileSync(absolute);
      } catch (error) {
        throw new Error(describeFsError(error));
      }
    },
  };
}

export async function collectInputs(paths: readonly string[], io: Pick<CliIo, "cwd" | "readStdin">): Promise<CollectedInputs> {
  const files: InputSource[] = [];
  const errors: InputError[] = [];
  let stdinRead = false;
  for (const path of paths) {
    if (path === "-") {
      if (stdinRead) continue;
      stdinRead = true;
      files.push({ name: STDIN_NAME, content: await io.readStdin() });
      continue;
    }
    const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
    try {
      const info = await stat(absolute);
      if (!info.isDirectory()) {
        files.push(lazyFile(path, absolute));
        continue;
      }
      const found: { absolute: string; display: string }[] = [];
      await walk(absolute, path, found);
      if (found.length === 0) errors.push({ source: path, message: "no .yaml, .yml or .json files in this directory" });
      for (const file of found) files.push(lazyFile(file.display, file.absolute));
    } catch (error) {
      errors.push({ source: path, message: `cannot read: ${describeFsError(error)}` });
    }
  }
  return { files, errors };
}
