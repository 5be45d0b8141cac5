import { propertyKey, stringLiteral } from "../../emit/index.ts";
import type { HookOperation } from "./operations.ts";
import { keySegments } from "./operations.ts";

/**
 * generated/resources.gen.ts: the resources whose items can be read one by one (`GET /<resource>/{param}`), with
 * the type of an item (that operation's response) and the path parameter that identifies it. It types the
 * cache helpers (`updateCached(queryClient, "leads", id, patch)`, packages/react-query/src/cache-updates.ts):
 * an item query is `["instantly", resource, "item", id]`, a list holds items whose identifying field equals id.
 */
export function renderResources(operations: readonly HookOperation[]): string {
  const items = new Map<string, { operationId: string; idField: string }>();
  for (const operation of operations) {
    if (operation.method !== "get" || operation.successBody !== "json") continue;
    const { resource, rest } = keySegments(operation.path);
    const only = rest.length === 1 ? rest[0] : undefined;
    if (!only || !("param" in only) || items.has(resource)) continue;
    items.set(resource, { operationId: operation.id, idField: only.param });
  }
  const sorted = [...items].sort(([a], [b]) => (a < b ? -1 : 1));
  const members = sorted.map(
    ([resource, { operationId }]) =>
      `  ${propertyKey(resource)}: ResponseBody<${stringLiteral(operationId)}>;`,
  );
  const ids = sorted.map(
    ([resource, { idField }]) => `  ${propertyKey(resource)}: ${stringLiteral(idField)},`,
  );
  return [
    `import type { ResponseBody } from "@instantly-kit/types";`,
    "",
    "/** Each resource whose items the API reads one by one, and the type of one item. */",
    `export interface InstantlyResourceItems {${members.length ? `\n${members.join("\n")}\n` : ""}}`,
    "",
    "/** The field of an item that its `GET /<resource>/{…}` path parameter names (`id`, `email`). */",
    `export const resourceIdFields = {${ids.length ? `\n${ids.join("\n")}\n` : ""}} as const;`,
    "",
  ].join("\n");
}
