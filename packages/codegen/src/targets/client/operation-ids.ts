import { stringLiteral } from "../../emit/index.ts";
import { compareCodePoints, type SpecModel } from "../../model/index.ts";

/**
 * Path template → HTTP method → operationId, so the client can name the operation of a call (made by path and
 * method through openapi-fetch) and look up the scopes it needs when the app declares its key's `scopes`.
 */
export function renderOperationIds(model: SpecModel): string {
  const byPath = new Map<string, string[]>();
  for (const { path, method, id } of model.operations) {
    byPath.set(path, [...(byPath.get(path) ?? []), `${method.toUpperCase()}: ${stringLiteral(id)}`]);
  }
  const entries = [...byPath.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([path, methods]) => `  ${stringLiteral(path)}: { ${methods.join(", ")} },`);
  return [
    'import type { OperationId } from "@instantly-kit/types";',
    "",
    "/** The operationId of each path template and method. */",
    "export const operationIds: Readonly<Record<string, Readonly<Record<string, OperationId>>>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}
