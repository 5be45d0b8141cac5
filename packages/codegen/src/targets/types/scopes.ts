import { jsdoc, propertyKey, stringLiteral } from "../../emit/index.ts";
import { compareCodePoints, type Operation } from "../../model/index.ts";

/**
 * The API-key scopes each operation accepts, from the model (which parses them out of the descriptions, see
 * model/scopes.ts). Emitted per operationId in spec order:
 *   `operationScopes`       — every scope the spec lists for the operation, once, in order (`[]`: none);
 *   `operationScopeGroups`  — only for the few operations that need one scope of *each* of several groups;
 *   `type Scope`            — the union of every scope of the spec.
 * The runtime helpers (`requiredScopes`, `scopesAllow`) are hand-written in packages/types/src/scopes.ts.
 * Annotated types rather than `as const`: the declaration file stays one line per table, so importing the
 * package costs the type-checker nothing more.
 */
export function renderScopes(operations: readonly Operation[]): string {
  const scopes = [...new Set(operations.flatMap((operation) => operation.requiredScopes.flat()))].sort(
    compareCodePoints,
  );
  const sorted = [...operations].sort((a, b) => compareCodePoints(a.id, b.id));
  const list = (values: readonly string[]) => `[${values.map((value) => stringLiteral(value)).join(", ")}]`;
  const multiGroup = sorted.filter((operation) => operation.requiredScopes.length > 1);
  return [
    'import type { operations } from "./openapi.gen.js";',
    "",
    "/** Every API-key scope that some operation of the spec accepts. */",
    `export type Scope = ${scopes.length === 0 ? "never" : scopes.map((scope) => stringLiteral(scope)).join(" | ")};`,
    "",
    jsdoc([
      "The scopes each operation accepts, as the spec lists them, in order: a key with any one of them may call it " +
        "(for the operations in `operationScopeGroups`, one of each group). `[]` when the spec documents none.",
    ]),
    "export const operationScopes: Readonly<Record<keyof operations, readonly Scope[]>> = {",
    ...sorted.map(
      (operation) =>
        `  ${propertyKey(operation.id)}: ${list([...new Set(operation.requiredScopes.flat())])},`,
    ),
    "};",
    "",
    jsdoc([
      "The operations that need one scope of *each* group (the spec's “Requires all of the following scope " +
        "groups”), with their groups in spec order. Every other operation has one group: `operationScopes[id]`.",
    ]),
    "export const operationScopeGroups: Readonly<Partial<Record<keyof operations, readonly (readonly Scope[])[]>>> = {",
    ...multiGroup.map(
      (operation) =>
        `  ${propertyKey(operation.id)}: [${operation.requiredScopes.map((group) => list(group)).join(", ")}],`,
    ),
    "};",
    "",
  ].join("\n");
}
