import { multipartBoundary } from "@/lib/multipart";

/**
 * The body, or null once it passes `limit` bytes: counted while reading, whatever Content-Length claimed.
 * With a Content-Length (within the limit) the bytes go straight into one buffer of that size, so a large
 * upload is held once, not as chunks plus their concatenation.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const declared = getDeclaredLength(request);
  let buffer = new Uint8Array(declared !== null && declared <= limit ? declared : 0);
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      await reader.cancel();
      return null;
    }
    if (total + value.byteLength > buffer.byteLength) buffer = grow(buffer, total, total + value.byteLength);
    buffer.set(value, total);
    total += value.byteLength;
  }
  return total === buffer.byteLength ? buffer : buffer.slice(0, total);
}

// Chunked bodies (or a wrong Content-Length) grow by doubling: amortised linear.
function grow(buffer: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, buffer.byteLength * 2, 64 * 1024));
  next.set(buffer.subarray(0, used));
  return next;
}

/** Declared Content-Length, or null when absent or not a number (chunked requests). */
export function getDeclaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/**
 * Parts in a multipart body, counted by their boundary before the body is parsed (parsing 20,000 tiny
 * parts costs far more than this search). Null when the content type names no boundary.
 */
export function countMultipartParts(body: Uint8Array, contentType: string): number | null {
  const boundary = multipartBoundary(contentType);
  if (boundary === null) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(delimiter); at !== -1; at = bytes.indexOf(delimiter, at + delimiter.length)) count++;
  // The last delimiter closes the body.
  return Math.max(0, count - 1);
}
