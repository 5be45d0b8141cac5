import { identifier, stringLiteral } from "../../emit/index.ts";
import type { NamedSchema } from "../../model/index.ts";

/** `export type Campaign = components["schemas"]["Campaign"];` for every exported schema (docs are on `components`). */
export function renderSchemaTypes(schemas: readonly NamedSchema[]): string {
  const lines = ['import type { components } from "./openapi.gen.js";', ""];
  for (const schema of schemas) {
    lines.push(
      `export type ${identifier(schema.name)} = components["schemas"][${stringLiteral(schema.name)}];`,
    );
  }
  return `${lines.join("\n")}\n`;
}
