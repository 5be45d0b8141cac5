import type {
  MutationFunctionContext,
  QueryClient,
  QueryKey,
  UseMutationOptions,
} from "@tanstack/react-query";

/**
 * What a successful mutation makes stale, computed by the generator from the operation's path
 * (packages/codegen/src/targets/react-query/operations.ts):
 * - `{ resource }`: a collection-level or bulk change (`POST /campaigns`, `POST /leads/move`) —
 *   every query of the resource;
 * - `{ item, collection }`: a change to one item (`PATCH /campaigns/{id}`) — the item's queries
 *   (the item and everything below it) and the collection's list queries; `removeItem` for a DELETE
 *   of the item, whose queries are dropped instead of refetching a 404.
 */
export type InvalidationTargets =
  | { resource: QueryKey }
  | { item: QueryKey; collection: QueryKey; removeItem?: boolean };

/** Typing aid for the generated `(variables) => targets` functions. */
export type InvalidationTargetsOf<TVariables> = (variables: TVariables) => InvalidationTargets;

/**
 * Per-call control of a mutation's invalidation: `true` (default) invalidates the resource as
 * described above, `false` nothing, a function replaces the default (it may return a promise that
 * the mutation waits for, like `onSuccess`) and can still run it: `invalidateDefault()`.
 */
export type InvalidateOption<TData = unknown, TVariables = unknown> =
  | boolean
  | ((context: {
      queryClient: QueryClient;
      data: TData;
      variables: TVariables;
      /** The generated default for this mutation, to extend rather than replace it. */
      invalidateDefault: () => Promise<void>;
    }) => unknown);

function startsWith(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.length <= key.length && prefix.every((part, index) => part === key[index]);
}

/** A list query of `collection`: its key is the collection followed only by params and the infinite marker. */
function isListOf(key: QueryKey, collection: QueryKey): boolean {
  if (!startsWith(key, collection)) return false;
  return key.slice(collection.length).every((part) => typeof part === "object" || part === "infinite");
}

export async function invalidateTargets(
  queryClient: QueryClient,
  targets: InvalidationTargets,
): Promise<void> {
  if ("resource" in targets) {
    await queryClient.invalidateQueries({ queryKey: targets.resource });
    return;
  }
  if (targets.removeItem) queryClient.removeQueries({ queryKey: targets.item });
  await Promise.all([
    targets.removeItem ? undefined : queryClient.invalidateQueries({ queryKey: targets.item }),
    queryClient.invalidateQueries({ predicate: (query) => isListOf(query.queryKey, targets.collection) }),
  ]);
}

/**
 * Wraps generated mutation options so that success invalidates the resource's queries before the
 * caller's own `onSuccess` runs (so `await mutateAsync()` resolves with lists already refetched).
 * The QueryClient comes from the mutation context (TanStack Query ≥ 5.80), so the `…MutationOptions`
 * helpers work outside hooks too.
 */
export function withInvalidation<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  targets: InvalidationTargetsOf<TVariables>,
  invalidate: InvalidateOption<TData, TVariables> = true,
): UseMutationOptions<TData, TError, TVariables, TContext> {
  if (invalidate === false) return options;
  const onSuccess = options.onSuccess;
  return {
    ...options,
    onSuccess: async (
      data: TData,
      variables: TVariables,
      onMutateResult: TContext,
      context: MutationFunctionContext,
    ) => {
      const queryClient = context.client;
      const invalidateDefault = () => invalidateTargets(queryClient, targets(variables));
      if (typeof invalidate === "function")
        await invalidate({ queryClient, data, variables, invalidateDefault });
      else await invalidateDefault();
      return onSuccess?.(data, variables, onMutateResult, context);
    },
  };
}

/** `getNextPageParam` of every infinite hook: the response's cursor, absent → no next page. */
export function nextStartingAfter(page: unknown): string | undefined {
  const cursor = (page as { next_starting_after?: unknown } | null | undefined)?.next_starting_after;
  return typeof cursor === "string" && cursor !== "" ? cursor : undefined;
}
