import { MAX_EMPTY_PAGES } from "@instantly-kit/client";
import type {
  MutationFunctionContext,
  QueryClient,
  QueryKey,
  UseMutationOptions,
} from "@tanstack/react-query";
import { waitForBackgroundJob } from "./background-jobs.js";
import type { InstantlyRequestOptions } from "./mutator.js";

/**
 * What a successful mutation makes stale, computed by the generator from the operation's path
 * (packages/codegen/src/targets/react-query/operations.ts; key layout in ADR 0022):
 * - `{ resource }`: a collection-level or bulk change (`POST /campaigns`, `POST /leads/move`) — every query
 *   of the resource, `["instantly", "leads"]`;
 * - `{ item, lists }`: a change to one item (`PATCH /leads/{id}`) — the item's queries (the item and
 *   everything below it) and the resource's lists (`["instantly", "leads", "list"]`: GET lists and POST reads
 *   such as `listLeads`, plain and infinite); `removeItem` for a DELETE of the item, whose queries are
 *   dropped instead of refetching a 404;
 * - `afterJob`: the API answers with a background job and does the work later (`POST /leads/move`): the
 *   invalidation waits until the job ends (background-jobs.ts).
 */
export type InvalidationTargets = (
  | { resource: QueryKey }
  | { item: QueryKey; lists: readonly QueryKey[]; removeItem?: boolean }
) & { afterJob?: boolean };

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
    ...targets.lists.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ]);
}

/**
 * Wraps generated mutation options so that success invalidates the resource's queries before the
 * caller's own `onSuccess` runs (so `await mutateAsync()` resolves with lists already refetched).
 * The QueryClient comes from the mutation context (TanStack Query ≥ 5.80), so the `…MutationOptions`
 * helpers work outside hooks too.
 *
 * An operation the API completes in a background job (`afterJob`) resolves at once with the job; its
 * invalidation (default or the caller's `invalidate`) runs when the job ends — success, failure or the poll
 * giving up — polled through `request.client` like `useBackgroundJob(data.id)`, whose cache entry it shares.
 */
export function withInvalidation<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  targets: InvalidationTargetsOf<TVariables>,
  invalidate: InvalidateOption<TData, TVariables> = true,
  request?: InstantlyRequestOptions,
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
      const planned = targets(variables);
      const invalidateDefault = () => invalidateTargets(queryClient, planned);
      const run = async () => {
        if (typeof invalidate === "function")
          await invalidate({ queryClient, data, variables, invalidateDefault });
        else await invalidateDefault();
      };
      const jobId = planned.afterJob ? idOf(data) : undefined;
      if (jobId !== undefined && request?.client) {
        // Not awaited: the mutation is done when the API accepted the job; the data changes when it ends.
        void waitForBackgroundJob(queryClient, request.client, jobId)
          .catch(() => undefined)
          .then(run)
          .catch(() => undefined);
      } else await run();
      return onSuccess?.(data, variables, onMutateResult, context);
    },
  };
}

function idOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * `getNextPageParam` of every infinite hook: the response's cursor; none — `hasNextPage` false — when it is absent,
 * or where `paginate()` of @instantly-kit/client would throw `InstantlyPaginationError` (a server that would make
 * "load while there is more" run forever): a cursor already requested (the same one echoed, or A → B → A), or more
 * than `MAX_EMPTY_PAGES` empty pages in a row that still hand out a cursor.
 */
export function nextStartingAfter(
  page: unknown,
  pages: readonly unknown[] = [],
  pageParam?: unknown,
  pageParams: readonly unknown[] = [],
): string | undefined {
  const cursor = (page as { next_starting_after?: unknown } | null | undefined)?.next_starting_after;
  if (typeof cursor !== "string" || cursor === "") return undefined;
  if (cursor === pageParam || pageParams.includes(cursor)) return undefined;
  let empty = 0;
  for (let index = pages.length - 1; index >= 0 && isEmptyPage(pages[index]); index--) empty++;
  return empty > MAX_EMPTY_PAGES ? undefined : cursor;
}

function isEmptyPage(page: unknown): boolean {
  const items = (page as { items?: unknown } | null | undefined)?.items;
  return !Array.isArray(items) || items.length === 0;
}
