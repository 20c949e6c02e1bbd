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

/** The report could not be written to `--output` (a file-system error): exit code 73. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

export const EXIT = {
  ok: 0,
  /** `--fail-on` threshold reached. */
  gateFailed: 1,
  /** Some input could not be read or parsed (the rest was still scanned). */
  inputErrors: 2,
  usage: 64,
  /** The report could not be written to `--output` (sysexits EX_CANTCREAT). */
  cannotWrite: 73,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

/** Printed before the stack on exit 70. */
export const INTERNAL_ERROR_NOTICE =
  "kata-readiness: internal error: this is a bug in kata-readiness, not a problem with your input. " +
  "Please report it with the command you ran, the details below and, if you can share it, the input.";
