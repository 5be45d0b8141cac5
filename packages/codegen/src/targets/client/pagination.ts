import { stringLiteral } from "../../emit/index.ts";
import { compareCodePoints, type HttpMethod, type SpecModel } from "../../model/index.ts";

export interface PaginatedOperation {
  path: string;
  method: HttpMethod;
  cursorIn: "query" | "body";
}

/** The cursor-paginated operations (the model derives them: see model/operations.ts `paginationOf`). */
export function paginatedOperations(model: SpecModel): PaginatedOperation[] {
  return model.operations.flatMap(({ path, method, pagination }) =>
    pagination ? [{ path, method, cursorIn: pagination.in }] : [],
  );
}

/** The runtime map path → { method, cursorIn } and the `PaginatedPath` type `paginate()` accepts. */
export function renderPagination(operations: PaginatedOperation[]): string {
  // One entry per path: the API has at most one paginated method per path; should that change, the
  // first (GET before POST) wins and the other stays reachable through the plain client.
  const byPath = new Map<string, PaginatedOperation>();
  for (const operation of operations) if (!byPath.has(operation.path)) byPath.set(operation.path, operation);
  const entries = [...byPath.values()]
    .sort((a, b) => compareCodePoints(a.path, b.path))
    .map(
      (op) =>
        `  ${stringLiteral(op.path)}: { method: ${stringLiteral(op.method)}, cursorIn: ${stringLiteral(op.cursorIn)} },`,
    );
  return [
    "/** Operations that take `starting_after` and return `{ items, next_starting_after }`, by path. */",
    "export const paginatedOperations = {",
    ...entries,
    "} as const;",
    "",
    "/** A path `paginate()` accepts. */",
    "export type PaginatedPath = keyof typeof paginatedOperations;",
    "",
  ].join("\n");
}
