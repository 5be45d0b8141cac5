import { identifier, jsdoc, stringLiteral } from "../../emit/index.ts";
import { isObject, type NamedSchema, type Operation } from "../../model/index.ts";

/**
 * `export type Campaign = components["schemas"]["Campaign"];` for every exported schema, each with a doc comment
 * (an editor shows it on hover, where openapi-typescript's docs on `components` are one indirection away): the
 * schema's title and description, `@deprecated`, the operations that answer or take it, and an example import.
 */

/** Operations whose JSON success body is the schema, a page of it (`items: Schema[]`), or whose JSON body is it. */
function usesOf(
  schema: NamedSchema,
  operations: readonly Operation[],
): { returns: string[]; takes: string[] } {
  const refersTo = (node: unknown) => isObject(node) && node.$ref === schema.ref;
  const listOf = (node: unknown) =>
    isObject(node) &&
    isObject(node.properties) &&
    isObject(node.properties.items) &&
    refersTo(node.properties.items.items);
  const returns: string[] = [];
  const takes: string[] = [];
  for (const operation of operations) {
    const body = operation.jsonBody?.schema;
    if (refersTo(body) || listOf(body)) returns.push(operation.id);
    if (refersTo(operation.requestBody?.json?.schema)) takes.push(operation.id);
  }
  return { returns, takes };
}

/** At most `limit` operationIds as code, then how many more. */
function listed(ids: readonly string[], limit = 6): string {
  const shown = ids.slice(0, limit).map((id) => `\`${id}\``);
  return ids.length > limit ? `${shown.join(", ")} and ${ids.length - limit} more` : shown.join(", ");
}

function schemaDoc(schema: NamedSchema, operations: readonly Operation[]): string {
  const { returns, takes } = usesOf(schema, operations);
  const title = schema.title && schema.title !== schema.name ? schema.title : undefined;
  const deprecated = isObject(schema.schema) && schema.schema.deprecated === true;
  return jsdoc(
    [
      `The \`${schema.name}\` schema of the Instantly API v2 (\`components["schemas"][${stringLiteral(schema.name)}]\`).`,
      title,
      schema.description,
      [
        returns.length > 0 ? `Returned by ${listed(returns)}.` : undefined,
        takes.length > 0 ? `Sent to ${listed(takes)}.` : undefined,
      ]
        .filter(Boolean)
        .join("\n"),
    ],
    [
      `@example\nimport type { ${schema.name} } from "@instantly-kit/types";`,
      ...(deprecated ? ["@deprecated"] : []),
    ],
  );
}

export function renderSchemaTypes(
  schemas: readonly NamedSchema[],
  operations: readonly Operation[] = [],
): string {
  const lines = ['import type { components } from "./openapi.gen.js";', ""];
  for (const schema of schemas) {
    lines.push(
      schemaDoc(schema, operations),
      `export type ${identifier(schema.name)} = components["schemas"][${stringLiteral(schema.name)}];`,
    );
  }
  return `${lines.join("\n")}\n`;
}
