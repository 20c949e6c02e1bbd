import { randomUUID } from "node:crypto";

/**
 * An unexpected failure: logged with its stack under a fresh id, answered as 500 with that id only.
 * Never names an uploaded file: the input was not shown to be at fault.
 */
export function internalErrorResponse(error: unknown, during: string): Response {
  const errorId = randomUUID();
  console.error(`kata-readiness: internal error ${errorId} during ${during}:`, error);
  return Response.json(
    { error: `Internal error while ${during}. Nothing was changed. Please report it with the error id.`, errorId },
    { status: 500 },
  );
}

/** SQLite's lock errors, through Prisma or better-sqlite3: worth a retry, not an internal error. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return true;
    if (cause instanceof Error && /database is locked|SQLITE_BUSY/i.test(cause.message)) return true;
    if (typeof cause !== "object") break;
  }
  return false;
}

export const RETRY_AFTER_SECONDS = 5;

export function serviceUnavailableResponse(message: string): Response {
  return Response.json(
    { error: message, retryAfter: RETRY_AFTER_SECONDS },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
