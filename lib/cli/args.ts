// Command-line parsing on node:util parseArgs, turning its errors into usage errors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, args: readonly string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : String(error);
    throw new UsageError(message, command);
  }
}

export function pickChoice<T extends string>(command: string, option: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of: ${choices.join(", ")} (got "${String(value)}")`, command);
}

export const FORMATS = ["text", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** `scan --format`: the text report, every export format and the readiness report as one HTML file. */
export const SCAN_FORMATS = ["text", "json", "csv", "sarif", "junit", "markdown", "patches", "html"] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
