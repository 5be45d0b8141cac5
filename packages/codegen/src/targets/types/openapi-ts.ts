import openapiTS, { astToString } from "openapi-typescript";

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of the document whose local `$ref`s that point nowhere are replaced by `{}` (typed `unknown`).
 * Upstream has shipped refs to schemas that do not exist; normalization already warns about them, and
 * openapi-typescript would otherwise abort the whole generation over one property.
 */
export function withoutDanglingRefs(document: Schema): Schema {
  const resolves = (ref: string): boolean => {
    if (!ref.startsWith("#/")) return true;
    let node: unknown = document;
    for (const raw of ref.slice(2).split("/")) {
      const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
      if (!isObject(node) || !(key in node)) return false;
      node = node[key];
    }
    return true;
  };
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string" && !resolves(node.$ref)) return {};
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) out[key] = copy(value);
    return out;
  };
  return copy(document) as Schema;
}

/**
 * `paths`, `components`, `operations` exactly as openapi-typescript 7 emits them. We keep its defaults
 * (interfaces, 3.1 `type: [T, "null"]` → `T | null`) and skip `rootTypes`: the named schema types are
 * emitted separately (schemas.gen.ts) so their names can be checked for collisions.
 */
export async function renderOpenapiTypes(document: Schema): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript wants its own OpenAPI3 type; the doc is validated upstream.
  const ast = await openapiTS(withoutDanglingRefs(document) as any, { silent: true, alphabetize: false });
  return astToString(ast);
}
