import type { Options } from "orval";
import type { OperationInfo } from "./operations.ts";

/**
 * The orval 8 configuration for the hooks: react-query client, TanStack Query v5, one file per tag,
 * our mutator (packages/react-query/src/mutator.ts) for transport. Operation kinds are decided by us
 * (see operations.ts) and handed to orval per operation, so orval never has to guess:
 * - POST reads become queries (`useQuery: true, useMutation: false`);
 * - infinite hooks exist for exactly the query-cursor operations (body-cursor ones orval cannot do:
 *   postprocess.ts writes those).
 */
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
      perOperation[operation.operationId] = { query: { useInfinite: true } };
    }
  }
  return {
    // orval takes the parsed document directly: no second read, and the normalized spec is what it sees.
    input: { target: input.document as never },
    output: {
      target: `${input.workDir}/endpoints.ts`,
      // No `schemas` folder: orval then writes its model types into one endpoints.schemas.ts (4,000+
      // files otherwise) that we never ship — postprocess.ts maps the few names hooks use to types-package types.
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
          useInfiniteQueryParam: "starting_after",
          shouldExportKeys: true,
          shouldSplitQueryKey: false,
          signal: true,
        },
      },
    },
  } as Options;
}
