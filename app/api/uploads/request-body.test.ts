import { describe, expect, it } from "vitest";
import { getDeclaredLength, readLimitedBody } from "./request-body";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

function post(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/uploads", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readLimitedBody", () => {
  it("returns the whole body when it fits", async () => {
    const body = await readLimitedBody(post(streamOf(["abc", "def"])), 6);
    expect(new TextDecoder().decode(body!)).toBe("abcdef");
  });

  it("stops at the limit even without a Content-Length (chunked)", async () => {
    expect(await readLimitedBody(post(streamOf(["abc", "def", "g"])), 6)).toBeNull();
  });
});

describe("getDeclaredLength", () => {
  it("reads a numeric Content-Length and ignores anything else", () => {
    const withLength = new Request("http://localhost/", { method: "POST", body: "x", headers: { "content-length": "42" } });
    expect(getDeclaredLength(withLength)).toBe(42);
    const bogus = new Request("http://localhost/", { method: "POST", body: "x", headers: { "content-length": "4x" } });
    expect(getDeclaredLength(bogus)).toBeNull();
  });
});

describe("readLimitedBody with a Content-Length", () => {
  it("reads into one buffer of the declared size, and copes with a wrong declaration", async () => {
    const exact = await readLimitedBody(post(streamOf(["abc", "def"]), { "content-length": "6" }), 10);
    expect(new TextDecoder().decode(exact!)).toBe("abcdef");
    expect(exact!.buffer.byteLength).toBe(6);

    const short = await readLimitedBody(post(streamOf(["abc", "def"]), { "content-length": "2" }), 10);
    expect(new TextDecoder().decode(short!)).toBe("abcdef");
    const long = await readLimitedBody(post(streamOf(["abc"]), { "content-length": "9" }), 10);
    expect(new TextDecoder().decode(long!)).toBe("abc");
  });
});
