/**
 * The request function of one operation (`export const getCampaign = (id, options, signal) => …`): orval's
 * parameters are kept, its body is replaced by one call of our mutator with the spec's path template, so
 * @instantly-kit/client (openapi-fetch) does path/query serialization and all transport. What orval's body says
 * (which identifier fills which path parameter, which parameter is the query, which the body) is read from its
 * syntax tree and returned for the other transforms.
 */

import type { HookOperation } from "./operations.ts";
import type { ParamTypeNames } from "./param-types.ts";
import type { TS } from "./syntax.ts";
import { call, f, fail, id, opType, str, ts, typeRef } from "./syntax.ts";

export interface RequestShape {
  operation: HookOperation;
  /** orval's parameters without `options`/`signal` (path parameters, then body/query), as declared. */
  parameters: TS.ParameterDeclaration[];
  /** orval's variable for each spec path parameter, by spec name. */
  pathVariables: Map<string, string>;
  query: string | undefined;
  body: TS.ParameterDeclaration | undefined;
}

function property(object: TS.ObjectLiteralExpression, name: string): TS.ObjectLiteralElementLike | undefined {
  return object.properties.find(
    (element) => element.name !== undefined && ts.isIdentifier(element.name) && element.name.text === name,
  );
}

/** The identifier a config property names: `params` (shorthand) or `data: createThingBody`. */
function propertyIdentifier(element: TS.ObjectLiteralElementLike | undefined): string | undefined {
  if (!element) return undefined;
  if (ts.isShorthandPropertyAssignment(element)) return element.name.text;
  if (ts.isPropertyAssignment(element) && ts.isIdentifier(element.initializer))
    return element.initializer.text;
  return undefined;
}

export function readRequestShape(operation: HookOperation, arrow: TS.ArrowFunction): RequestShape {
  const where = `request function of ${JSON.stringify(operation.id)}`;
  const body = ts.isBlock(arrow.body) ? arrow.body : fail(`${where}: no block body`);
  const returned = body.statements.find(ts.isReturnStatement)?.expression;
  const config = returned && ts.isCallExpression(returned) ? returned.arguments[0] : undefined;
  if (!config || !ts.isObjectLiteralExpression(config))
    fail(`${where}: no mutator call with a config object`);
  const url = property(config, "url");
  if (!url || !ts.isPropertyAssignment(url)) fail(`${where}: no url in the mutator config`);
  const urlVariables = ts.isTemplateExpression(url.initializer)
    ? url.initializer.templateSpans.map((span) =>
        ts.isIdentifier(span.expression)
          ? span.expression.text
          : fail(`${where}: URL interpolates an expression`),
      )
    : [];
  if (urlVariables.length !== operation.pathParamNames.length) {
    fail(
      `${where}: orval's URL has ${urlVariables.length} parameter(s), the path ${operation.path} has ${operation.pathParamNames.length}`,
    );
  }
  const query = propertyIdentifier(property(config, "params"));
  const bodyName = propertyIdentifier(property(config, "data"));
  const parameters = arrow.parameters.filter(
    (parameter) => !["options", "signal"].includes((parameter.name as TS.Identifier).text),
  );
  return {
    operation,
    parameters,
    pathVariables: new Map(
      operation.pathParamNames.map((name, index) => [name, urlVariables[index] as string]),
    ),
    query,
    body: parameters.find((parameter) => (parameter.name as TS.Identifier).text === bodyName),
  };
}

function responseType(operation: HookOperation): TS.TypeNode {
  if (operation.successBody === "json") return opType("ResponseBody", operation.id);
  return f.createKeywordTypeNode(
    operation.successBody === "text" ? ts.SyntaxKind.StringKeyword : ts.SyntaxKind.VoidKeyword,
  );
}

/** `{ return instantlyRequest<T>({ method, path, pathParams, query, body, parseAs, signal }, options); }` */
export function requestBody(shape: RequestShape): TS.Statement[] {
  const { operation } = shape;
  const config: TS.ObjectLiteralElementLike[] = [
    f.createPropertyAssignment("method", str(operation.method.toUpperCase())),
    f.createPropertyAssignment("path", str(operation.path)),
  ];
  if (shape.pathVariables.size > 0) {
    const entries = [...shape.pathVariables].map(([name, variable]) =>
      f.createPropertyAssignment(str(name), id(variable)),
    );
    config.push(f.createPropertyAssignment("pathParams", f.createObjectLiteralExpression(entries)));
  }
  if (shape.query) config.push(f.createPropertyAssignment("query", id(shape.query)));
  if (shape.body)
    config.push(f.createPropertyAssignment("body", id((shape.body.name as TS.Identifier).text)));
  if (operation.successBody === "text") config.push(f.createPropertyAssignment("parseAs", str("text")));
  config.push(f.createShorthandPropertyAssignment("signal"));
  return [
    f.createReturnStatement(
      call(
        "instantlyRequest",
        [f.createObjectLiteralExpression(config), id("options")],
        [responseType(operation)],
      ),
    ),
  ];
}

/**
 * What the post-processing changes in every declaration of a tag file, by exact identifier (never by text):
 * orval's scratch model names for bodies and query objects become the named parameter types of model.gen.ts
 * (param-types.ts: `CreateThingBody`, `ListThingParams`; an array body `CreateThingsBodyItem[]` becomes
 * `CreateThingsBody` as a whole), and orval's request-function names become the operationIds.
 */
export interface TypeMapping {
  /** orval type name → replacement, for `Name` references. */
  names: Map<string, TS.TypeNode>;
  /** orval element type name → replacement, for `Name[]` array types. */
  arraysOf: Map<string, TS.TypeNode>;
  /** orval's request-function name → the operationId, for `typeof name` and calls `name(…)`. */
  functions: Map<string, string>;
}

export function mapRequestTypes(
  shape: RequestShape,
  names: ParamTypeNames | undefined,
  schemaNames: ReadonlySet<string>,
  into: TypeMapping,
): void {
  const { operation } = shape;
  const register = (type: TS.TypeNode | undefined, name: string | undefined, what: string) => {
    // No name: no such parameter, or a body typed by a component schema (orval prints the schema's name).
    if (!type || !name) return;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
      const orvalName = type.typeName.text;
      if (schemaNames.has(orvalName)) {
        fail(
          `${JSON.stringify(operation.id)}: orval names its ${what} ${orvalName}, which is also a component schema`,
        );
      }
      // orval's name is usually the one model.gen.ts declares (`CreateLeadBody`): then nothing changes, and the
      // declarations that mention it stay orval's text (postprocess.ts prints only what a transform touched).
      if (orvalName !== name) into.names.set(orvalName, typeRef(name));
    } else if (
      ts.isArrayTypeNode(type) &&
      ts.isTypeReferenceNode(type.elementType) &&
      ts.isIdentifier(type.elementType.typeName)
    ) {
      into.arraysOf.set(type.elementType.typeName.text, typeRef(name));
    } else {
      fail(`${JSON.stringify(operation.id)}: orval's ${what} type is neither a name nor an array of one`);
    }
  };
  register(shape.body?.type, names?.body, "request body");
  const query = shape.parameters.find((parameter) => (parameter.name as TS.Identifier).text === shape.query);
  register(query?.type, names?.params, "query parameters");
  if (operation.orvalName !== operation.id) into.functions.set(operation.orvalName, operation.id);
}

/** Applies a {@link TypeMapping} to a tree (exact identifiers only). */
export function replaceTypes<T extends TS.Node>(
  node: T,
  mapping: TypeMapping,
  context: TS.TransformationContext,
): T {
  if (mapping.names.size === 0 && mapping.arraysOf.size === 0 && mapping.functions.size === 0) return node;
  const renamed = (name: TS.Identifier) => {
    const to = mapping.functions.get(name.text);
    return to === undefined ? name : id(to);
  };
  const visit = (child: TS.Node): TS.Node => {
    if (ts.isTypeReferenceNode(child) && ts.isIdentifier(child.typeName) && !child.typeArguments) {
      const replacement = mapping.names.get(child.typeName.text);
      if (replacement) return replacement;
    }
    if (
      ts.isArrayTypeNode(child) &&
      ts.isTypeReferenceNode(child.elementType) &&
      ts.isIdentifier(child.elementType.typeName)
    ) {
      const replacement = mapping.arraysOf.get(child.elementType.typeName.text);
      if (replacement) return replacement;
    }
    if (ts.isTypeQueryNode(child) && ts.isIdentifier(child.exprName)) {
      return f.updateTypeQueryNode(child, renamed(child.exprName), child.typeArguments);
    }
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression)) {
      const types = child.typeArguments?.map((type) => ts.visitNode(type, visit) as TS.TypeNode);
      const args = child.arguments.map((argument) => ts.visitNode(argument, visit) as TS.Expression);
      return f.updateCallExpression(child, renamed(child.expression), types, args);
    }
    return ts.visitEachChild(child, visit, context);
  };
  return ts.visitNode(node, visit) as T;
}
