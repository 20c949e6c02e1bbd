// Two kinds of error (style guide: errors typed by kind). Input problems are data: they are
// listed under `errors` with file, line and column and the scan goes on. A defect in Kata
// Readiness itself is thrown as an InternalError, never reported against an input file: the CLI
// exits 70 asking for a report, the web answers 500 with an error id and logs the stack.

export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InternalError";
  }

  /** `error` as an InternalError (itself when it already is one), keeping the original as `cause`. */
  static from(error: unknown, doing: string): InternalError {
    if (error instanceof InternalError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new InternalError(`internal error while ${doing}: ${detail}`, { cause: error });
  }
}

/** The original stack of an internal error (the cause's, where the defect is), for logs and reports. */
export function internalErrorDetail(error: unknown): string {
  const cause = error instanceof InternalError ? error.cause : undefined;
  const own = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (!(cause instanceof Error)) return own;
  return `${error instanceof Error ? error.message : ""}\ncaused by: ${cause.stack ?? cause.message}`;
}
