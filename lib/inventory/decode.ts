// Bytes to text, refusing what is not UTF-8 text with a message a person can act on.
import { MAX_FILE_BYTES } from "./limits";
import { formatMiB } from "../format";

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const MIB = 2 ** 20;

function tooLarge(size: number): string {
  return `file is ${formatMiB(Math.round(size / MIB))}, over the ${MAX_FILE_BYTES / MIB} MiB limit: split the inventory (e.g. one file per namespace)`;
}

/** Why these bytes are not a text inventory (too big, UTF-16, binary), or undefined. Cheap: no decoding. */
export function refuseBytes(content: Uint8Array): string | undefined {
  if (content.length > MAX_FILE_BYTES) return tooLarge(content.length);
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    return "file is UTF-16 encoded: convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)";
  }
  if (content.indexOf(0) !== -1) return "binary file (contains NUL bytes), not a text inventory";
  return undefined;
}

export function decodeInput(content: Uint8Array | string): DecodeResult {
  if (typeof content === "string") {
    if (content.length > MAX_FILE_BYTES) return { ok: false, message: tooLarge(content.length) };
    if (content.includes("\0")) return { ok: false, message: "binary file (contains NUL characters), not a text inventory" };
    return { ok: true, text: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content };
  }
  const refused = refuseBytes(content);
  if (refused !== undefined) return { ok: false, message: refused };
  const text = decodeUtf8(content);
  return text === undefined ? { ok: false, message: "file is not valid UTF-8 text: save it as UTF-8" } : { ok: true, text };
}

/**
 * UTF-8 bytes to text (a leading BOM dropped), or undefined when they are not valid UTF-8. The
 * lenient decoder is the fast one; invalid bytes become U+FFFD, so only text holding U+FFFD (rare,
 * and free to look for in ASCII text) is decoded again strictly to tell a real U+FFFD from broken bytes.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const text = lenientDecoder.decode(bytes);
  if (!text.includes("\uFFFD")) return text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const lenientDecoder = new TextDecoder("utf-8");
