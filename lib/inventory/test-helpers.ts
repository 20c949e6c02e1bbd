// Test-only (the parser itself does no I/O): fixtures from disk and a one-call parse.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseInventory } from "./parse";
import type { InputFile, InputSource, JsonObject, ParsedInventory } from "./types";

export const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));

export function fixture(path: string): InputFile {
  return { name: `fixtures/${path}`, content: readFileSync(join(FIXTURES, path)) };
}

export function parseFiles(...files: InputSource[]): ParsedInventory {
  return parseInventory(files, { cluster: "prod" });
}

export function parseText(name: string, content: string | Uint8Array): ParsedInventory {
  return parseFiles({ name, content });
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A Pod as `kubectl get pods -o json` prints it (trimmed), owned by `owner` if given. */
export function podObject(
  name: string,
  options: {
    namespace?: string;
    owner?: { kind: string; name: string; apiVersion?: string; controller?: boolean }[];
    labels?: Record<string, string>;
    spec?: JsonObject;
  } = {},
): JsonObject {
  const metadata: JsonObject = { name, namespace: options.namespace ?? "shop", labels: options.labels ?? {}, uid: `uid-${name}` };
  if (options.owner)
    metadata.ownerReferences = options.owner.map((o) => ({
      apiVersion: o.apiVersion ?? "apps/v1",
      controller: o.controller ?? true,
      uid: "u",
      ...o,
    }));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata,
    spec: options.spec ?? { containers: [{ name: "main", image: "registry.example.com/app:1.0" }], nodeName: `node-for-${name}` },
    status: { phase: "Running" },
  };
}

export function listOf(...items: JsonObject[]): string {
  return json({ apiVersion: "v1", kind: "List", metadata: { resourceVersion: "" }, items });
}
