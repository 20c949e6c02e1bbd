// Settings shared by the app's Prisma connection (lib/db.ts) and the import worker's own connection.

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * `KATA_READINESS_DB_BUSY_TIMEOUT_MS` (default 5000): how long a query waits for another connection's
 * write lock before failing with "database is locked" (answered as 503 with Retry-After).
 */
export function getBusyTimeoutMs(): number {
  const value = Number(process.env.KATA_READINESS_DB_BUSY_TIMEOUT_MS);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_BUSY_TIMEOUT_MS;
}
