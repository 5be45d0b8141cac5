import { isObject, type SpecModel } from "../../model/index.ts";
import { type TS, ts } from "../react-query/syntax.ts";
import type { OperationSchemaNames } from "./names.ts";

// The body transforms (closed-bodies.ts, unique-arrays.ts) change some of orval's zod calls in a request body's schema
// because of a keyword orval drops (`additionalProperties: false`, `uniqueItems: true`). This module finds, for each
// call orval wrote, the spec node it came from.
//
// A node is matched by where it is: the property names on the way from the body's root (unions, `allOf`, maps and
// wrappers add nothing), and for an array the number of arrays entered since the last property (`grid: [[…]]`:
// the outer array is 0, the inner 1). An object is matched by the names it lists, too. Two spec nodes at one place
// whose verdicts differ (an `anyOf` of a closed and an open object with the same names; two arrays, one unique)
// leave the call as orval wrote it: the looser verdict, never a body refused that the spec allows. Nodes behind a
// `$ref` are component schemas, which responses share (ADR 0032), and are not walked.

const MAX_DEPTH = 64;

type Json = Record<string, unknown>;

/** What a transform asks of a spec node: its verdict. `true` everywhere at a place selects the call there. */
export interface BodyRules {
  /** For an object (with properties, or typed `object`, or closed). */
  object?: (node: Json) => boolean;
  /** For an array (typed `array`, or with `items`/`prefixItems`). */
  array?: (node: Json) => boolean;
}

/** The calls of orval's body schemas that the rules select: `zod.object(…)`, `zod.array(…)` or `zod.tuple(…)`. */
export interface BodyCalls {
  objects: Set<TS.CallExpression>;
  arrays: Set<TS.CallExpression>;
}

function objectKey(path: readonly string[], properties: readonly string[]): string {
  return JSON.stringify([path, [...properties].sort()]);
}

function arrayKey(path: readonly string[], arrays: number): string {
  return JSON.stringify([path, arrays]);
}

function hasType(type: unknown, name: string): boolean {
  return type === name || (Array.isArray(type) && type.includes(name));
}

function record(verdicts: Map<string, boolean | undefined>, key: string, verdict: boolean): void {
  verdicts.set(key, verdicts.has(key) && verdicts.get(key) !== verdict ? undefined : verdict);
}

/** Each inline object and array of a body schema (not behind a `$ref`) → the rules' verdict, by key. */
function specVerdicts(
  schema: unknown,
  rules: BodyRules,
): { objects: Map<string, boolean | undefined>; arrays: Map<string, boolean | undefined> } {
  const objects = new Map<string, boolean | undefined>();
  const arrays = new Map<string, boolean | undefined>();
  const walk = (node: unknown, path: string[], arrayDepth: number, depth: number): void => {
    if (!isObject(node) || "$ref" in node || depth > MAX_DEPTH) return;
    const properties = isObject(node.properties) ? node.properties : {};
    // An object without properties counts too: orval writes `zod.object({})` for it, and a closed one takes no key.
    const isClosedEmpty = node.additionalProperties === false || node.unevaluatedProperties === false;
    if (Object.keys(properties).length > 0 || isClosedEmpty || hasType(node.type, "object")) {
      if (rules.object) record(objects, objectKey(path, Object.keys(properties)), rules.object(node));
      for (const [name, child] of Object.entries(properties)) walk(child, [...path, name], 0, depth + 1);
    }
    if (hasType(node.type, "array") || "items" in node || "prefixItems" in node) {
      if (rules.array) record(arrays, arrayKey(path, arrayDepth), rules.array(node));
    }
    // What an item must be is one array further in.
    for (const key of ["items", "contains"]) walk(node[key], path, arrayDepth + 1, depth + 1);
    if (Array.isArray(node.prefixItems))
      for (const child of node.prefixItems) walk(child, path, arrayDepth + 1, depth + 1);
    for (const key of ["additionalProperties", "not", "if", "then", "else"])
      walk(node[key], path, arrayDepth, depth + 1);
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      const list = node[key];
      if (Array.isArray(list)) for (const child of list) walk(child, path, arrayDepth, depth + 1);
    }
  };
  walk(schema, [], 0, 0);
  return { objects, arrays };
}

/** `zod.<name>(…)`'s call, when `node` is one. */
function isZodCall(node: TS.Node, name: string): node is TS.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "zod" &&
    callee.name.text === name
  );
}

/** `zod.object({ … })` with its literal: what orval writes for an object with properties. */
function objectLiteralOf(node: TS.Node): TS.ObjectLiteralExpression | undefined {
  const literal = isZodCall(node, "object") ? node.arguments[0] : undefined;
  return literal !== undefined && ts.isObjectLiteralExpression(literal) ? literal : undefined;
}

/** `X.rest(Y)`: the items after a tuple's (orval writes `zod.tuple([…]).rest(…)` for `prefixItems` + `items`). */
function isRestCall(node: TS.Node): node is TS.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "rest"
  );
}

function propertyName(element: TS.ObjectLiteralElementLike): string | undefined {
  const name = element.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** The body schema (from the model) of each of orval's `<Operation>Body` declarations. */
function bodySchemas(
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
): Map<string, unknown> {
  const bodies = new Map<string, unknown>();
  for (const operation of model.operations) {
    const schema = operation.requestBody?.json?.schema;
    const name = names.get(operation.id);
    if (schema !== undefined && name) bodies.set(`${name.orvalPrefix}Body`, schema);
  }
  return bodies;
}

/** The `zod.object(…)` and `zod.array(…)` calls of orval's body schemas whose spec nodes the rules select. */
export function matchBodyCalls(
  source: TS.SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
  rules: BodyRules,
): BodyCalls {
  const bodies = bodySchemas(model, names);
  const initializers = new Map<string, TS.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations)
      if (ts.isIdentifier(declaration.name) && declaration.initializer)
        initializers.set(declaration.name.text, declaration.initializer);
  }
  const found: BodyCalls = { objects: new Set(), arrays: new Set() };
  for (const [bodyName, schema] of bodies) {
    const initializer = initializers.get(bodyName);
    if (initializer === undefined) continue;
    const verdicts = specVerdicts(schema, rules);
    // A body that is an array: orval hoists its item into `export const <Body>Item = …` and writes
    // `<Body> = zod.array(<Body>Item)`; the item is walked where the reference to it stands.
    const itemName = `${bodyName}Item`;
    const visit = (node: TS.Node, path: string[], arrays: number): void => {
      if (ts.isIdentifier(node) && node.text === itemName) {
        const item = initializers.get(itemName);
        if (item) visit(item, path, arrays);
        return;
      }
      const literal = objectLiteralOf(node);
      if (literal) {
        const properties = literal.properties.map(propertyName);
        if (
          properties.every((name) => name !== undefined) &&
          verdicts.objects.get(objectKey(path, properties as string[])) === true
        )
          found.objects.add(node as TS.CallExpression);
        for (const element of literal.properties) {
          const name = propertyName(element);
          if (name !== undefined && ts.isPropertyAssignment(element))
            visit(element.initializer, [...path, name], 0);
        }
        return;
      }
      if (isZodCall(node, "array")) {
        if (verdicts.arrays.get(arrayKey(path, arrays)) === true) found.arrays.add(node);
        for (const item of node.arguments) visit(item, path, arrays + 1);
        return;
      }
      if (isZodCall(node, "tuple")) {
        // `prefixItems`: orval writes `zod.tuple([…])`, an array all the same to `uniqueItems`.
        if (verdicts.arrays.get(arrayKey(path, arrays)) === true) found.arrays.add(node);
        for (const item of node.arguments) visit(item, path, arrays + 1);
        return;
      }
      if (isRestCall(node)) {
        visit(node.expression, path, arrays);
        for (const item of node.arguments) visit(item, path, arrays + 1);
        return;
      }
      ts.forEachChild(node, (child) => visit(child, path, arrays));
    };
    visit(initializer, [], 0);
  }
  return found;
}
