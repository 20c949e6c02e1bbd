import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStoredJson, parseStoredJsonAs } from "./stored-json";

describe("parseStoredJson", () => {
  it("parses valid JSON", () => {
    expect(parseStoredJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });

  it("gives null for unreadable JSON", () => {
    expect(parseStoredJson("{not json")).toBeNull();
  });
});

describe("parseStoredJsonAs", () => {
  const schema = z.record(z.string(), z.number());

  it("returns the parsed value when it matches the schema", () => {
    expect(parseStoredJsonAs(schema, '{"Service":2}', {})).toEqual({ Service: 2 });
  });

  it("returns the fallback for JSON of the wrong shape or unreadable JSON", () => {
    expect(parseStoredJsonAs(schema, '{"Service":"two"}', { fallback: 0 })).toEqual({ fallback: 0 });
    expect(parseStoredJsonAs(schema, "{", { fallback: 0 })).toEqual({ fallback: 0 });
  });
});
