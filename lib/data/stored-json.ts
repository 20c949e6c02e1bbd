import type { z } from "zod";

// JSON columns are written by lib/import.ts; read them defensively because a bad row must not break a page.

export function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function parseStoredJsonAs<T>(schema: z.ZodType<T>, text: string, fallback: T): T {
  const parsed = schema.safeParse(parseStoredJson(text));
  return parsed.success ? parsed.data : fallback;
}
