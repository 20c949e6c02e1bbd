/** A mistake on the command line: printed without a stack trace, exit code 64. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT = {
  ok: 0,
  /** `--fail-on` threshold reached. */
  gateFailed: 1,
  /** Some input could not be read or parsed (the rest was still scanned). */
  inputErrors: 2,
  usage: 64,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;
