import { identifier, isIdentifier, isReservedWord, propertyKey, stringLiteral } from "../emit/index.ts";
import { camelCase, type Operation } from "../model/index.ts";

/**
 * The names every target exports for one operation, in one place: the hooks package's request function, hooks,
 * options helpers and query key (orval's naming, `use${Pascal}`…, which react-query/postprocess.ts finds by
 * these same templates), the mock package's handler and response mock, and the typed client's call. The doc
 * comments (operation-docs.ts) and the reference (docs/api.md, api-reference.ts) read them from here, so a name
 * in a doc is a name that exists (test/targets/operation-docs-dts.test.ts checks them against the built .d.ts).
 */

export interface OperationExports {
  /** The request function of @instantly-kit/react-query (`getWidget`): orval names it after the operationId. */
  requestFunction: string;
  /** Query hooks (plain, suspense, `useSuspense…` alias, infinite when cursor-paginated), or the mutation hook. */
  hooks: string[];
  /** `get…QueryOptions` variants, or `get…MutationOptions`. */
  optionsHelpers: string[];
  /** The hook each options helper is behind (`getXSuspenseQueryOptions` → `useXSuspense`). */
  hookOf: Readonly<Record<string, string>>;
  /** `get…QueryKey` (queries only). */
  queryKey: string | undefined;
  /** @instantly-kit/msw's `get…MockHandler`. */
  mockHandler: string;
  /** @instantly-kit/msw's `get…ResponseMock` (operations with a success body only). */
  responseMock: string | undefined;
  /** The typed client call, e.g. `client.GET("/api/v2/widgets/{id}", …)`. */
  clientCall: string;
}

/**
 * `getListLeadLabelMockHandler` (orval's naming, which @instantly-kit/msw keeps), from the model's operation name
 * (`Operation.name`: PascalCase, unique even where two operationIds case alike, `list_things` and `listThings`).
 */
export const handlerName = (operation: Pick<Operation, "name">) =>
  identifier(`get${operation.name}MockHandler`);
/** `getListLeadLabelResponseMock`. */
export const responseMockName = (operation: Pick<Operation, "name">) =>
  identifier(`get${operation.name}ResponseMock`);

/**
 * The exports of `operation`. `isQuery` is the hooks target's rule (react-query/operations.ts `hookOperations`:
 * GETs and reading POSTs are queries), passed in so that rule stays in one place.
 */
export function operationExports(operation: Operation, isQuery: boolean): OperationExports {
  const name = operation.name;
  const infinite = operation.pagination !== undefined;
  const hooks = isQuery
    ? [
        `use${name}`,
        `use${name}Suspense`,
        `useSuspense${name}`,
        ...(infinite ? [`use${name}Infinite`, `use${name}SuspenseInfinite`] : []),
      ]
    : [`use${name}`];
  // Each options helper and the hook it is behind. Body-cursor infinite hooks are written without options
  // helpers of their own (react-query/body-cursor.ts).
  const variants = isQuery
    ? ["", "Suspense", ...(operation.pagination?.in === "query" ? ["Infinite", "SuspenseInfinite"] : [])]
    : [];
  const hookOf: Record<string, string> = isQuery
    ? Object.fromEntries(
        variants.map((variant) => [`get${name}${variant}QueryOptions`, `use${name}${variant}`]),
      )
    : { [`get${name}MutationOptions`]: `use${name}` };
  return {
    requestFunction: operation.id,
    hooks,
    optionsHelpers: Object.keys(hookOf),
    hookOf,
    queryKey: isQuery ? `get${name}QueryKey` : undefined,
    mockHandler: handlerName(operation),
    responseMock: operation.successBody.kind === "none" ? undefined : responseMockName(operation),
    clientCall: `client.${operation.method.toUpperCase()}(${stringLiteral(operation.path)})`,
  };
}

/** A path parameter as an example argument: its camelCase name when that is an identifier, else `value<n>`. */
function argumentName(name: string, index: number): string {
  const camel = camelCase(name);
  return isIdentifier(camel) && !isReservedWord(camel) ? camel : `value${index + 1}`;
}

/** The example arguments of a call: path parameters in path order, then the body, then the query parameters. */
export function exampleArguments(operation: Operation): {
  path: string[];
  body: boolean;
  query: boolean;
} {
  return {
    path: operation.pathParamNames.map(argumentName),
    body: operation.requestBody?.json !== undefined,
    query: operation.parametersIn.query.length > 0,
  };
}

/** The openapi-fetch call with its `params`/`body`, as an app writes it. */
function clientExample(operation: Operation): string {
  const args = exampleArguments(operation);
  const params = [
    args.path.length > 0
      ? `path: { ${operation.pathParamNames
          .map((param, index) => {
            const value = argumentName(param, index);
            return value === param ? param : `${propertyKey(param)}: ${value}`;
          })
          .join(", ")} }`
      : undefined,
    args.query ? "query: params" : undefined,
  ].filter(Boolean);
  const init = [
    params.length > 0 ? `params: { ${params.join(", ")} }` : undefined,
    args.body ? "body" : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  return `const { data, error } = await client.${operation.method.toUpperCase()}(${stringLiteral(operation.path)}${init ? `, { ${init} }` : ""});`;
}

/** What an export is, for its example. */
export type ExportKind =
  | "requestFunction"
  | "queryHook"
  | "infiniteHook"
  | "mutationHook"
  | "queryOptions"
  | "mutationOptions"
  | "mockHandler"
  | "responseMock"
  | "client";

/**
 * One example call of `name` (an export of `kind` for `operation`), on one or two lines: what a user copies.
 * Spec text reaches it only as a string literal (the path) or as an identifier that passed the check above.
 */
export function exampleCall(operation: Operation, kind: ExportKind, name: string): string {
  const args = exampleArguments(operation);
  const positional = [...args.path, ...(args.body ? ["body"] : []), ...(args.query ? ["params"] : [])];
  const list = positional.join(", ");
  const variables = [...args.path, ...(args.body ? ["data: body"] : []), ...(args.query ? ["params"] : [])];
  switch (kind) {
    case "requestFunction":
      return `const data = await ${name}(${list ? `${list}, ` : ""}{ client });`;
    case "queryHook":
      return `const { data, isPending, error } = ${name}(${list});`;
    case "infiniteHook":
      return `const { data, fetchNextPage, hasNextPage } = ${name}(${list});\nconst items = data?.pages.flatMap((page) => page.items ?? []);`;
    case "mutationHook":
      return `const { mutate, isPending } = ${name}();\nmutate(${variables.length > 0 ? `{ ${variables.join(", ")} }` : "undefined"});`;
    case "queryOptions":
      return `await queryClient.prefetchQuery(${name}(${list ? `${list}, ` : ""}{ request: { client } }));`;
    case "mutationOptions":
      return `const mutation = useMutation(${name}({ request: { client } }));`;
    case "mockHandler":
      return `server.use(${name}()); // or ${name}(overrides), ${name}(({ request }) => body)`;
    case "responseMock":
      return `const body = ${name}(); // deep-merges overrides: ${name}({ … })`;
    case "client":
      return clientExample(operation);
  }
}
