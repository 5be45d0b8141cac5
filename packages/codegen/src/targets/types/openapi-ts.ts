import openapiTS, { astToString } from "openapi-typescript";

/**
 * `paths`, `components`, `operations` exactly as openapi-typescript 7 emits them (it escapes spec text in its
 * own comments). We keep its defaults (interfaces, 3.1 `type: [T, "null"]` → `T | null`) and skip `rootTypes`:
 * the named schema types are emitted separately (schemas.gen.ts) so their names can be checked for collisions.
 * Dangling `$ref`s never reach it: normalization removed them (spec/normalize/dangling-refs.ts).
 */
export async function renderOpenapiTypes(document: Readonly<Record<string, unknown>>): Promise<string> {
  // A copy: the model's document is shared by every target of the run and openapi-typescript's bundler may
  // annotate what it is given.
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript wants its own OpenAPI3 type; the doc is validated upstream.
  const ast = await openapiTS(structuredClone(document) as any, { silent: true, alphabetize: false });
  return astToString(ast);
}
