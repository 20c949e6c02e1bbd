// Shared by prisma.config.ts, lib/db.ts and the start script, so every entry point opens the same file.
export const DEFAULT_DATABASE_URL = "file:./data/kata-readiness.db";

export function getDatabaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
