import type { Options } from "orval";
import type { OperationInfo } from "./operations.ts";

/**
 * The orval 8 configuration for the hooks: react-query client, TanStack Query v5, one file per tag,
 * our mutator (packages/react-query/src/mutator.ts) for transport. Operation kinds are decided by us
 * (see operations.ts) and handed to orval per operation, so orval never has to guess:
 * - POST reads become queries (`useQuery: true, useMutation: false`);
 * - infinite hooks (plain and suspense) exist for exactly the query-cursor operations (body-cursor ones
 *   orval cannot do: postprocess.ts writes those).
 */
/**
 * The document orval sees: the normalized spec without the bodies of non-2xx responses. Hooks type every
 * failure as `InstantlyApiError` (the body is `error.body`), so orval's ~1,000 per-status error models
 * (`ListCampaign401`…) would be generated only to be thrown away — they were most of its time and memory.
 */
export function withoutErrorBodies(document: Record<string, unknown>): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(
    (document.paths ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const copy: Record<string, unknown> = { ...item };
    for (const [method, operation] of Object.entries(item)) {
      const responses = (operation as { responses?: Record<string, unknown> } | undefined)?.responses;
      if (!responses || typeof responses !== "object") continue;
      const kept = Object.fromEntries(
        Object.entries(responses).map(([status, response]) =>
          /^2/.test(status) ? [status, response] : [status, { description: "error" }],
        ),
      );
      copy[method] = { ...(operation as object), responses: kept };
    }
    paths[path] = copy;
  }
  return { ...document, paths };
}

/**
 * Schemas as orval needs them for the hooks: names and shapes (object, array of `$ref`…) but no properties.
 * The hooks type bodies and answers with the types package (postprocess.ts), so orval's models are scratch
 * output — yet orval names a model file after every nested property (`Thing` + property name), and a property
 * name is spec text: a long or hostile one fails the write (ENAMETOOLONG) or lands in a file name. Property
 * names never reach hook code, so they never reach orval.
 */
export function withoutProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutProperties);
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" || key === "patternProperties") continue;
    copy[key] = withoutProperties(value);
  }
  return copy;
}

export function orvalOptions(input: {
  document: Record<string, unknown>;
  operations: OperationInfo[];
  workDir: string;
  mutatorPath: string;
}): Options {
  const perOperation: Record<string, { query: Record<string, unknown> }> = {};
  for (const operation of input.operations) {
    if (operation.method === "post" && operation.isQuery) {
      perOperation[operation.operationId] = {
        query: { useQuery: true, useMutation: false, useSuspenseQuery: true, useInfinite: false },
      };
    } else if (operation.pagination === "query") {
      perOperation[operation.operationId] = { query: { useInfinite: true, useSuspenseInfiniteQuery: true } };
    }
  }
  return {
    // orval takes the parsed document directly: no second read, and the normalized spec is what it sees.
    // The pipeline has validated the spec already (spec/validate.ts): no second validation pass in orval.
    input: {
      target: withoutProperties(withoutErrorBodies(input.document)) as never,
      unsafeDisableValidation: true,
    },
    output: {
      target: `${input.workDir}/endpoints.ts`,
      // orval's own model types go to a scratch folder we never ship: postprocess.ts maps the few names the
      // hooks use to types-package types. (A folder, not one endpoints.schemas.ts: that single huge string
      // costs orval ~150 MB more peak memory for the same time.)
      schemas: `${input.workDir}/model`,
      client: "react-query",
      httpClient: "axios",
      mode: "tags",
      clean: false,
      prettier: false,
      override: {
        header: false,
        mutator: { path: input.mutatorPath, name: "instantlyRequest" },
        operations: perOperation as never,
        query: {
          version: 5,
          useQuery: undefined,
          useSuspenseQuery: true,
          useInfinite: false,
          useSuspenseInfiniteQuery: false,
          useInfiniteQueryParam: "starting_after",
          shouldExportKeys: true,
          shouldSplitQueryKey: false,
          signal: true,
        },
      },
    },
  } as Options;
}
