// The route handler itself, on a real SQLite file and the real import worker (the e2e tests cover it over
// HTTP; a held database lock cannot be staged there without stalling the other tests).
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";

let databaseFile: string;
let POST: typeof import("./route").POST;

beforeAll(async () => {
  databaseFile = createTestDatabase().slice("file:".length);
  ({ POST } = await import("./route"));
});

const COMPOSE = "services:\n  web:\n    image: web:1\n";

function upload(cluster: string, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set("cluster", cluster);
  form.append("files", new Blob([COMPOSE]), "docker-compose.yml");
  return new Request("http://localhost:3000/api/uploads", { method: "POST", body: form, headers });
}

describe("POST /api/uploads", () => {
  it("answers 503 with Retry-After while another connection holds the write lock, then imports", async () => {
    const holder = new Database(databaseFile);
    holder.prepare("BEGIN IMMEDIATE").run();
    process.env.KATA_READINESS_DB_BUSY_TIMEOUT_MS = "200";
    try {
      const locked = await POST(upload("locked"));
      expect(locked.status).toBe(503);
      expect(locked.headers.get("retry-after")).toBe("5");
      expect(await locked.json()).toMatchObject({ error: expect.stringMatching(/busy/), retryAfter: 5 });
    } finally {
      delete process.env.KATA_READINESS_DB_BUSY_TIMEOUT_MS;
      holder.prepare("ROLLBACK").run();
      holder.close();
    }
    expect((await POST(upload("locked"))).status).toBe(201);
  });

  it("answers 503 when every import slot and queue place is taken", async () => {
    process.env.KATA_READINESS_MAX_CONCURRENT_IMPORTS = "1";
    process.env.KATA_READINESS_MAX_QUEUED_IMPORTS = "1";
    try {
      const answers = await Promise.all(["q1", "q2", "q3"].map((cluster) => POST(upload(cluster))));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 503]);
      const refused = answers.find((answer) => answer.status === 503)!;
      expect(refused.headers.get("retry-after")).toBe("5");
    } finally {
      delete process.env.KATA_READINESS_MAX_CONCURRENT_IMPORTS;
      delete process.env.KATA_READINESS_MAX_QUEUED_IMPORTS;
    }
  });

  it("refuses a cross-origin browser request before reading it", async () => {
    const refused = await POST(upload("evil", { origin: "http://evil.example", host: "localhost:3000" }));
    expect(refused.status).toBe(403);
  });
});
