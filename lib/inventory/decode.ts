// Bytes to text, refusing what is not UTF-8 text with a message a person can act on.
import { MAX_FILE_BYTES } from "./limits";

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const MIB = 2 ** 20;

function refuseLarge(size: number): DecodeResult {
  return { ok: false, message: `file is ${(size / MIB).toFixed(0)} MiB, over the ${MAX_FILE_BYTES / MIB} MiB limit: split the inventory (e.g. one file per namespace)` };
}

export function decodeInput(content: Uint8Array | string): DecodeResult {
  if (typeof content === "string") {
    if (content.length > MAX_FILE_BYTES) return refuseLarge(content.length);
    if (content.includes("\0")) return { ok: false, message: "binary file (contains NUL characters), not a text inventory" };
    return { ok: true, text: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content };
  }
  if (content.length > MAX_FILE_BYTES) return refuseLarge(content.length);
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    return { ok: false, message: "file is UTF-16 encoded: convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)" };
  }
  if (content.indexOf(0) !== -1) return { ok: false, message: "binary file (contains NUL bytes), not a text inventory" };
  // ignoreBOM false (default) strips a UTF-8 BOM. The lenient decoder is the fast one; invalid bytes
  // become U+FFFD, so only text holding U+FFFD (rare, and free to look for in ASCII text) is
  // decoded again strictly to tell a real U+FFFD from broken bytes.
  const text = lenientDecoder.decode(content);
  if (!text.includes("\uFFFD")) return { ok: true, text };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(content) };
  } catch {
    return { ok: false, message: "file is not valid UTF-8 text: save it as UTF-8" };
  }
}

const lenientDecoder = new TextDecoder("utf-8");
