// A fresh SQLite file per test file, migrated with the project's own migration SQL, so data-layer
// tests run against the real schema through the real Prisma client.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MIGRATIONS_DIR = join(__dirname, "..", "..", "prisma", "migrations");

export function createTestDatabase(): string {
  const file = join(mkdtempSync(join(tmpdir(), "kata-readiness-test-")), "test.db");
  const sqlite = new Database(file);
  for (const dir of readdirSync(MIGRATIONS_DIR)
    .filter((d) => /^\d/.test(d))
    .sort()) {
    sqlite.exec(readFileSync(join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  return url;
}
