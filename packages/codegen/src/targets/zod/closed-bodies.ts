import { isObject, type SpecModel } from "../../model/index.ts";
import type { TS } from "../react-query/syntax.ts";
import { matchBodyCalls } from "./body-places.ts";
import type { OperationSchemaNames } from "./names.ts";

// A request body's object that the spec closes (`additionalProperties: false`) must refuse a property it does not
// list, as the API does and as the mock does (ADR 0030): otherwise `validate: { request: "throw" }` lets through a
// body the mock then answers 400, and `createLeadLabelBody.parse()` accepts what the API refuses. orval 8 ignores
// `additionalProperties: false` on an object with properties; its only lever, `strict.body`, closes every object of
// a body, also those the spec leaves open (22 operations of the pinned spec mix both). So the closed ones are found
// here, on orval's tree, and become `zod.strictObject(…)` (postprocess.ts). Responses stay open (ADR 0032: a field
// the API added is not drift), and so do component schemas, which responses share.
//
// Which call of orval's tree an object of the spec became is body-places.ts's work, shared with unique-arrays.ts.

const APPLICATORS = [
  "allOf",
  "anyOf",
  "oneOf",
  "if",
  "then",
  "else",
  "not",
  "dependentSchemas",
  "$ref",
  "$dynamicRef",
];

/**
 * Takes no key but those in `properties`. `additionalProperties: false` beside `patternProperties` still takes the
 * keys the patterns match, which `zod.strictObject` would refuse (a body the API accepts); `unevaluatedProperties:
 * false` means the same as `additionalProperties: false` only where no applicator can evaluate a key.
 */
function isClosed(node: Record<string, unknown>): boolean {
  if (isObject(node.patternProperties) && Object.keys(node.patternProperties).length > 0) return false;
  if (node.additionalProperties === false) return true;
  return (
    node.unevaluatedProperties === false &&
    node.additionalProperties === undefined &&
    APPLICATORS.every((keyword) => node[keyword] === undefined)
  );
}

/** The `zod.object(…)` calls of orval's body schemas that the spec closes. */
export function closedBodyObjects(
  source: TS.SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
): Set<TS.CallExpression> {
  return matchBodyCalls(source, model, names, { object: isClosed }).objects;
}
