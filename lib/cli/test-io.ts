// An in-memory CliIo for tests: captured output, canned stdin, fixtures as the working directory.
import { fileURLToPath } from "node:url";
import type { CliIo } from "./io";
import { runCli } from "./main";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliForTest(
  argv: string[],
  options: { stdin?: string; isTTY?: boolean; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    argv,
    stdout: { write: (text) => void (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ""),
    env: options.env ?? {},
    cwd: options.cwd ?? FIXTURES,
  };
  const code = await runCli(io);
  return { code, stdout, stderr };
}
