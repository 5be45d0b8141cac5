import { stringLiteral } from "../../emit/index.ts";
import { isIdentifier } from "../naming.ts";

/** Component schema names that can be exported as-is (normalization makes them PascalCase titles). */
export function exportableSchemaNames(
  document: Record<string, unknown>,
  reserved: ReadonlySet<string>,
): string[] {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  return Object.keys(components?.schemas ?? {}).filter((name) => isIdentifier(name) && !reserved.has(name));
}

/** `export type Campaign = components["schemas"]["Campaign"];` for every schema. */
export function renderSchemaTypes(names: string[]): string {
  const lines = ['import type { components } from "./openapi.gen.js";', ""];
  for (const name of names)
    lines.push(`export type ${name} = components["schemas"][${stringLiteral(name)}];`);
  return `${lines.join("\n")}\n`;
}
