// The first errors of an app's type-check and tests, tied to the operation that caused them: by the file:line of
// a usage (the error is where the app uses the operation), else by the operation's exported names or id quoted in
// the message, else by the nearest usage above it in the same file.
import { exportedNames, type Usage } from "./usages.ts";

export interface AppError {
  file: string;
  line: number;
  column: number;
  /** `TS2305`, or `test` for a failing test. */
  code: string;
  message: string;
  /** The operation that caused it, and the usage it was tied to. */
  operationId?: string;
  usage?: Usage;
  /** How the tie was made: the usage's own line, a name in the message, or the nearest usage above. */
  tiedBy?: "line" | "name" | "nearest";
}

// `src/pages/X.tsx(12,3): error TS2305: Module …` (tsc without --pretty, which is the default off a TTY)
const TSC_ERROR = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** tsc's error lines (first line of each), in output order. */
export function parseTscErrors(output: string): AppError[] {
  const errors: AppError[] = [];
  for (const line of output.split("\n")) {
    const match = TSC_ERROR.exec(line.trim());
    if (!match) continue;
    const [, file, row, column, code, message] = match as unknown as string[];
    errors.push({
      file: (file as string).replaceAll("\\", "/"),
      line: Number(row),
      column: Number(column),
      code: code as string,
      message: message as string,
    });
  }
  return errors;
}

// vitest: ` FAIL  |jsdom| test/dashboard.test.tsx > dashboard > lists campaigns` then the error, then a
// ` ❯ test/dashboard.test.tsx:119:5` frame.
const FAIL = /^\s*FAIL\s+(?:\|[^|]*\|\s+)?(\S+?)\s+>\s+(.*)$/;
const FRAME = /❯\s+(\S+?):(\d+):(\d+)/;

/** vitest's failing tests, each with the first message line and the first frame in the test file. */
export function parseTestFailures(output: string): AppError[] {
  const lines = output.split("\n");
  const failures: AppError[] = [];
  for (const [index, line] of lines.entries()) {
    const match = FAIL.exec(line);
    if (!match) continue;
    const [, file, name] = match as unknown as string[];
    let message = "";
    let at = { line: 0, column: 0 };
    for (const next of lines.slice(index + 1, index + 40)) {
      if (FAIL.test(next)) break;
      const trimmed = next.trim();
      if (!message && /^\w*(Error|Exception)\b|^AssertionError|^Error:/.test(trimmed)) message = trimmed;
      const frame = FRAME.exec(next);
      if (frame && frame[1] === file) {
        at = { line: Number(frame[2]), column: Number(frame[3]) };
        break;
      }
    }
    failures.push({
      file: file as string,
      line: at.line,
      column: at.column,
      code: "test",
      message: `${name}${message ? `: ${message}` : ""}`,
    });
  }
  return failures;
}

/** Ties each error to an operation through the app's usages (see the header); errors stay in order. */
export function tieToOperations(
  errors: AppError[],
  usages: readonly Usage[],
  /** Every changed operation (a name in a message can point at one the app no longer manages to import). */
  operationIds: readonly string[] = usages.map((usage) => usage.operationId),
): AppError[] {
  const names = new Map<string, string>();
  for (const id of new Set(operationIds)) {
    for (const [name] of exportedNames(id)) names.set(name, id);
  }
  return errors.map((error) => {
    const inFile = usages.filter((usage) => usage.file === error.file);
    const onLine = inFile.find((usage) => usage.line === error.line);
    if (onLine) return { ...error, operationId: onLine.operationId, usage: onLine, tiedBy: "line" };
    for (const quoted of error.message.matchAll(/['"`]([A-Za-z_$][\w$]*)['"`]/g)) {
      const id = names.get(quoted[1] as string);
      if (id) {
        const usage = inFile.find((u) => u.operationId === id) ?? usages.find((u) => u.operationId === id);
        return { ...error, operationId: id, usage, tiedBy: "name" };
      }
    }
    const above = inFile.filter((usage) => usage.line <= error.line).at(-1);
    if (above) return { ...error, operationId: above.operationId, usage: above, tiedBy: "nearest" };
    return error;
  });
}
