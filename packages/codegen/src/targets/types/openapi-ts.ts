import openapiTS, { astToString } from "openapi-typescript";
import { shareRepeatedResponses } from "./shared-responses.ts";

/**
 * `paths`, `components`, `operations` exactly as openapi-typescript 7 emits them (it escapes spec text in its
 * own comments). We keep its defaults (interfaces, 3.1 `type: [T, "null"]` → `T | null`) and skip `rootTypes`:
 * the named schema types are emitted separately (schemas.gen.ts) so their names can be checked for collisions.
 * Dangling `$ref`s never reach it: normalization removed them (spec/normalize/dangling-refs.ts). Repeated error
 * responses are declared once (shared-responses.ts): half the file, and what every app parses (ADR 0025).
 */
export async function renderOpenapiTypes(document: Readonly<Record<string, unknown>>): Promise<string> {
  // shareRepeatedResponses works on a copy: the model's document is shared by every target of the run and
  // openapi-typescript's bundler may annotate what it is given.
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript wants its own OpenAPI3 type; the doc is validated upstream.
  const ast = await openapiTS(shareRepeatedResponses(document) as any, { silent: true, alphabetize: false });
  return astToString(ast);
}
