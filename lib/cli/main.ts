// The `kata-readiness` command: the same pure core as the web import, no database.
import packageJson from "../../package.json";
import { escapeControl, escapeControlKeepingLines } from "../export/terminal";
import { internalErrorDetail } from "../internal-error";
import { EXIT, INTERNAL_ERROR_NOTICE, OutputError, UsageError } from "./errors";
import { MAIN_HELP } from "./help";
import type { CliIo } from "./io";
import { runExplain, runRules } from "./rules-command";
import { readStreamBounded } from "./inputs";
import { runPlan } from "./plan-command";
import { runScan } from "./scan-command";

export type { CliIo } from "./io";
export { EXIT } from "./errors";

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => number | Promise<number>> = {
  scan: runScan,
  plan: runPlan,
  rules: runRules,
  explain: runExplain,
};

async function dispatch(io: CliIo): Promise<number> {
  const [command, ...args] = io.argv;
  if (command === undefined) throw new UsageError(`no command given: one of ${Object.keys(COMMANDS).join(", ")}`);
  if (command === "-h" || command === "--help" || command === "help") {
    if (command === "help" && args[0] && COMMANDS[args[0]]) return COMMANDS[args[0]](["--help"], io);
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  if (command === "-v" || command === "--version" || command === "version") {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command "${command}" (one of: ${Object.keys(COMMANDS).join(", ")})`);
  return run(args, io);
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(io: CliIo): Promise<number> {
  try {
    return await dispatch(io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? `kata-readiness ${error.command} --help` : "kata-readiness --help";
      // One line whatever the message echoes (a file name, an argument): controls are escaped.
      io.stderr.write(`kata-readiness: ${escapeControl(error.message)} (see ${help})\n`);
      return EXIT.usage;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`kata-readiness: ${escapeControl(error.message)}\n`);
      return EXIT.cannotWrite;
    }
    // Anything else is a defect of kata-readiness (an InternalError from the engine, or a throw
    // of the CLI itself): never blamed on an input file.
    io.stderr.write(`${INTERNAL_ERROR_NOTICE}\n${escapeControlKeepingLines(internalErrorDetail(error))}\n`);
    return EXIT.internal;
  }
}

/** The real process: argv, stdio and environment. */
export function nodeIo(): CliIo {
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  return {
    argv: process.argv.slice(2),
    stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
    readStdin: async () => {
      if (process.stdin.isTTY) process.stderr.write("kata-readiness: reading the inventory from standard input (end with Ctrl-D)\n");
      return readStreamBounded(process.stdin);
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
