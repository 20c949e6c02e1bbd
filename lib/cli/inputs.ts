// Turns command-line paths into parser input: files as given, directories walked, `-` for stdin.
// Every read is bounded by the parser's size limit while it happens: a path or a pipe that never
// ends (`/dev/zero`, `- < /dev/zero`, a `.yaml` symlink to a device) stops at the limit.
import { closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { MAX_FILE_BYTES } from "../inventory/limits";
import type { InputError, InputSource } from "../inventory/types";
import type { CliIo } from "./io";

export const STDIN_NAME = "<stdin>";
const INVENTORY_FILE = /\.(ya?ml|json)$/i;
const CHUNK_BYTES = 1 << 20;

export interface CollectedInputs {
  files: InputSource[];
  errors: InputError[];
}

/** An input that is over the size limit: reported against that input, like any unreadable file. */
export class InputTooLargeError extends Error {
  constructor(limit = MAX_FILE_BYTES) {
    super(`larger than the ${limit / 2 ** 20} MiB limit: split the inventory (e.g. one file per namespace)`);
    this.name = "InputTooLargeError";
  }
}

function describeFsError(error: unknown): string {
  if (error instanceof InputTooLargeError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

function describeType(info: Stats): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/** Collects chunks up to `limit` bytes; throws InputTooLargeError past it. */
export class BoundedBuffer {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly limit = MAX_FILE_BYTES) {}

  push(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.size > this.limit) throw new InputTooLargeError(this.limit);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
  }
}

/**
 * A file's bytes, refusing more than the limit. A regular file's size is known before reading; a
 * device or a pipe named on the command line is read in chunks until its end or the limit.
 */
export function readBounded(path: string, limit = MAX_FILE_BYTES): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const info = fstatSync(fd);
    if (info.isFile()) {
      if (info.size > limit) throw new InputTooLargeError(limit);
      return readFileSync(fd);
    }
    const buffer = new BoundedBuffer(limit);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) return buffer.bytes();
      buffer.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

/** Standard input (or any stream), refusing more than the limit; the rest is not read. */
export async function readStreamBounded(
  stream: AsyncIterable<Uint8Array> & { destroy?(): void },
  limit = MAX_FILE_BYTES,
): Promise<Uint8Array> {
  const buffer = new BoundedBuffer(limit);
  try {
    for await (const chunk of stream) buffer.push(chunk);
  } catch (error) {
    stream.destroy?.();
    throw error;
  }
  return buffer.bytes();
}

interface Found {
  absolute: string;
  display: string;
}

/**
 * Inventory files under `dir`, sorted, skipping hidden directories and node_modules. What is not a
 * regular file (a FIFO, a device, a symlink to one) is reported, not read: a FIFO without a
 * writer would hang the scan, and a device may never end.
 */
async function walk(dir: string, display: string, out: Found[], errors: InputError[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const shown = join(display, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      await walk(absolute, shown, out, errors);
      continue;
    }
    if (!INVENTORY_FILE.test(entry.name)) continue;
    if (entry.isFile()) {
      out.push({ absolute, display: shown });
      continue;
    }
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      errors.push({ source: shown, message: `cannot read: ${describeFsError(error)}` });
      continue;
    }
    if (info.isFile()) out.push({ absolute, display: shown });
    else if (!info.isDirectory()) {
      errors.push({
        source: shown,
        message: `skipped: ${describeType(info)}, not a regular file (name it on the command line to read it)`,
      });
    }
  }
}

/** Read when the parser reaches it, so only one file's bytes are in memory at a time. */
function lazyFile(name: string, absolute: string): InputSource {
  return {
    name,
    load() {
      try {
        return readBounded(absolute);
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
      try {
        files.push({ name: STDIN_NAME, content: await io.readStdin() });
      } catch (error) {
        if (!(error instanceof InputTooLargeError || (error instanceof Error && "code" in error))) throw error;
        errors.push({ source: STDIN_NAME, message: `cannot read: ${describeFsError(error)}` });
      }
      continue;
    }
    const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
    try {
      const info = await stat(absolute);
      if (!info.isDirectory()) {
        files.push(lazyFile(path, absolute));
        continue;
      }
      const found: Found[] = [];
      const before = errors.length;
      await walk(absolute, path, found, errors);
      if (found.length === 0 && errors.length === before)
        errors.push({ source: path, message: "no .yaml, .yml or .json files in this directory" });
      for (const file of found) files.push(lazyFile(file.display, file.absolute));
    } catch (error) {
      errors.push({ source: path, message: `cannot read: ${describeFsError(error)}` });
    }
  }
  return { files, errors };
}
