/**
 * What orval's query and mutation helpers cannot be configured to do, done on their syntax trees:
 * - query keys are hierarchical per resource (operations.ts `keySegments`): orval's are `[url, params]` with
 *   the verb and an `infinite` marker first, so a resource prefix cannot invalidate them;
 * - hooks take the client from <InstantlyProvider> (`useInstantlyRequestOptions(options)`), options helpers
 *   do not (they work outside React);
 * - a query whose path parameter is empty (`""`) is disabled like one whose parameter is null/undefined;
 * - mutations invalidate their resource (`withInvalidation`) and take a per-call `invalidate` option.
 */

import { invalidationPlan, KEY_ROOT, keySegments } from "./operations.ts";
import type { RequestShape } from "./request-function.ts";
import type { TS } from "./syntax.ts";
import {
  asConst,
  call,
  f,
  fail,
  id,
  spreadIfDefined,
  str,
  ts,
  typeRef,
  withBody,
  withMember,
} from "./syntax.ts";

const parameterNames = (arrow: TS.ArrowFunction | TS.FunctionDeclaration) =>
  arrow.parameters.map((parameter) => (parameter.name as TS.Identifier).text);

/** `getXQueryKey`: `["instantly", resource, scope, …segments with path values, query?, body?] as const`. */
export function queryKey(shape: RequestShape, arrow: TS.ArrowFunction): TS.ArrowFunction {
  const { resource, scope, rest } = keySegments(shape.operation.path);
  const elements: TS.Expression[] = [str(KEY_ROOT), str(resource), str(scope)];
  for (const segment of rest) {
    elements.push(
      "param" in segment ? id(shape.pathVariables.get(segment.param) as string) : str(segment.literal),
    );
  }
  const declared = new Set(parameterNames(arrow));
  if (shape.query && declared.has(shape.query)) elements.push(spreadIfDefined(shape.query));
  const body = shape.body && (shape.body.name as TS.Identifier).text;
  if (body && declared.has(body)) elements.push(spreadIfDefined(body));
  return withBody(arrow, [f.createReturnStatement(asConst(f.createArrayLiteralExpression(elements)))]);
}

/** `getXInfiniteQueryKey`: the query key followed by `"infinite"`, so `[resource]` still prefixes it. */
export function infiniteQueryKey(name: string, arrow: TS.ArrowFunction): TS.ArrowFunction {
  const inner = call(`get${name}QueryKey`, parameterNames(arrow).map(id));
  return withBody(arrow, [
    f.createReturnStatement(
      asConst(f.createArrayLiteralExpression([f.createSpreadElement(inner), str("infinite")])),
    ),
  ]);
}

/** In a hook: `getXQueryOptions(…, options)` → `getXQueryOptions(…, useInstantlyRequestOptions(options))`. */
export function injectClient(
  node: TS.Node,
  helper: string,
  context: TS.TransformationContext,
  onApplied: () => void,
): TS.Node {
  const visit = (child: TS.Node): TS.Node => {
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === helper) {
      const last = child.arguments.at(-1);
      if (!last || !ts.isIdentifier(last) || last.text !== "options")
        fail(`${helper} is not called with options last`);
      onApplied();
      return f.updateCallExpression(child, child.expression, child.typeArguments, [
        ...child.arguments.slice(0, -1),
        call("useInstantlyRequestOptions", [id("options")]),
      ]);
    }
    return ts.visitEachChild(child, visit, context);
  };
  return ts.visitNode(node, visit) as TS.Node;
}

/** `a !== null && a !== undefined && b !== null …` (left to right) as its `&&` operands. */
function conjuncts(expression: TS.Expression): TS.Expression[] {
  if (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
  )
    return [...conjuncts(expression.left), expression.right];
  return [expression];
}

/** `name !== null` or `name !== undefined`: the name and which of the two, or nothing. */
function absentCheck(expression: TS.Expression): { name: string; of: "null" | "undefined" } | undefined {
  if (!ts.isBinaryExpression(expression)) return undefined;
  if (expression.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken) return undefined;
  if (!ts.isIdentifier(expression.left)) return undefined;
  const right = expression.right;
  if (right.kind === ts.SyntaxKind.NullKeyword) return { name: expression.left.text, of: "null" };
  if (ts.isIdentifier(right) && right.text === "undefined")
    return { name: expression.left.text, of: "undefined" };
  return undefined;
}

/**
 * In a query options helper: orval's `enabled: id !== null && id !== undefined` (one pair per path parameter)
 * becomes `enabled: hasPathParams(id)`, which is also false for `""` — an empty path parameter is "nothing
 * selected" (`useGetCampaign(selectedId ?? "")`), and the client would refuse it with a TypeError (no `kind`).
 * orval has no option for it (its `enabled` is null/undefined only; `useSkipToken` is too). Any other shape of
 * orval's `enabled` fails generation: the tally expects this once per options helper with path parameters.
 */
export function requirePathParams(
  shape: RequestShape,
  node: TS.Node,
  context: TS.TransformationContext,
  onApplied: () => void,
): TS.Node {
  const names = [...shape.pathVariables.values()];
  const expected = names.flatMap((name) => [`${name}:null`, `${name}:undefined`]).join(" && ");
  const visit = (child: TS.Node): TS.Node => {
    if (ts.isPropertyAssignment(child) && ts.isIdentifier(child.name) && child.name.text === "enabled") {
      const checks = conjuncts(child.initializer).map(absentCheck);
      const found = checks.map((check) => (check ? `${check.name}:${check.of}` : "?")).join(" && ");
      if (names.length === 0 || found !== expected)
        fail(
          `orval's \`enabled\` of ${shape.operation.id} is not a null/undefined check of its path parameters (${names.join(", ") || "none"}) — has orval's output changed?`,
        );
      onApplied();
      return f.updatePropertyAssignment(child, child.name, call("hasPathParams", names.map(id)));
    }
    return ts.visitEachChild(child, visit, context);
  };
  return ts.visitNode(node, visit) as TS.Node;
}

/** The mutation's invalidation targets as a `(variables) => targets` arrow (operations.ts `invalidationPlan`). */
function invalidationTargets(shape: RequestShape): TS.ArrowFunction {
  const { resource } = keySegments(shape.operation.path);
  const plan = invalidationPlan(shape.operation);
  const arrow = (parameters: string[], properties: TS.ObjectLiteralElementLike[]) =>
    f.createArrowFunction(
      undefined,
      undefined,
      parameters.map((name) => f.createParameterDeclaration(undefined, undefined, name)),
      undefined,
      f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
      f.createParenthesizedExpression(f.createObjectLiteralExpression(properties)),
    );
  const afterJob = shape.operation.backgroundJob
    ? [f.createPropertyAssignment("afterJob", f.createTrue())]
    : [];
  if (!plan.item)
    return arrow(
      [],
      [
        f.createPropertyAssignment(
          "resource",
          f.createArrayLiteralExpression([str(KEY_ROOT), str(resource)]),
        ),
        ...afterJob,
      ],
    );
  const key = (scope: string, segments: NonNullable<typeof plan.item>) =>
    f.createArrayLiteralExpression([
      str(KEY_ROOT),
      str(resource),
      str(scope),
      ...segments.map((segment) =>
        "param" in segment
          ? f.createPropertyAccessExpression(
              id("variables"),
              shape.pathVariables.get(segment.param) as string,
            )
          : str(segment.literal),
      ),
    ]);
  // A nested item's own collection (`…/{id}/guidance-rules`) is under the parent item, not the resource's lists.
  const lists = [key("list", [])];
  if (plan.collection.some((segment) => "param" in segment)) lists.push(key("item", plan.collection));
  const properties = [
    f.createPropertyAssignment("item", key("item", plan.item)),
    f.createPropertyAssignment("lists", f.createArrayLiteralExpression(lists)),
  ];
  if (plan.removeItem) properties.push(f.createPropertyAssignment("removeItem", f.createTrue()));
  return arrow(["variables"], [...properties, ...afterJob]);
}

/** The variables type of a mutation: the third type argument of `UseMutationOptions` in `options.mutation`. */
function variablesType(options: TS.ParameterDeclaration): TS.TypeNode {
  const type = options.type;
  const mutation =
    type && ts.isTypeLiteralNode(type)
      ? type.members.find(
          (member) => member.name && ts.isIdentifier(member.name) && member.name.text === "mutation",
        )
      : undefined;
  const reference = mutation && ts.isPropertySignature(mutation) ? mutation.type : undefined;
  const variables = reference && ts.isTypeReferenceNode(reference) ? reference.typeArguments?.[2] : undefined;
  return variables ?? fail("mutation options without a UseMutationOptions<…, TVariables, …> type");
}

function invalidateMember(operationId: string, variables: TS.TypeNode): TS.PropertySignature {
  const data = typeRef("Awaited", typeRef("ReturnType", f.createTypeQueryNode(id(operationId))));
  return f.createPropertySignature(
    undefined,
    "invalidate",
    f.createToken(ts.SyntaxKind.QuestionToken),
    typeRef("InvalidateOption", data, variables),
  );
}

/**
 * `getXMutationOptions`: an `invalidate` option, and `return { mutationFn, ...mutationOptions }` becomes
 * `return withInvalidation({ … }, targets, options?.invalidate)`.
 */
export function mutationOptions(
  shape: RequestShape,
  arrow: TS.ArrowFunction,
  applied: (what: string) => void,
): TS.ArrowFunction {
  const options = arrow.parameters.find((parameter) => (parameter.name as TS.Identifier).text === "options");
  if (!options) fail(`mutation options of ${shape.operation.id} take no options`);
  const variables = variablesType(options);
  const block = ts.isBlock(arrow.body)
    ? arrow.body
    : fail(`mutation options of ${shape.operation.id} have no block`);
  const statements = block.statements.map((statement) => {
    if (
      !ts.isReturnStatement(statement) ||
      !statement.expression ||
      !ts.isObjectLiteralExpression(statement.expression)
    ) {
      return statement;
    }
    applied("mutation options: withInvalidation");
    const targets = f.createAsExpression(
      f.createParenthesizedExpression(invalidationTargets(shape)),
      typeRef("InvalidationTargetsOf", variables),
    );
    const invalidate = f.createPropertyAccessChain(
      id("options"),
      f.createToken(ts.SyntaxKind.QuestionDotToken),
      "invalidate",
    );
    // A background-job operation polls its job through the same client as the mutation.
    const request = f.createPropertyAccessChain(
      id("options"),
      f.createToken(ts.SyntaxKind.QuestionDotToken),
      "request",
    );
    return f.createReturnStatement(
      call("withInvalidation", [
        statement.expression,
        targets,
        invalidate,
        ...(shape.operation.backgroundJob ? [request] : []),
      ]),
    );
  });
  applied("mutation options: invalidate option");
  return f.updateArrowFunction(
    arrow,
    arrow.modifiers,
    arrow.typeParameters,
    arrow.parameters.map((parameter) =>
      parameter === options
        ? withMember(parameter, invalidateMember(shape.operation.id, variables))
        : parameter,
    ),
    arrow.type,
    arrow.equalsGreaterThanToken,
    f.updateBlock(block, statements),
  );
}

/** `useX` of a mutation: the `invalidate` option, and the client from <InstantlyProvider>. */
export function mutationHook(
  shape: RequestShape,
  name: string,
  arrow: TS.ArrowFunction,
  context: TS.TransformationContext,
  applied: (what: string) => void,
): TS.ArrowFunction {
  const options = arrow.parameters.find((parameter) => (parameter.name as TS.Identifier).text === "options");
  if (!options) fail(`mutation hook of ${shape.operation.id} takes no options`);
  applied("mutation hook: invalidate option");
  const withClient = injectClient(arrow.body, `get${name}MutationOptions`, context, () =>
    applied("mutation hook: client from provider"),
  ) as TS.ConciseBody;
  return f.updateArrowFunction(
    arrow,
    arrow.modifiers,
    arrow.typeParameters,
    arrow.parameters.map((parameter) =>
      parameter === options
        ? withMember(parameter, invalidateMember(shape.operation.id, variablesType(options)))
        : parameter,
    ),
    arrow.type,
    arrow.equalsGreaterThanToken,
    withClient,
  );
}
