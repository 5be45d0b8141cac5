import type { GeneratorMutator, GeneratorVerbOptions, Options } from "orval";
import { identifier } from "../../emit/index.ts";
import { CliError } from "../../errors.ts";
import { isSuccessStatus, schemaRef } from "../../model/index.ts";
import type { HookOperation } from "./operations.ts";
import { fail } from "./syntax.ts";

/**
 * The orval 8 configuration for the hooks. Everything orval can express is said here, in its own options
 * (ADR 0019); what it cannot is done on its output's syntax tree (postprocess.ts, syntax.ts).
 *
 * - `client: "react-query"`, TanStack Query v5, one file per tag;
 * - `override.transformer`: our mutator (packages/react-query/src/mutator.ts) for transport, given per operation
 *   ({@link MUTATOR}, ADR 0036);
 * - `override.operations`: the operation kinds are decided by us (operations.ts) and handed to orval per operation,
 *   so orval never guesses — POST reads become queries, query-cursor operations get (suspense) infinite hooks;
 * - `override.operationName`: the model's name of each operation, from which orval derives every hook name;
 * - `override.query.options.getNextPageParam`: orval puts it in every infinite query's options (and only there);
 * - `input.override.transformer` ({@link orvalInput}): what orval reads of the spec — see there.
 */

/** The one schema name orval sees for every failure: its hooks then type errors as our error class. */
export const ERROR_SCHEMA = "InstantlyApiError";

/**
 * A path orval can put in a template literal without it becoming code. orval's copy of the path is only ever
 * read to name and match parameters: the request functions and keys are rebuilt from the model's path
 * (printed as escaped string literals), so here every character outside the plain URL alphabet becomes `_<hex code point>_`.
 */
export function inertPath(path: string): string {
  let result = "";
  for (const char of path) {
    result += /[A-Za-z0-9\-._~/{}]/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return result;
}

/**
 * orval's input transformer: the document orval sees.
 * - Operations carry no prose (summary, description, deprecated): orval would copy it into JSDoc unescaped; we
 *   write every doc comment ourselves from the model, through emit/'s escaping (targets/operation-docs.ts).
 * - operationIds must be identifiers (they become function names) — anything else is refused with one line.
 * - Paths are made inert ({@link inertPath}).
 * - Schemas have no shape (see {@link withShapelessContent}): orval's models are scratch.
 * - Failures are one response answering {@link ERROR_SCHEMA}: every failure is an `InstantlyApiError` (the body is
 *   `error.body`), so orval's ~1,000 per-status error models (`ListCampaign401`…) are not generated — they were
 *   most of its time and memory — and its error types read `InstantlyApiError` with no rewrite.
 * - The JSON body of a POST/PUT/PATCH mutation is required (`mutate({ data })`), also where the spec leaves `requestBody` optional:
 *   Instantly's spec marks most bodies optional, and `useCreateLead().mutate({})` compiling meant a create with
 *   no data. An app that really sends none writes `{ data: {} }`. Query hooks (GETs, POST reads whose filters
 *   are all optional) keep an optional body. Only what orval sees changes: the types package's `RequestBody`,
 *   the spec and the lock do not.
 */
export function orvalInput(
  document: Record<string, unknown>,
  requiredBodies: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const errorResponse = {
    description: "error",
    content: { "application/json": { schema: { $ref: schemaRef(ERROR_SCHEMA) } } },
  };
  for (const [path, item] of Object.entries(
    (document.paths ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const copy: Record<string, unknown> = { ...item };
    delete copy.summary;
    delete copy.description;
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== "object" || operation === null || !("responses" in operation)) continue;
      const { summary: _s, description: _d, deprecated: _x, ...rest } = operation as Record<string, unknown>;
      const id = rest.operationId;
      if (typeof id === "string") {
        try {
          identifier(id);
        } catch (error) {
          throw new CliError(
            `react-query: operationId of ${method.toUpperCase()} ${JSON.stringify(path)}: ${(error as Error).message}`,
          );
        }
      }
      const responses = (rest.responses ?? {}) as Record<string, unknown>;
      // Every operation can fail (even where the spec documents no error): one error response for all.
      rest.responses = {
        ...Object.fromEntries(
          Object.entries(responses)
            .filter(([status]) => isSuccessStatus(status))
            .map(([status, response]) => [status, withShapelessContent(response)]),
        ),
        "400": errorResponse,
      };
      if (rest.requestBody) {
        const body = withShapelessContent(rest.requestBody) as Record<string, unknown>;
        const json = (body.content as Record<string, unknown> | undefined)?.["application/json"];
        rest.requestBody =
          typeof id === "string" && requiredBodies.has(id) && json && !("$ref" in body)
            ? { ...body, required: true }
            : body;
      }
      copy[method] = rest;
    }
    paths[inertPath(path)] = copy;
  }
  const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
  if (components.schemas && ERROR_SCHEMA in components.schemas) {
    throw new CliError(
      `react-query: the spec defines a schema named ${ERROR_SCHEMA}, which the hooks reserve`,
    );
  }
  const schemas = Object.fromEntries(Object.keys(components.schemas ?? {}).map((name) => [name, SHAPELESS]));
  return {
    ...document,
    paths,
    components: { ...components, schemas: { ...schemas, [ERROR_SCHEMA]: SHAPELESS } },
  };
}

/**
 * orval's model types are never shipped (the hooks use the types package's: `ResponseBody<"op">`,
 * `RequestBody<"op">`, component names), so orval gets schemas without shape — names and references only — and
 * spends no time on models nobody reads. Component schemas keep their names (a body or path parameter typed by
 * a component keeps that name in the hooks); inline body and response schemas become one object each.
 */
const SHAPELESS = { type: "object" } as const;

function withShapelessContent(value: unknown): unknown {
  if (typeof value !== "object" || value === null || "$ref" in value) return value;
  const content = (value as { content?: Record<string, { schema?: unknown }> }).content;
  if (!content) return value;
  const shapeless = Object.fromEntries(
    Object.entries(content).map(([type, media]) => {
      const schema = media?.schema;
      const keep = typeof schema === "object" && schema !== null && "$ref" in schema;
      return [type, { ...media, schema: keep ? schema : SHAPELESS }];
    }),
  );
  return { ...value, content: shapeless };
}

// orval prints a function option by its source (`String(fn)`): this arrow is emitted as written, where the
// generated file imports `nextStartingAfter` from the runtime. Contextually typed by orval's options cast.
// It passes every argument on: the pages and cursors so far are how a cursor loop is told from a next page.
const getNextPageParam = (
  lastPage: unknown,
  allPages: unknown[],
  lastPageParam: unknown,
  allPageParams: unknown[],
) => nextStartingAfter(lastPage, allPages, lastPageParam, allPageParams);
declare function nextStartingAfter(
  page: unknown,
  pages: unknown[],
  pageParam: unknown,
  pageParams: unknown[],
): string | undefined;

/**
 * What orval would learn from `override.mutator: { path: "…/mutator.ts", name: "instantlyRequest" }`: the name
 * its request functions call, and that it takes a second argument (the per-call `options.request`) — orval then
 * passes it through every hook and options helper. The import path is never printed: postprocess.ts rebuilds
 * every import (`instantlyRequest` comes from ../runtime.js). The generated package's type-check holds this
 * against the real `instantlyRequest` (packages/react-query/src/mutator.ts).
 */
export const MUTATOR: GeneratorMutator = {
  name: "instantlyRequest",
  path: "../runtime",
  default: false,
  hasErrorType: false,
  errorTypeName: "ErrorType",
  hasSecondArg: true,
  hasThirdArg: false,
  isHook: false,
};

/** orval's per-operation output transformer: every operation calls {@link MUTATOR}. */
function withMutator(verb: GeneratorVerbOptions): GeneratorVerbOptions {
  return { ...verb, mutator: MUTATOR };
}

export function orvalOptions(input: {
  document: Record<string, unknown>;
  operations: readonly HookOperation[];
  workDir: string;
}): Options {
  const orvalNames = new Map(input.operations.map((operation) => [operation.id, operation.orvalName]));
  // A DELETE's body (a reason, a filter) stays as optional as the spec says: only creates and updates need one.
  const requiredBodies = new Set(
    input.operations
      .filter((operation) => !operation.isQuery && ["post", "put", "patch"].includes(operation.method))
      .map((operation) => operation.id),
  );
  const perOperation: Record<string, { query: Record<string, unknown> }> = {};
  for (const operation of input.operations) {
    if (operation.method === "post" && operation.isQuery) {
      perOperation[operation.id] = {
        query: { useQuery: true, useMutation: false, useSuspenseQuery: true, useInfinite: false },
      };
    }
    if (operation.pagination === "query") {
      perOperation[operation.id] = {
        query: { ...perOperation[operation.id]?.query, useInfinite: true, useSuspenseInfiniteQuery: true },
      };
    }
  }
  return {
    // orval takes the parsed document directly: no second read, and the normalized spec is what it sees.
    // The pipeline has validated the spec already (spec/validate.ts): no second validation pass in orval.
    input: {
      target: input.document as never,
      unsafeDisableValidation: true,
      override: {
        transformer: ((document: Record<string, unknown>) => orvalInput(document, requiredBodies)) as never,
      },
    },
    output: {
      target: `${input.workDir}/endpoints.ts`,
      // orval's own model types go to a scratch folder we never ship: the hooks use the types package's
      // types. (A folder, not one endpoints.schemas.ts: that single huge string costs orval ~150 MB more
      // peak memory for the same time.)
      schemas: `${input.workDir}/model`,
      client: "react-query",
      httpClient: "axios",
      mode: "tags",
      clean: false,
      prettier: false,
      override: {
        header: false,
        // Our mutator, handed to orval as the verb option it would derive from `override.mutator`: orval derives it
        // by bundling the mutator file with esbuild once per operation (~240 sequential round trips, ~1.5 s of a
        // generation's critical path) to count `instantlyRequest`'s parameters, which we know. ADR 0036.
        transformer: withMutator,
        // orval derives hook, key and type names from the operation's name: it gets the model's name
        // (operations.ts `orvalOperationName`), so `LIST_ITEMS` gives `useLISTITEMS` as the model says, not orval's
        // `useListItems`. The request function orval names after it is renamed to the operationId afterwards.
        operationName: (operation: { operationId?: string }) =>
          orvalNames.get(operation.operationId ?? "") ??
          fail(
            `orval asks for the name of an operation the model does not have: ${JSON.stringify(operation.operationId)}`,
          ),
        operations: perOperation as never,
        query: {
          version: 5,
          useQuery: undefined,
          useSuspenseQuery: true,
          useInfinite: false,
          useSuspenseInfiniteQuery: false,
          useInfiniteQueryParam: "starting_after",
          options: { getNextPageParam },
          shouldExportKeys: true,
          shouldSplitQueryKey: false,
          signal: true,
        },
      },
    },
  } as Options;
}
