import { stringLiteral } from "../../emit/index.ts";
import {
  type HttpMethod,
  isObject,
  jsonSchemaOf,
  operationsOf,
  propertiesOf,
  resolve,
  successResponses,
} from "./operations.ts";

type Schema = Record<string, unknown>;

export interface PaginatedOperation {
  path: string;
  method: HttpMethod;
  cursorIn: "query" | "body";
}

const CURSOR = "starting_after";

/**
 * Cursor-paginated operations, derived from the spec rather than listed by hand: an operation that takes
 * `starting_after` (query parameter or JSON body property) and answers 2xx JSON with `items` (an array)
 * and `next_starting_after`. The API adds list endpoints often; a hand-kept list would go stale.
 */
export function findPaginatedOperations(document: Schema): PaginatedOperation[] {
  const found: PaginatedOperation[] = [];
  for (const { path, method, operation, parameters } of operationsOf(document)) {
    const inQuery = parameters.some((parameter) => parameter.name === CURSOR && parameter.in === "query");
    const inBody = CURSOR in propertiesOf(document, jsonSchemaOf(document, operation.requestBody));
    if (!inQuery && !inBody) continue;
    const pages = successResponses(document, operation).some((response) => {
      const properties = propertiesOf(document, jsonSchemaOf(document, response));
      const items = resolve(document, properties.items);
      const itemsIsArray =
        isObject(items) &&
        (items.type === "array" || (Array.isArray(items.type) && items.type.includes("array")));
      return itemsIsArray && "next_starting_after" in properties;
    });
    if (pages) found.push({ path, method, cursorIn: inQuery ? "query" : "body" });
  }
  return found;
}

/** The runtime map path → { method, cursorIn } and the `PaginatedPath` type `paginate()` accepts. */
export function renderPagination(operations: PaginatedOperation[]): string {
  // One entry per path: the API has at most one paginated method per path; should that change, the
  // first (GET before POST) wins and the other stays reachable through the plain client.
  const byPath = new Map<string, PaginatedOperation>();
  for (const operation of operations) if (!byPath.has(operation.path)) byPath.set(operation.path, operation);
  const entries = [...byPath.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
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
