import { isObject, type SpecModel } from "../../model/index.ts";
import { type TS, ts } from "../react-query/syntax.ts";
import type { OperationSchemaNames } from "./names.ts";

// The body transforms (closed-bodies.ts, unique-arrays.ts) change some of orval's zod calls in a request body's schema
// because of a keyword orval drops (`additionalProperties: false`, `uniqueItems: true`). This module finds, for each
// call orval wrote, the spec node it came from.
//
// A node is matched by where it is: the steps on the way from the body's root — property names and tuple places (a
// `prefixItems` position, or the `items` after them); unions, `allOf`, maps and wrappers add none — and for an array
// the number of arrays entered since the last step (`grid: [[…]]`: the outer array is 0, the inner 1). An object is
// matched by the names it lists, too. Two spec nodes at one place whose verdicts differ as alternatives (an `anyOf`
// of a closed and an open object with the same names; two arrays, one unique) leave the call as orval wrote it: the
// looser verdict, never a body refused that the spec allows. Nodes that all hold of the same value (a node's own
// keywords and each part of its `allOf`) are not alternatives: one unique part makes the array unique, one closed
// part closes the object, as Ajv reads them. Nodes behind a `$ref` are component schemas, which responses share
// (ADR 0032), and are not walked.

const MAX_DEPTH = 64;

type Json = Record<string, unknown>;

/** What a transform asks of a spec node: its verdict. `true` at a place (see `Verdict`) selects the call there. */
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

/**
 * A step from a body's root: a property's name, or a place of a tuple that is `arrays` arrays past the last step —
 * its prefix item `item`, or its items from `rest` on (the `items` beside `prefixItems`). Each place holds its own
 * values (`prefixItems: [unique booleans, plain integers]`), so each is a place of its own, as orval writes each
 * as an argument of its own (`zod.tuple([A, B]).rest(C)`).
 */
type Step = string | { arrays: number; item: number } | { arrays: number; rest: number };

function objectKey(path: readonly Step[], properties: readonly string[]): string {
  return JSON.stringify([path, [...properties].sort()]);
}

function arrayKey(path: readonly Step[], arrays: number): string {
  return JSON.stringify([path, arrays]);
}

function hasType(type: unknown, name: string): boolean {
  return type === name || (Array.isArray(type) && type.includes(name));
}

/**
 * A place's verdict: every node there selects it (`true`) or none does (`false`); `"some"`: the nodes there select
 * it, but an alternative (an `anyOf` branch) has no node there and so binds nothing — the calls there are those
 * nodes' own, and are selected, unless something that holds of every value (`both`) says otherwise; `undefined`:
 * the nodes disagree, and the call stays as orval wrote it.
 */
type Verdict = boolean | "some" | undefined;
type VerdictMap = Map<string, Verdict>;
interface Verdicts {
  objects: VerdictMap;
  arrays: VerdictMap;
}

const KINDS = ["objects", "arrays"] as const;
const none = (): Verdicts => ({ objects: new Map(), arrays: new Map() });
const selects = (verdict: Verdict): boolean => verdict === true || verdict === "some";

/** Nodes that the key puts at one place though they are about different values (a map's values, `contains`). */
function conflated(into: Verdicts, from: Verdicts): Verdicts {
  for (const kind of KINDS)
    for (const [key, verdict] of from[kind]) {
      const had = into[kind];
      if (!had.has(key) || had.get(key) === verdict) had.set(key, verdict);
      else if (selects(had.get(key)) && selects(verdict)) had.set(key, "some");
      else had.set(key, undefined);
    }
  return into;
}

/** The branches of an `anyOf`/`oneOf`: a value meets one of them, so a branch without a node at a place binds nothing there. */
function alternatives(branches: Verdicts[]): Verdicts {
  const merged = none();
  for (const kind of KINDS) {
    const keys = new Set(branches.flatMap((branch) => [...branch[kind].keys()]));
    for (const key of keys) {
      const present = branches
        .filter((branch) => branch[kind].has(key))
        .map((branch) => branch[kind].get(key));
      const first = present[0];
      const verdict: Verdict = present.every((verdict) => verdict === first)
        ? first
        : present.every(selects)
          ? "some"
          : undefined;
      merged[kind].set(key, present.length < branches.length && verdict === true ? "some" : verdict);
    }
  }
  return merged;
}

/**
 * Nodes that all hold of the same value (a node's own keywords, its properties and items, each part of its
 * `allOf`, its `anyOf` as a whole): one that binds the place and selects it selects it — a unique part makes the
 * array unique, a closed part closes the object — whatever the others say.
 */
function both(into: Verdicts, from: Verdicts): Verdicts {
  for (const kind of KINDS)
    for (const [key, verdict] of from[kind]) {
      const had = into[kind];
      const was = had.get(key);
      if (!had.has(key) || was === verdict) had.set(key, verdict);
      else if (was === true || verdict === true) had.set(key, true);
      else if (selects(was) && selects(verdict)) had.set(key, "some");
      else had.set(key, undefined);
    }
  return into;
}

/** Each inline object and array of a body schema (not behind a `$ref`) → the rules' verdict, by key. */
function specVerdicts(schema: unknown, rules: BodyRules): Verdicts {
  const walk = (node: unknown, path: Step[], arrayDepth: number, depth: number): Verdicts => {
    const holds = none();
    if (!isObject(node) || "$ref" in node || depth > MAX_DEPTH) return holds;
    const elsewhere = none();
    const properties = isObject(node.properties) ? node.properties : {};
    // An object without properties counts too: orval writes `zod.object({})` for it, and a closed one takes no key.
    const isClosedEmpty = node.additionalProperties === false || node.unevaluatedProperties === false;
    if (Object.keys(properties).length > 0 || isClosedEmpty || hasType(node.type, "object")) {
      if (rules.object) holds.objects.set(objectKey(path, Object.keys(properties)), rules.object(node));
      for (const [name, child] of Object.entries(properties))
        both(holds, walk(child, [...path, name], 0, depth + 1));
    }
    // `uniqueItems` alone (an `allOf` part beside the array it constrains) is about an array too.
    if (hasType(node.type, "array") || "items" in node || "prefixItems" in node || "uniqueItems" in node) {
      if (rules.array) holds.arrays.set(arrayKey(path, arrayDepth), rules.array(node));
    }
    // What an item must be is one array further in; with `prefixItems`, each of them at its tuple place, and
    // `items` at the place of the items after them.
    const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : undefined;
    if (tuple) {
      for (const [item, child] of tuple.entries())
        both(holds, walk(child, [...path, { arrays: arrayDepth, item }], 0, depth + 1));
      both(holds, walk(node.items, [...path, { arrays: arrayDepth, rest: tuple.length }], 0, depth + 1));
    } else both(holds, walk(node.items, path, arrayDepth + 1, depth + 1));
    conflated(elsewhere, walk(node.contains, path, arrayDepth + 1, depth + 1));
    for (const key of ["additionalProperties", "not", "if", "then", "else"])
      conflated(elsewhere, walk(node[key], path, arrayDepth, depth + 1));
    if (Array.isArray(node.allOf))
      for (const part of node.allOf) both(holds, walk(part, path, arrayDepth, depth + 1));
    for (const key of ["anyOf", "oneOf"]) {
      const list = node[key];
      if (Array.isArray(list))
        both(holds, alternatives(list.map((branch) => walk(branch, path, arrayDepth, depth + 1))));
    }
    return conflated(holds, elsewhere);
  };
  return walk(schema, [], 0, 0);
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

/** The items of `zod.tuple([…])`, as orval writes it: one per `prefixItems` entry, in order. */
function tupleItems(node: TS.Node | undefined): readonly TS.Expression[] | undefined {
  const [list] = node !== undefined && isZodCall(node, "tuple") ? node.arguments : [];
  return list !== undefined && ts.isArrayLiteralExpression(list) ? list.elements : undefined;
}

/**
 * Where the items of `X.rest(Y)` start: after the items of the `zod.tuple([…])` that X's chain starts from
 * (`zod.tuple([A, B]).rest(C)`: 2); undefined when X is not such a chain.
 */
function restStart(rest: TS.CallExpression): number | undefined {
  let at: TS.Expression = (rest.expression as TS.PropertyAccessExpression).expression;
  while (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression)) {
    const items = tupleItems(at);
    if (items !== undefined) return items.length;
    at = at.expression.expression;
  }
  return undefined;
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
    const visit = (node: TS.Node, path: Step[], arrays: number): void => {
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
          selects(verdicts.objects.get(objectKey(path, properties as string[])))
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
        if (selects(verdicts.arrays.get(arrayKey(path, arrays)))) found.arrays.add(node);
        for (const item of node.arguments) visit(item, path, arrays + 1);
        return;
      }
      if (isZodCall(node, "tuple")) {
        // `prefixItems`: orval writes `zod.tuple([…])`, an array all the same to `uniqueItems`; each of its items
        // at its own place.
        if (selects(verdicts.arrays.get(arrayKey(path, arrays)))) found.arrays.add(node);
        for (const [index, item] of (tupleItems(node) ?? []).entries())
          visit(item, [...path, { arrays, item: index }], 0);
        return;
      }
      if (isRestCall(node)) {
        visit(node.expression, path, arrays);
        // The items after the tuple's. A `.rest` on anything else orval might write has no place in the spec
        // walk: nothing in it is selected, the looser verdict.
        const from = restStart(node);
        if (from !== undefined)
          for (const item of node.arguments) visit(item, [...path, { arrays, rest: from }], 0);
        return;
      }
      ts.forEachChild(node, (child) => visit(child, path, arrays));
    };
    visit(initializer, [], 0);
  }
  return found;
}
