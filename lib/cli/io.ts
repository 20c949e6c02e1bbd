// What the CLI touches outside itself, injectable so tests run it in-process.

export interface CliOutput {
  write(text: string): void;
  /** True when the stream is a terminal (colour is allowed). */
  isTTY?: boolean;
}

export interface CliIo {
  argv: readonly string[];
  stdout: CliOutput;
  stderr: CliOutput;
  readStdin(): Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  /** Paths on the command line are relative to this. */
  cwd: string;
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
export function shouldColor(output: CliOutput, env: CliIo["env"]): boolean {
  return output.isTTY === true && !env.NO_COLOR;
}
