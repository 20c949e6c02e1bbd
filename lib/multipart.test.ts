import { describe, expect, it } from "vitest";
import { parseMultipart } from "./multipart";

const BOUNDARY = "----formdata-test-7MA4YWxkTrZu0gW";
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function body(...parts: string[]): Buffer {
  return Buffer.from(`${parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join("")}--${BOUNDARY}--\r\n`);
}

function read(buffer: Buffer, type = TYPE) {
  return parseMultipart(buffer, type)?.map((part) => ({ ...part, content: part.content.toString() }));
}

describe("parseMultipart", () => {
  it("reads fields and files in order, same-named files included, as views of the body", () => {
    const buffer = body(
      `Content-Disposition: form-data; name="cluster"\r\n\r\nprod`,
      `Content-Disposition: form-data; name="files"; filename="docker-compose.yml"\r\nContent-Type: application/yaml\r\n\r\nservices: {}\r\n--not-a-boundary`,
      `content-disposition: form-data; name="files"; filename="docker-compose.yml"\r\n\r\n`,
    );
    expect(read(buffer)).toEqual([
      { name: "cluster", content: "prod" },
      { name: "files", filename: "docker-compose.yml", content: "services: {}\r\n--not-a-boundary" },
      { name: "files", filename: "docker-compose.yml", content: "" },
    ]);
    const [, file] = parseMultipart(buffer, TYPE)!;
    expect(file.content.buffer).toBe(buffer.buffer);
  });

  it("decodes quoted names as browsers and curl escape them, and RFC 5987 filenames", () => {
    const buffer = body(
      `Content-Disposition: form-data; name="files"; filename="a%22b.yaml"\r\n\r\nx`,
      `Content-Disposition: form-data; name="files"; filename="c\\"d.yaml"\r\n\r\nx`,
      `Content-Disposition: form-data; name="files"; filename="fallback"; filename*=UTF-8''%C3%A9t%C3%A9.yaml\r\n\r\nx`,
      `Content-Disposition: form-data; name="files"; filename="日本.yaml"\r\n\r\nx`,
    );
    expect(read(buffer)?.map((part) => part.filename)).toEqual(['a"b.yaml', 'c"d.yaml', "été.yaml", "日本.yaml"]);
  });

  it("skips a preamble and accepts a quoted boundary", () => {
    const buffer = Buffer.concat([Buffer.from("preamble\r\n"), body(`Content-Disposition: form-data; name="cluster"\r\n\r\nx`)]);
    expect(read(buffer, `multipart/form-data; boundary="${BOUNDARY}"`)).toEqual([{ name: "cluster", content: "x" }]);
  });

  it("refuses what is not well-formed multipart", () => {
    const good = body(`Content-Disposition: form-data; name="cluster"\r\n\r\nx`);
    expect(parseMultipart(good, "application/json")).toBeNull();
    expect(parseMultipart(good, "multipart/form-data")).toBeNull();
    expect(parseMultipart(Buffer.from('{"cluster": "x"}'), TYPE)).toBeNull();
    // No closing delimiter, headers that never end, or a delimiter not followed by CRLF.
    expect(parseMultipart(good.subarray(0, good.length - BOUNDARY.length - 8), TYPE)).toBeNull();
    expect(parseMultipart(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"`), TYPE)).toBeNull();
    expect(parseMultipart(Buffer.from(`--${BOUNDARY}xx\r\n\r\n\r\n--${BOUNDARY}--`), TYPE)).toBeNull();
    expect(parseMultipart(Buffer.from(`--${BOUNDARY}\r\n${"X-A: b\r\n".repeat(3000)}\r\nv\r\n--${BOUNDARY}--`), TYPE)).toBeNull();
  });

  it("reads an empty form", () => {
    expect(parseMultipart(Buffer.from(`--${BOUNDARY}--\r\n`), TYPE)).toEqual([]);
  });
});
