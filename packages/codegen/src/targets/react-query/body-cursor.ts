/**
 * Infinite hooks for operations whose cursor is in the JSON body (`POST /api/v2/leads/list`): orval pages only
 * through query parameters (`useInfiniteQueryParam`), so these are ours — same names and shapes as orval's
 * query-cursor ones. They are new declarations (not edits of orval's output): written as a template over
 * identifiers that are checked to be identifiers and types printed from syntax nodes, then parsed, so what is
 * spliced into the file is a syntax tree.
 */

import { identifier, stringLiteral } from "../../emit/index.ts";
import type { RequestShape } from "./request-function.ts";
import type { TS } from "./syntax.ts";
import { fail, parse, ts } from "./syntax.ts";

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });

export function bodyCursorInfiniteHooks(
  shape: RequestShape,
  name: string,
  source: TS.SourceFile,
): TS.Statement[] {
  const operationId = identifier(shape.operation.id);
  const body = shape.body ?? fail(`${operationId} pages through its body but has none`);
  const bodyName = identifier((body.name as TS.Identifier).text);
  const bodyType = `RequestBody<${stringLiteral(operationId)}>`;
  const pathParameters = shape.parameters.filter(
    (parameter) => parameter !== body && (parameter.name as TS.Identifier).text !== shape.query,
  );
  const print = (parameter: TS.ParameterDeclaration) =>
    `${identifier((parameter.name as TS.Identifier).text)}${parameter.questionToken ? "?" : ""}: ${parameter.type ? printer.printNode(ts.EmitHint.Unspecified, parameter.type, source) : "unknown"}`;
  const declared = [
    ...pathParameters.map(print),
    `${bodyName}${body.questionToken ? "?" : ""}: ${bodyType}`,
  ].join(", ");
  const args = [...pathParameters.map((p) => (p.name as TS.Identifier).text), bodyName].join(", ");
  const pageBody = `{ ...${bodyName}, starting_after: pageParam ?? ${bodyName}?.starting_after } as ${bodyType}`;
  const callArgs = [
    ...pathParameters.map((p) => (p.name as TS.Identifier).text),
    pageBody,
    ...(shape.query ? [identifier(shape.query)] : []),
  ].join(", ");
  const response = `Awaited<ReturnType<typeof ${operationId}>>`;
  const page = `NonNullable<${bodyType}>["starting_after"]`;
  const optionsOf = (kind: string) =>
    `options?: { query?: Partial<${kind}<${response}, TError, TData, QueryKey, ${page}>>; request?: SecondParameter<typeof instantlyRequest> }`;
  const variants = [
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
  ];
  const text = [
    `export const get${name}InfiniteQueryKey = (${declared}) => {
  return [...get${name}QueryKey(${args}), "infinite"] as const;
};`,
    ...variants.map(
      (variant) => `
export const get${name}${variant.suffix}QueryOptions = <TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${optionsOf(variant.options)}) => {
  const { query: queryOptions, request: requestOptions } = options ?? {};
  const queryKey = queryOptions?.queryKey ?? get${name}InfiniteQueryKey(${args});
  const queryFn: QueryFunction<${response}, QueryKey, ${page}> = ({ signal, pageParam }) => ${operationId}(${callArgs}, requestOptions, signal);
  return { queryKey, queryFn, initialPageParam: undefined, getNextPageParam: nextStartingAfter, ...queryOptions } as ${variant.options}<${response}, TError, TData, QueryKey, ${page}> & { queryKey: DataTag<QueryKey, TData, TError> };
};

export type ${name}${variant.suffix}QueryResult = NonNullable<${response}>;
export type ${name}${variant.suffix}QueryError = InstantlyApiError;

export function use${name}${variant.suffix}<TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${optionsOf(variant.options)}, queryClient?: QueryClient): ${variant.result}<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> } {
  const queryOptions = get${name}${variant.suffix}QueryOptions(${args}, useInstantlyRequestOptions(options));
  const query = ${variant.hook}(queryOptions, queryClient) as ${variant.result}<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> };
  return withQueryKey(query, queryOptions.queryKey);
}`,
    ),
  ].join("\n");
  return parse(`${operationId}-body-cursor.ts`, text).statements.map(detached);
}

/** The node with no source positions, so the printer writes it from its own text into the tag file. */
function detached<T extends TS.Node>(node: T): T {
  const visit = (child: TS.Node) => {
    ts.setTextRange(child, { pos: -1, end: -1 });
    ts.forEachChild(child, visit);
  };
  visit(node);
  return node;
}
