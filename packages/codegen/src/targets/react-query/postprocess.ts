/**
 * Post-processing of one orval tag file. orval 8 gives us the hook structure (useX, useXSuspense,
 * getXQueryOptions, getXMutationOptions, overloads for initialData…); these rewrites fix what it gets
 * wrong for this API and this toolkit:
 * - request functions go through our mutator with the spec's path template, so @instantly-kit/client
 *   (openapi-fetch) does path/query serialization and all transport; types are the types package's;
 * - errors are `InstantlyApiError`, not unions of per-status body types;
 * - query keys are hierarchical per resource (see operations.ts `keySegments`);
 * - infinite queries get their cursor wiring (`next_starting_after`), and body-cursor operations get
 *   infinite hooks orval cannot make;
 * - hooks take the client from <InstantlyProvider>; mutations invalidate their resource.
 * Every rewrite asserts that it matched, so an orval upgrade that changes its output fails generation
 * loudly instead of shipping half-processed hooks.
 */
import { stringLiteral } from "../../emit/index.ts";
import { CliError } from "../../errors.ts";
import { invalidationPlan, keySegments, type OperationInfo } from "./operations.ts";

export interface TagFileContext {
  /** Operations of the whole document by operationId. */
  operations: ReadonlyMap<string, OperationInfo>;
  /** Component schema names exported by @instantly-kit/types. */
  schemaNames: ReadonlySet<string>;
  /** Collects `alias name → type expression` for generated/model.ts. */
  aliases: Map<string, string>;
}

interface Parameter {
  name: string;
  optional: boolean;
  type: string;
}

interface ParsedRequest {
  operation: OperationInfo;
  /** Parameters as orval declared them (path params, body, params), without options/signal. */
  parameters: Parameter[];
  /** orval's variable name for each spec path parameter. */
  pathVariables: Map<string, string>;
  body: Parameter | undefined;
  query: Parameter | undefined;
}

const pascal = (operationId: string) => operationId.charAt(0).toUpperCase() + operationId.slice(1);

function fail(message: string): never {
  throw new CliError(`react-query: ${message}`);
}

/** Split on commas that are not inside <>, (), {}, []. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if ("<({[".includes(char)) depth++;
    else if (">)}]".includes(char)) depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function parseParameter(text: string): Parameter {
  const match = /^(\w+)(\?)?\s*:\s*([\s\S]+)$/.exec(text);
  if (!match) fail(`cannot parse parameter \`${text}\``);
  return { name: match[1] as string, optional: match[2] === "?", type: (match[3] as string).trim() };
}

/** Finds `export const <id> = (…) => { … options); }` and returns its span and parts. */
function findRequestFunction(source: string, operationId: string) {
  const head = `export const ${operationId} = (`;
  const start = source.indexOf(head);
  if (start < 0) return undefined;
  const arrow = source.indexOf(") => {", start);
  const call = source.indexOf("options);", arrow);
  const end = source.indexOf("}", call);
  if (arrow < 0 || call < 0 || end < 0) fail(`unexpected request function shape for ${operationId}`);
  return {
    start,
    end: end + 1,
    parameterText: source.slice(start + head.length, arrow),
    bodyText: source.slice(arrow, end + 1),
  };
}

function parseRequest(operation: OperationInfo, parameterText: string, bodyText: string): ParsedRequest {
  const parameters = splitTopLevel(parameterText)
    .map(parseParameter)
    .filter((parameter) => parameter.name !== "options" && parameter.name !== "signal");
  // orval camel-cases path parameters (`rule_id` → `ruleId`); its URL template names them in path order.
  const url =
    /url: `([^`]*)`/.exec(bodyText)?.[1] ?? fail(`no url in request function of ${operation.operationId}`);
  const urlVariables = [...url.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] as string);
  if (urlVariables.length !== operation.pathParams.length) {
    fail(`${operation.operationId}: orval's URL ${url} does not match path ${operation.path}`);
  }
  const pathVariables = new Map(
    operation.pathParams.map((name, index) => [name, urlVariables[index] as string]),
  );
  const byName = new Set(urlVariables);
  const rest = parameters.filter((parameter) => !byName.has(parameter.name));
  const query = rest.find((parameter) => parameter.name === "params");
  const body = rest.find((parameter) => parameter.name !== "params" && parameter.name !== "headers");
  return { operation, parameters, pathVariables, body, query };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Registers orval's body/params type names as aliases of the types package's helpers. A type that is not
 * a plain name (an array body: `CreateThingsBodyItem[]`) is an expression over orval's models; it is
 * returned so the caller replaces it, wherever it appears in the file, by the helper itself.
 */
function registerAliases(request: ParsedRequest, context: TagFileContext): Map<string, string> {
  const id = stringLiteral(request.operation.operationId);
  const replacements = new Map<string, string>();
  const alias = (parameter: Parameter | undefined, expression: string) => {
    if (!parameter || context.schemaNames.has(parameter.type)) return;
    if (["null", "string", "number", "boolean", "unknown", "Blob"].includes(parameter.type)) return;
    if (IDENTIFIER.test(parameter.type)) context.aliases.set(parameter.type, expression);
    else if (/^[\w$]+(\[\])+$/.test(parameter.type)) replacements.set(parameter.type, expression);
  };
  alias(request.body, `RequestBody<${id}>`);
  alias(request.query, `QueryParams<${id}>`);
  return replacements;
}

function responseType(operation: OperationInfo): string {
  if (operation.hasJsonResponse) return `ResponseBody<${stringLiteral(operation.operationId)}>`;
  return operation.hasTextResponse ? "string" : "void";
}

function renderRequestFunction(request: ParsedRequest): string {
  const { operation } = request;
  const declared = request.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`);
  const config = [
    `method: ${stringLiteral(operation.method.toUpperCase())}`,
    `path: ${stringLiteral(operation.path)}`,
  ];
  if (request.pathVariables.size > 0) {
    const entries = [...request.pathVariables].map(
      ([name, variable]) => `${stringLiteral(name)}: ${variable}`,
    );
    config.push(`pathParams: { ${entries.join(", ")} }`);
  }
  if (request.query) config.push(`query: ${request.query.name}`);
  if (request.body) config.push(`body: ${request.body.name}`);
  if (!operation.hasJsonResponse && operation.hasTextResponse) config.push(`parseAs: "text"`);
  config.push("signal");
  return [
    `export const ${operation.operationId} = (${[...declared, "options?: SecondParameter<typeof instantlyRequest>", "signal?: AbortSignal"].join(", ")}) => {`,
    `  return instantlyRequest<${responseType(operation)}>({ ${config.join(", ")} }, options);`,
    "}",
  ].join("\n");
}

/** `["/api/v2/campaigns", id, "analytics", ...(params ? [params] : [])]` for one operation. */
function keyElements(request: ParsedRequest): string {
  const { resource, rest } = keySegments(request.operation.path);
  const elements = [stringLiteral(resource)];
  for (const segment of rest) {
    elements.push(
      "param" in segment
        ? (request.pathVariables.get(segment.param) as string)
        : stringLiteral(segment.literal),
    );
  }
  for (const input of [request.query, request.body]) {
    if (input) elements.push(`...(${input.name} !== undefined ? [${input.name}] : [])`);
  }
  return elements.join(", ");
}

function replaceOnce(
  source: string,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
  what: string,
): string {
  const match = pattern.exec(source);
  if (!match) fail(`could not find ${what}`);
  return source.slice(0, match.index) + replacement(match) + source.slice(match.index + match[0].length);
}

function rewriteQueryKeys(source: string, request: ParsedRequest): string {
  const name = pascal(request.operation.operationId);
  const parameters = request.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  const argumentsList = request.parameters.map((p) => p.name).join(", ");
  let result = replaceOnce(
    source,
    new RegExp(`export const get${name}QueryKey = \\([^)]*\\) => \\{[\\s\\S]*?\\] as const;\\s*\\}`),
    () =>
      `export const get${name}QueryKey = (${parameters}) => {\n  return [${keyElements(request)}] as const;\n}`,
    `get${name}QueryKey`,
  );
  if (request.operation.pagination === "query") {
    result = replaceOnce(
      result,
      new RegExp(
        `export const get${name}InfiniteQueryKey = \\([^)]*\\) => \\{[\\s\\S]*?\\] as const;\\s*\\}`,
      ),
      () =>
        `export const get${name}InfiniteQueryKey = (${parameters}) => {\n  return [...get${name}QueryKey(${argumentsList}), "infinite"] as const;\n}`,
      `get${name}InfiniteQueryKey`,
    );
    // First page: no cursor; next page: the response's `next_starting_after`; none → hasNextPage false.
    for (const helper of [`get${name}InfiniteQueryOptions`, `get${name}SuspenseInfiniteQueryOptions`]) {
      result = replaceOnce(
        result,
        new RegExp(`(export const ${helper} [\\s\\S]*?return\\s+\\{ queryKey, queryFn, )`),
        (match) => `${match[1]}initialPageParam: undefined, getNextPageParam: nextStartingAfter, `,
        helper,
      );
    }
  }
  return result;
}

/** The mutation's invalidation targets as a `(variables) => targets` arrow. */
function invalidationTargets(request: ParsedRequest): string {
  const { resource } = keySegments(request.operation.path);
  const plan = invalidationPlan(request.operation);
  const toElements = (segments: NonNullable<typeof plan.item>) =>
    [
      stringLiteral(resource),
      ...segments.map((segment) =>
        "param" in segment
          ? `variables.${request.pathVariables.get(segment.param)}`
          : stringLiteral(segment.literal),
      ),
    ].join(", ");
  if (!plan.item) return `() => ({ resource: [${stringLiteral(resource)}] })`;
  return `(variables) => ({ item: [${toElements(plan.item)}], collection: [${toElements(plan.collection)}]${plan.removeItem ? ", removeItem: true" : ""} })`;
}

function rewriteMutation(source: string, request: ParsedRequest): string {
  const name = pascal(request.operation.operationId);
  const optionsStart = source.indexOf(`export const get${name}MutationOptions = `);
  const hookStart = source.indexOf(`export const use${name} = `);
  if (optionsStart < 0 || hookStart < 0)
    fail(`missing mutation helpers for ${request.operation.operationId}`);
  const variables =
    new RegExp(
      `UseMutationOptions<Awaited<ReturnType<typeof ${request.operation.operationId}>>, TError,([^,]+), TContext>`,
    ).exec(source.slice(optionsStart))?.[1] ?? fail(`no variables type for ${request.operation.operationId}`);
  const invalidateOption = `invalidate?: InvalidateOption<Awaited<ReturnType<typeof ${request.operation.operationId}>>, ${variables}>`;
  const requestOption = "request?: SecondParameter<typeof instantlyRequest>}";
  // Add the `invalidate` option to the options type of both the helper and the hook.
  const patchSignature = (text: string, at: number) => {
    const index = text.indexOf(requestOption, at);
    if (index < 0) fail(`no request option in mutation of ${request.operation.operationId}`);
    return `${text.slice(0, index)}request?: SecondParameter<typeof instantlyRequest>, ${invalidateOption}}${text.slice(index + requestOption.length)}`;
  };
  let result = patchSignature(source, optionsStart);
  result = patchSignature(result, result.indexOf(`export const use${name} = `));
  const returnStatement = "return  { mutationFn, ...mutationOptions }}";
  const returnIndex = result.indexOf(
    returnStatement,
    result.indexOf(`export const get${name}MutationOptions = `),
  );
  if (returnIndex < 0) fail(`no mutation options return for ${request.operation.operationId}`);
  const targets = `(${invalidationTargets(request)}) as InvalidationTargetsOf<${variables}>`;
  result = `${result.slice(0, returnIndex)}return withInvalidation({ mutationFn, ...mutationOptions }, ${targets}, options?.invalidate)}${result.slice(returnIndex + returnStatement.length)}`;
  return replaceOnce(
    result,
    new RegExp(`return useMutation\\(get${name}MutationOptions\\(options\\), queryClient\\);`),
    () => `return useMutation(get${name}MutationOptions(useInstantlyRequestOptions(options)), queryClient);`,
    `use${name}`,
  );
}

/** Hooks take the client from <InstantlyProvider> unless the caller passes `request.client`. */
function injectClientIntoQueryHooks(source: string): string {
  return source.replace(
    /const queryOptions = (get\w+QueryOptions)\(([^()]*?)options\)/g,
    (_match, helper: string, args: string) =>
      `const queryOptions = ${helper}(${args}useInstantlyRequestOptions(options))`,
  );
}

/**
 * Infinite hooks for operations whose cursor is in the JSON body (`POST /api/v2/leads/list`): orval
 * only pages through query parameters. Same shape and names as orval's query-cursor ones.
 */
function bodyCursorInfinite(request: ParsedRequest): string {
  const { operationId } = request.operation;
  const name = pascal(operationId);
  const body = request.body ?? fail(`${operationId} pages through its body but has none`);
  const pathParameters = request.parameters.filter((p) => p !== body && p !== request.query);
  const declared = [...pathParameters, body]
    .map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`)
    .join(", ");
  const args = [...pathParameters, body].map((p) => p.name).join(", ");
  const pageBody = `{ ...${body.name}, starting_after: pageParam ?? ${body.name}?.starting_after } as ${body.type}`;
  const callArgs = [
    ...pathParameters.map((p) => p.name),
    pageBody,
    ...(request.query ? [request.query.name] : []),
  ].join(", ");
  const response = `Awaited<ReturnType<typeof ${operationId}>>`;
  const page = `NonNullable<${body.type}>["starting_after"]`;
  const optionsOf = (kind: string) =>
    `options?: { query?: Partial<${kind}<${response}, TError, TData, QueryKey, ${page}>>, request?: SecondParameter<typeof instantlyRequest> }`;
  const options = optionsOf("UseInfiniteQueryOptions");
  const suspenseOptions = optionsOf("UseSuspenseInfiniteQueryOptions");
  return `
export const get${name}InfiniteQueryKey = (${declared}) => {
  return [...get${name}QueryKey(${args}), "infinite"] as const;
}

export const get${name}InfiniteQueryOptions = <TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${options}) => {
  const { query: queryOptions, request: requestOptions } = options ?? {};
  const queryKey = queryOptions?.queryKey ?? get${name}InfiniteQueryKey(${args});
  const queryFn: QueryFunction<${response}, QueryKey, ${page}> = ({ signal, pageParam }) => ${operationId}(${callArgs}, requestOptions, signal);
  return { queryKey, queryFn, initialPageParam: undefined, getNextPageParam: nextStartingAfter, ...queryOptions } as UseInfiniteQueryOptions<${response}, TError, TData, QueryKey, ${page}> & { queryKey: DataTag<QueryKey, TData, TError> }
}

export type ${name}InfiniteQueryResult = NonNullable<${response}>
export type ${name}InfiniteQueryError = InstantlyApiError

export function use${name}Infinite<TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${options}, queryClient?: QueryClient): UseInfiniteQueryResult<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> } {
  const queryOptions = get${name}InfiniteQueryOptions(${args}, useInstantlyRequestOptions(options))
  const query = useInfiniteQuery(queryOptions, queryClient) as UseInfiniteQueryResult<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> };
  return withQueryKey(query, queryOptions.queryKey);
}

export const get${name}SuspenseInfiniteQueryOptions = <TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${suspenseOptions}) => {
  const { query: queryOptions, request: requestOptions } = options ?? {};
  const queryKey = queryOptions?.queryKey ?? get${name}InfiniteQueryKey(${args});
  const queryFn: QueryFunction<${response}, QueryKey, ${page}> = ({ signal, pageParam }) => ${operationId}(${callArgs}, requestOptions, signal);
  return { queryKey, queryFn, initialPageParam: undefined, getNextPageParam: nextStartingAfter, ...queryOptions } as UseSuspenseInfiniteQueryOptions<${response}, TError, TData, QueryKey, ${page}> & { queryKey: DataTag<QueryKey, TData, TError> }
}

export function use${name}SuspenseInfinite<TData = InfiniteData<${response}, ${page}>, TError = InstantlyApiError>(${declared}, ${suspenseOptions}, queryClient?: QueryClient): UseSuspenseInfiniteQueryResult<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> } {
  const queryOptions = get${name}SuspenseInfiniteQueryOptions(${args}, useInstantlyRequestOptions(options))
  const query = useSuspenseInfiniteQuery(queryOptions, queryClient) as UseSuspenseInfiniteQueryResult<TData, TError> & { queryKey: DataTag<QueryKey, TData, TError> };
  return withQueryKey(query, queryOptions.queryKey);
}
`;
}

/**
 * orval names suspense hooks `useGetCampaignSuspense`; TanStack's own naming (`useSuspenseQuery`) reads
 * `useSuspenseGetCampaign`. Both are exported: the alias is the same function (overloads included), so it
 * costs nothing at runtime and tree-shakes with it.
 */
function suspenseAlias(request: ParsedRequest): string {
  const name = pascal(request.operation.operationId);
  return `\n/** Same hook as {@link use${name}Suspense}, named like TanStack's \`useSuspenseQuery\`. */\nexport const useSuspense${name} = use${name}Suspense;\n`;
}

/** Type names a file takes from orval's model folder. */
function modelImports(source: string): { names: string[]; span: [number, number] | undefined } {
  const match = /import type \{([^}]*)\} from '\.\/model';\n/.exec(source);
  if (!match) return { names: [], span: undefined };
  const names = (match[1] as string)
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return { names, span: [match.index, match.index + match[0].length] };
}

/** Operation ids whose request function is in this file, in file order. */
function operationsIn(source: string, operations: ReadonlyMap<string, OperationInfo>): OperationInfo[] {
  return [...source.matchAll(/^\s*export const (\w+) = \(/gm)]
    .map((match) => operations.get(match[1] as string))
    .filter((operation): operation is OperationInfo => operation !== undefined);
}

export function postprocessTagFile(original: string, context: TagFileContext): string {
  let source = original;
  const { names: importedModels, span } = modelImports(source);
  if (span) source = source.slice(0, span[0]) + source.slice(span[1]);
  const requests: ParsedRequest[] = [];
  for (const operation of operationsIn(source, context.operations)) {
    const found = findRequestFunction(source, operation.operationId);
    if (!found) continue;
    const request = parseRequest(operation, found.parameterText, found.bodyText);
    const replacements = registerAliases(request, context);
    requests.push(request);
    source = source.slice(0, found.start) + renderRequestFunction(request) + source.slice(found.end);
    for (const [type, expression] of replacements) source = source.replaceAll(type, expression);
  }
  // Errors: one typed error class for every failed response (the body is on `error.body`).
  source = source.replace(/ErrorType<[^<>]*>/g, "InstantlyApiError");
  for (const request of requests) {
    if (request.operation.isQuery) source = rewriteQueryKeys(source, request);
    else source = rewriteMutation(source, request);
  }
  source = injectClientIntoQueryHooks(source);
  for (const request of requests) {
    if (request.operation.pagination === "body") source += bodyCursorInfinite(request);
    if (request.operation.isQuery) source += suspenseAlias(request);
  }
  if (requests.some((request) => request.operation.pagination === "body")) {
    for (const hook of ["useInfiniteQuery", "useSuspenseInfiniteQuery"]) {
      if (!new RegExp(`^  ${hook},?$`, "m").test(source))
        source = source.replace("import {\n", `import {\n  ${hook},\n`);
    }
    const types = ["InfiniteData", "UseInfiniteQueryOptions", "UseInfiniteQueryResult"];
    for (const type of [...types, "UseSuspenseInfiniteQueryOptions", "UseSuspenseInfiniteQueryResult"]) {
      if (!new RegExp(`^  ${type},?$`, "m").test(source))
        source = source.replace("import type {\n", `import type {\n  ${type},\n`);
    }
  }

  // Imports: model names that are still used come from the types package (schemas) or model.ts.
  const used = (name: string) => new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(source);
  const fromTypes = new Set<string>(["QueryParams", "RequestBody", "ResponseBody"].filter(used));
  const fromModel = new Set<string>();
  for (const name of importedModels) {
    if (!used(name)) continue;
    if (context.schemaNames.has(name)) fromTypes.add(name);
    else if (context.aliases.has(name)) fromModel.add(name);
    else fail(`generated hooks use orval type \`${name}\`, which has no counterpart in @instantly-kit/types`);
  }
  const runtime = [
    "instantlyRequest",
    "nextStartingAfter",
    "useInstantlyRequestOptions",
    "withInvalidation",
  ].filter(used);
  const runtimeTypes = ["InvalidateOption", "InvalidationTargetsOf"].filter(used);
  const imports = [
    fromTypes.size ? `import type { ${[...fromTypes].sort().join(", ")} } from "@instantly-kit/types";` : "",
    used("InstantlyApiError") ? `import type { InstantlyApiError } from "@instantly-kit/client";` : "",
    fromModel.size ? `import type { ${[...fromModel].sort().join(", ")} } from "./model.js";` : "",
    runtime.length ? `import { ${runtime.join(", ")} } from "../runtime.js";` : "",
    runtimeTypes.length ? `import type { ${runtimeTypes.join(", ")} } from "../runtime.js";` : "",
  ].filter(Boolean);
  source = source
    .replace(/import \{ instantlyRequest \} from '[^']*';\n/, "")
    .replace(/import type \{ ErrorType \} from '[^']*';\n/, "")
    .replace(
      /(\} from '@tanstack\/react-query';\n)(?![\s\S]*\} from '@tanstack\/react-query';)/,
      `$1${imports.join("\n")}\n`,
    );
  return source;
}
