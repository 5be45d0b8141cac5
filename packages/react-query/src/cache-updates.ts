import { type QueryClient, type QueryKey, replaceEqualDeep } from "@tanstack/react-query";
import { type InstantlyResourceItems, resourceIdFields } from "./generated/resources.gen.js";

/**
 * Optimistic updates across every cached copy of one item: the item's own queries
 * (`["instantly", resource, "item", id, …]`) and every list of the resource (`["instantly", resource, "list",
 * …]`: `{ items: [...] }` pages, infinite pages, arrays), wherever an entry's identifying field (`id`, or the
 * field the resource's path parameter names, e.g. `email`) equals `id`. Typed by the resource's item type.
 */

export type InstantlyResource = keyof InstantlyResourceItems;

export type ItemPatch<R extends InstantlyResource> =
  | Partial<InstantlyResourceItems[R]>
  | ((item: InstantlyResourceItems[R]) => InstantlyResourceItems[R]);

/** Data `updateCached` wrote: never confirmed by the API. */
const optimistic = new WeakSet<object>();

/**
 * Applies `patch` to every cached copy of the item and returns the rollback (call it from `onError`). It puts
 * back the data it replaced where the cache still holds its patch — and refetches that query when what it puts
 * back is itself another update's optimistic copy (two updates in flight: the API may refuse that one too).
 * Where something was written since (a later update, a refetch), it leaves the cache to that writer.
 *
 * ```ts
 * const rollback = updateCached(queryClient, "leads", id, { first_name: "Ada" });
 * patchLead.mutate({ id, data }, { onError: rollback });
 * ```
 * In-flight fetches of those queries are cancelled first so they cannot overwrite the optimistic data
 * (not awaited: call `await queryClient.cancelQueries(…)` yourself if you need that guarantee first).
 */
export function updateCached<R extends InstantlyResource>(
  queryClient: QueryClient,
  resource: R,
  id: string,
  patch: ItemPatch<R>,
): () => void {
  const field = resourceIdFields[resource] as string;
  const apply = (item: unknown): unknown => {
    if (typeof item !== "object" || item === null) return item;
    if ((item as Record<string, unknown>)[field] !== id) return item;
    return typeof patch === "function"
      ? (patch as (value: unknown) => unknown)(item)
      : { ...(item as object), ...(patch as object) };
  };
  const saved: Array<[key: QueryKey, before: unknown, written: unknown]> = [];
  const update = (queryKey: QueryKey, map: (data: unknown) => unknown) => {
    for (const [key, data] of queryClient.getQueriesData({ queryKey })) {
      if (data === undefined) continue;
      const next = map(data);
      if (next === data) continue;
      void queryClient.cancelQueries({ queryKey: key, exact: true });
      const written = queryClient.setQueryData(key, next);
      if (typeof written === "object" && written !== null) optimistic.add(written);
      saved.push([key, data, written]);
    }
  };
  update(["instantly", resource, "item", id], apply);
  update(["instantly", resource, "list"], (data) => mapList(data, apply));
  return () => {
    for (const [key, before, written] of saved) {
      const current = queryClient.getQueryData(key);
      // Deep-equal: a rollback of another update may have put back an equal copy of what this one wrote.
      if (current === undefined || replaceEqualDeep(current, written) !== current) continue;
      queryClient.setQueryData(key, before);
      if (typeof before === "object" && before !== null && optimistic.has(before))
        void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
  };
}

/** Maps the items of a cached list — an array, a page `{ items }`, infinite data `{ pages }` — keeping identity when nothing changed. */
function mapList(data: unknown, apply: (item: unknown) => unknown): unknown {
  if (Array.isArray(data)) {
    const next = data.map(apply);
    return next.some((item, index) => item !== data[index]) ? next : data;
  }
  if (typeof data !== "object" || data === null) return data;
  const record = data as Record<string, unknown>;
  if (Array.isArray(record.pages)) {
    const pages = record.pages.map((page) => mapList(page, apply));
    return pages.some((page, index) => page !== (record.pages as unknown[])[index])
      ? { ...record, pages }
      : data;
  }
  if (Array.isArray(record.items)) {
    const items = mapList(record.items, apply);
    return items === record.items ? data : { ...record, items };
  }
  return data;
}
