import { isObject, type SpecModel } from "../../model/index.ts";
import { type TS, ts } from "../react-query/syntax.ts";
import type { OperationSchemaNames } from "./names.ts";

// A request body's object that the spec closes (`additionalProperties: false`) must refuse a property it does not
// list, as the API does and as the mock does (ADR 0030): otherwise `validate: { request: "throw" }` lets through a
// body the mock then answers 400, and `createLeadLabelBody.parse()` accepts what the API refuses. orval 8 ignores
// `additionalProperties: false` on an object with properties; its only lever, `strict.body`, closes every object of
// a body, also those the spec leaves open (22 operations of the pinned spec mix both). So the closed ones are found
// here, on orval's tree, and become `zod.strictObject(…)` (postprocess.ts). Responses stay open (ADR 0032: a field
// the API added is not drift), and so do component schemas, which responses share.
//
// An object in orval's tree is matched to the spec's by where it is (the property names on the way from the body's
// root; arrays, unions and wrappers add nothing) and by the names it lists. Two spec objects with that same key but
// not the same `additionalProperties` (possible only in a spec written to confuse) leave the object open: a looser
// verdict, never a body refused that the spec allows.

const MAX_DEPTH = 64;

function objectKey(path: readonly string[], properties: readonly string[]): string {
  return JSON.stringify([path, [...properties].sort()]);
}

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

function isObjectType(type: unknown): boolean {
  return type === "object" || (Array.isArray(type) && type.includes("object"));
}

/** Each inline object of a body schema (not behind a `$ref`: those are component schemas) → closed? */
function specObjects(schema: unknown): Map<string, boolean | undefined> {
  const objects = new Map<string, boolean | undefined>();
  const walk = (node: unknown, path: string[], depth: number): void => {
    if (!isObject(node) || "$ref" in node || depth > MAX_DEPTH) return;
    const properties = isObject(node.properties) ? node.properties : {};
    // An object without properties counts too: orval writes `zod.object({})` for it, and a closed one takes no key.
    if (Object.keys(properties).length > 0 || isClosed(node) || isObjectType(node.type)) {
      const key = objectKey(path, Object.keys(properties));
      const closed = isClosed(node);
      objects.set(key, objects.has(key) && objects.get(key) !== closed ? undefined : closed);
      for (const [name, child] of Object.entries(properties)) walk(child, [...path, name], depth + 1);
    }
    for (const key of ["items", "additionalProperties", "not", "if", "then", "else", "contains"])
      walk(node[key], path, depth + 1);
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
      const list = node[key];
      if (Array.isArray(list)) for (const child of list) walk(child, path, depth + 1);
    }
  };
  walk(schema, [], 0);
  return objects;
}

/** `zod.object({ … })` with its literal: what orval writes for an object with properties. */
function objectLiteralOf(node: TS.Node): TS.ObjectLiteralExpression | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const literal = node.arguments[0];
  return ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "zod" &&
    callee.name.text === "object" &&
    literal !== undefined &&
    ts.isObjectLiteralExpression(literal)
    ? literal
    : undefined;
}

function propertyName(element: TS.ObjectLiteralElementLike): string | undefined {
  const name = element.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** The `zod.object(…)` calls of orval's body schemas that the spec closes. */
export function closedBodyObjects(
  source: TS.SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
): Set<TS.CallExpression> {
  const bodies = new Map<string, unknown>();
  for (const operation of model.operations) {
    const schema = operation.requestBody?.json?.schema;
    const name = names.get(operation.id);
    if (schema !== undefined && name) bodies.set(`${name.orvalPrefix}Body`, schema);
  }
  const closed = new Set<TS.CallExpression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const schema = bodies.get(declaration.name.text);
      if (schema === undefined) continue;
      const objects = specObjects(schema);
      const visit = (node: TS.Node, path: string[]): void => {
        const literal = objectLiteralOf(node);
        if (!literal) {
          ts.forEachChild(node, (child) => visit(child, path));
          return;
        }
        const properties = literal.properties.map(propertyName);
        if (properties.every((name) => name !== undefined)) {
          if (objects.get(objectKey(path, properties as string[])) === true)
            closed.add(node as TS.CallExpression);
        }
        for (const element of literal.properties) {
          const name = propertyName(element);
          if (name !== undefined && ts.isPropertyAssignment(element))
            visit(element.initializer, [...path, name]);
        }
      };
      visit(declaration.initializer, []);
    }
  }
  return closed;
}
