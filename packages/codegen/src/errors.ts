/**
 * An expected failure (bad input, unreachable source, stale spec…): the CLI prints its message as one
 * line and exits non-zero, without a stack trace. Anything else is a bug and keeps its stack.
 */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
