/**
 * An expected failure (bad input, unreachable source, stale spec…): the CLI prints its message as one
 * line and exits non-zero, without a stack trace. Anything else is a bug and keeps its stack.
 */
export class CliError extends Error {
  override name = "CliError";
  // A plain field, not a parameter property: Node's type stripping only accepts erasable syntax.
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}
