import { jsdoc } from "../emit/index.ts";
import type { Operation } from "../model/index.ts";
import { type ExportKind, exampleCall } from "./operation-exports.ts";

/**
 * The doc comment of a per-operation export (a request function, a hook, an options helper, a mock handler), from
 * the model: what it is for, the operation's summary and description, the scopes an API key needs, whether it is
 * cursor-paginated, an example call and `@deprecated`. Every target's per-operation docs come from here, and
 * every spec string goes through emit's `jsdoc`, so no description can end the comment.
 */

/** The description without its scope sentences: those are rendered from the model, once, as their own line. */
function prose(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const kept = description
    .split("\n")
    .filter(
      (line, index, lines) =>
        !/^\s*Requires (one|all) of the following scope/.test(line) &&
        !(
          /^\s*- One of `/.test(line) &&
          lines.slice(0, index).some((before) => /scope groups:\s*$/.test(before))
        ),
    );
  return kept.join("\n").trim() || undefined;
}

function scopesLine(operation: Operation): string | undefined {
  const groups = operation.requiredScopes.map((group) => group.map((scope) => `\`${scope}\``).join(", "));
  if (groups.length === 0) return undefined;
  return `Scopes: one of ${groups.join("; and one of ")}.`;
}

function paginationLine(operation: Operation): string {
  if (!operation.pagination) return "Not paginated.";
  const where = operation.pagination.in === "query" ? "query parameter" : "request body property";
  return `Cursor-paginated: \`starting_after\` (${where}); each page is \`{ items, next_starting_after }\`.`;
}

/** The paragraphs of an operation's doc comment, after a `lead` sentence saying what the export is. */
export function operationDocParagraphs(operation: Operation, lead: string): string[] {
  return [
    lead,
    operation.summary,
    prose(operation.description),
    [
      `\`${operation.method.toUpperCase()} ${operation.path}\``,
      scopesLine(operation),
      paginationLine(operation),
    ]
      .filter((part) => part !== undefined)
      .join("\n"),
  ].filter((paragraph): paragraph is string => paragraph !== undefined && paragraph.trim() !== "");
}

/**
 * A JSDoc block for an export that stands for `operation`: the paragraphs above, then `@example` with one call
 * of the export (operation-exports.ts `exampleCall`) and `@deprecated` when the spec says so.
 */
export function operationDoc(operation: Operation, lead: string, example?: string): string {
  return jsdoc(operationDocParagraphs(operation, lead), [
    ...(example ? [`@example\n${example}`] : []),
    ...(operation.deprecated ? ["@deprecated"] : []),
  ]);
}

/** The doc of export `name` of `kind` for `operation`: {@link operationDoc} with that export's example call. */
export function exportDoc(operation: Operation, kind: ExportKind, name: string, lead: string): string {
  return operationDoc(operation, lead, exampleCall(operation, kind, name));
}
