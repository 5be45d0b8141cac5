/**
 * Infinite hooks for operations whose cursor is in the JSON body (`POST /api/v2/leads/list`): orval pages only
 * through query parameters (`useInfiniteQueryParam`), so these are ours — same names and shapes as orval's
 * query-cursor ones (`getXInfiniteQueryKey`, `getXInfiniteQueryOptions`, `useXInfinite`, and the suspense
 * variants). They are new declarations built with the compiler API's factory; the parameters are orval's own
 * parameter nodes of the request function (so the final type mapping of postprocess.ts names their types as
 * everywhere else), and no text is parsed or spliced.
 */

import type { RequestShape } from "./request-function.ts";
import type { TS } from "./syntax.ts";
import { asConst, call, f, fail, id, str, ts, typeRef } from "./syntax.ts";

const exported = () => [f.createModifier(ts.SyntaxKind.ExportKeyword)];

const constStatement = (name: string | TS.BindingName, initializer: TS.Expression, isExported = true) =>
  f.createVariableStatement(
    isExported ? exported() : undefined,
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, undefined, initializer)],
      ts.NodeFlags.Const,
    ),
  );

const arrowFunction = (
  typeParameters: TS.TypeParameterDeclaration[] | undefined,
  parameters: TS.ParameterDeclaration[],
  body: TS.ConciseBody,
) =>
  f.createArrowFunction(
    undefined,
    typeParameters,
    parameters,
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    body,
  );

const parameter = (name: string, type: TS.TypeNode, optional = true) =>
  f.createParameterDeclaration(
    undefined,
    undefined,
    name,
    optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    type,
  );

const property = (name: string, type: TS.TypeNode, optional = true) =>
  f.createPropertySignature(
    undefined,
    name,
    optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    type,
  );

const nameOf = (declaration: TS.ParameterDeclaration) => (declaration.name as TS.Identifier).text;

/** `{ queryKey: DataTag<QueryKey, TData, TError> }`, which every infinite hook and options helper carries. */
const taggedKey = () =>
  f.createTypeLiteralNode([
    property("queryKey", typeRef("DataTag", typeRef("QueryKey"), typeRef("TData"), typeRef("TError")), false),
  ]);

const VARIANTS = [
  {
    suffix: "Infinite",
    options: "UseInfiniteQueryOptions",
    result: "UseInfiniteQueryResult",
    hook: "useInfiniteQuery",
  },
  {
    suffix: "SuspenseInfinite",
    options: "UseSuspenseInfiniteQueryOptions",
    result: "UseSuspenseInfiniteQueryResult",
    hook: "useSuspenseInfiniteQuery",
  },
] as const;

export function bodyCursorInfiniteHooks(shape: RequestShape): TS.Statement[] {
  const { operation } = shape;
  const name = operation.name;
  const body = shape.body ?? fail(`${operation.id} pages through its body but has none`);
  const bodyType = body.type ?? fail(`${operation.id}: orval's body parameter has no type`);
  const bodyName = nameOf(body);
  // The request function's parameters as orval declared them (path parameters, body, query object).
  const declared = shape.parameters;
  const args = () => declared.map((declaration) => id(nameOf(declaration)));

  // `Awaited<ReturnType<typeof op>>` and the page parameter's type `NonNullable<Body>["starting_after"]`.
  const response = () => typeRef("Awaited", typeRef("ReturnType", f.createTypeQueryNode(id(operation.id))));
  const page = () =>
    f.createIndexedAccessTypeNode(
      typeRef("NonNullable", bodyType),
      f.createLiteralTypeNode(str("starting_after")),
    );
  const typeParameters = () => [
    f.createTypeParameterDeclaration(
      undefined,
      "TData",
      undefined,
      typeRef("InfiniteData", response(), page()),
    ),
    f.createTypeParameterDeclaration(undefined, "TError", undefined, typeRef("InstantlyApiError")),
  ];
  const queryOptionsType = (options: string) =>
    typeRef(options, response(), typeRef("TError"), typeRef("TData"), typeRef("QueryKey"), page());
  const optionsParameter = (options: string) =>
    parameter(
      "options",
      f.createTypeLiteralNode([
        property("query", typeRef("Partial", queryOptionsType(options))),
        property("request", typeRef("SecondParameter", f.createTypeQueryNode(id("instantlyRequest")))),
      ]),
    );

  const infiniteKey = `get${name}InfiniteQueryKey`;
  // `export const getXInfiniteQueryKey = (…) => { return [...getXQueryKey(…), "infinite"] as const; };`
  const key = constStatement(
    infiniteKey,
    arrowFunction(
      undefined,
      [...declared],
      f.createBlock(
        [
          f.createReturnStatement(
            asConst(
              f.createArrayLiteralExpression([
                f.createSpreadElement(call(`get${name}QueryKey`, args())),
                str("infinite"),
              ]),
            ),
          ),
        ],
        true,
      ),
    ),
  );

  const statements: TS.Statement[] = [key];
  for (const variant of VARIANTS) {
    const optionsHelper = `get${name}${variant.suffix}QueryOptions`;
    // `{ ...body, starting_after: pageParam ?? body?.starting_after } as Body`
    const pageBody = f.createAsExpression(
      f.createObjectLiteralExpression([
        f.createSpreadAssignment(id(bodyName)),
        f.createPropertyAssignment(
          "starting_after",
          f.createBinaryExpression(
            id("pageParam"),
            ts.SyntaxKind.QuestionQuestionToken,
            f.createPropertyAccessChain(
              id(bodyName),
              f.createToken(ts.SyntaxKind.QuestionDotToken),
              "starting_after",
            ),
          ),
        ),
      ]),
      bodyType,
    );
    const queryFn = arrowFunction(
      undefined,
      [
        f.createParameterDeclaration(
          undefined,
          undefined,
          f.createObjectBindingPattern([
            f.createBindingElement(undefined, undefined, "signal"),
            f.createBindingElement(undefined, undefined, "pageParam"),
          ]),
        ),
      ],
      call(operation.id, [
        ...declared.map((declaration) => (declaration === body ? pageBody : id(nameOf(declaration)))),
        id("requestOptions"),
        id("signal"),
      ]),
    );
    const optionsBody = f.createBlock(
      [
        // const { query: queryOptions, request: requestOptions } = options ?? {};
        constStatement(
          f.createObjectBindingPattern([
            f.createBindingElement(undefined, "query", "queryOptions"),
            f.createBindingElement(undefined, "request", "requestOptions"),
          ]),
          f.createBinaryExpression(
            id("options"),
            ts.SyntaxKind.QuestionQuestionToken,
            f.createObjectLiteralExpression([]),
          ),
          false,
        ),
        // const queryKey = queryOptions?.queryKey ?? getXInfiniteQueryKey(…);
        constStatement(
          "queryKey",
          f.createBinaryExpression(
            f.createPropertyAccessChain(
              id("queryOptions"),
              f.createToken(ts.SyntaxKind.QuestionDotToken),
              "queryKey",
            ),
            ts.SyntaxKind.QuestionQuestionToken,
            call(infiniteKey, args()),
          ),
          false,
        ),
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [
              f.createVariableDeclaration(
                "queryFn",
                undefined,
                typeRef("QueryFunction", response(), typeRef("QueryKey"), page()),
                queryFn,
              ),
            ],
            ts.NodeFlags.Const,
          ),
        ),
        f.createReturnStatement(
          f.createAsExpression(
            f.createObjectLiteralExpression([
              f.createShorthandPropertyAssignment("queryKey"),
              f.createShorthandPropertyAssignment("queryFn"),
              f.createPropertyAssignment("initialPageParam", id("undefined")),
              f.createPropertyAssignment("getNextPageParam", id("nextStartingAfter")),
              f.createSpreadAssignment(id("queryOptions")),
            ]),
            f.createIntersectionTypeNode([queryOptionsType(variant.options), taggedKey()]),
          ),
        ),
      ],
      true,
    );
    statements.push(
      constStatement(
        optionsHelper,
        arrowFunction(typeParameters(), [...declared, optionsParameter(variant.options)], optionsBody),
      ),
      typeAlias(`${name}${variant.suffix}QueryResult`, typeRef("NonNullable", response())),
      typeAlias(`${name}${variant.suffix}QueryError`, typeRef("InstantlyApiError")),
    );
    const resultType = () =>
      f.createIntersectionTypeNode([
        typeRef(variant.result, typeRef("TData"), typeRef("TError")),
        taggedKey(),
      ]);
    statements.push(
      f.createFunctionDeclaration(
        exported(),
        undefined,
        `use${name}${variant.suffix}`,
        typeParameters(),
        [...declared, optionsParameter(variant.options), parameter("queryClient", typeRef("QueryClient"))],
        resultType(),
        f.createBlock(
          [
            constStatement(
              "queryOptions",
              call(optionsHelper, [...args(), call("useInstantlyRequestOptions", [id("options")])]),
              false,
            ),
            constStatement(
              "query",
              f.createAsExpression(call(variant.hook, [id("queryOptions"), id("queryClient")]), resultType()),
              false,
            ),
            f.createReturnStatement(
              call("withQueryKey", [
                id("query"),
                f.createPropertyAccessExpression(id("queryOptions"), "queryKey"),
              ]),
            ),
          ],
          true,
        ),
      ),
    );
  }
  return statements;
}

const typeAlias = (name: string, type: TS.TypeNode) =>
  f.createTypeAliasDeclaration(exported(), name, undefined, type);
