/**
 * The JSDoc of every request function and hook, written from the spec model through emit/'s escaping (orval's
 * own JSDoc is turned off by giving it no prose: see `orvalInput`). Spec text never reaches code unescaped.
 */
import { jsdoc } from "../../emit/index.ts";
import type { HookOperation } from "./operations.ts";

const code = (text: string) => `\`${text}\``;

function scopesLine(operation: HookOperation): string {
  const groups = operation.requiredScopes;
  if (groups.length === 0) return "Required scopes: not documented.";
  const group = (scopes: readonly string[]) => scopes.map(code).join(", ");
  if (groups.length === 1) return `Required scopes: one of ${group(groups[0] as string[])}.`;
  return `Required scopes: one of each group — ${groups.map((scopes) => `(${group(scopes)})`).join("; ")}.`;
}

function paginationLine(operation: HookOperation, hookName: string): string {
  if (!operation.pagination) return "Not paginated.";
  const where = operation.pagination === "query" ? "query parameter" : "JSON body";
  return `Cursor-paginated (\`starting_after\` in the ${where}): \`${hookName}Infinite\` pages through it.`;
}

/** The doc block of one operation's request function or hook. */
export function operationDoc(operation: HookOperation, kind: "request" | "hook", hookName: string): string {
  const headline =
    kind === "request"
      ? `${operation.method.toUpperCase()} ${operation.path}`
      : `${operation.isQuery ? "Query" : "Mutation"} hook for ${operation.method.toUpperCase()} ${operation.path}`;
  return jsdoc(
    [
      operation.summary,
      operation.description,
      `${headline} (\`${operation.id}\`).`,
      scopesLine(operation),
      paginationLine(operation, hookName),
    ],
    operation.deprecated ? ["@deprecated The API marks this operation deprecated."] : [],
  );
}
