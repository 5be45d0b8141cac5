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

/**
 * Spec text quoted in an error message: one line, whatever it holds. JSON escapes C0 controls, quotes and
 * backslashes; on top, C1 controls, line/paragraph separators and bidi controls are escaped (a message must not
 * break the terminal line or reorder what the reader sees), and long text is cut.
 */
export function quoteForMessage(text: string, max = 80): string {
  const cut = [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, "0")}`,
  );
}
