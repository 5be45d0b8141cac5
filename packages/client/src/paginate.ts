import type { paths } from "@instantly-kit/types";
import type { Client, MaybeOptionalInit } from "openapi-fetch";
import { apiErrorFrom } from "./errors.js";
import { type PaginatedPath, paginatedOperations } from "./generated/pagination.gen.js";

type PageMethod<P extends PaginatedPath> = (typeof paginatedOperations)[P]["method"];
type PageOperation<P extends PaginatedPath> = paths[P][PageMethod<P>];

type RawInit<P extends PaginatedPath> = MaybeOptionalInit<paths[P], PageMethod<P>>;

/** The same `init` openapi-fetch takes for that operation (`params`, `body`, `signal`, `headers`…). */
export type PaginateInit<P extends PaginatedPath> = NonNullable<RawInit<P>>;

type SuccessStatus = 200 | 201 | 202 | 203 | 206 | "2XX";
type Responses<P extends PaginatedPath> = PageOperation<P> extends { responses: infer R } ? R : never;
// Read straight from the operation's 2xx JSON (not through openapi-fetch's Readable<>), so an item is
// exactly the schema type (`Campaign`, `Lead`…) and costs the checker one lookup.
type PageData<P extends PaginatedPath> = Responses<P>[keyof Responses<P> & SuccessStatus] extends {
  content: { "application/json": infer Body };
}
  ? Body
  : never;

/** One element of the operation's `items`. */
export type PageItem<P extends PaginatedPath> =
  PageData<P> extends { items?: (infer Item)[] | null } ? Item : never;

export interface PaginateOptions {
  /** Stop after yielding this many items. */
  maxItems?: number;
  /** Stop after fetching this many pages. */
  maxPages?: number;
}

type Page = { items?: unknown[] | null; next_starting_after?: string | null };
type Init = { params?: { query?: Record<string, unknown> }; body?: unknown; [key: string]: unknown };

/**
 * Every item of a cursor-paginated operation, page by page:
 * `for await (const campaign of paginate(client, "/api/v2/campaigns", { params: { query: { limit: 50 } } }))`.
 * The first request is sent as given (no `starting_after`); each next one carries the previous page's
 * `next_starting_after` in the query or the body (whichever the spec says); it stops when that is absent.
 * A failed page throws `InstantlyApiError` (retries already happened in the client's transport).
 */
export async function* paginate<P extends PaginatedPath>(
  client: Client<paths>,
  path: P,
  ...[init, options = {}]: undefined extends RawInit<P>
    ? [init?: PaginateInit<P>, options?: PaginateOptions]
    : [init: PaginateInit<P>, options?: PaginateOptions]
): AsyncGenerator<PageItem<P>, void, undefined> {
  const { method, cursorIn } = paginatedOperations[path];
  const { maxItems = Number.POSITIVE_INFINITY, maxPages = Number.POSITIVE_INFINITY } = options;
  const request = client.request as (
    method: string,
    url: string,
    init?: Init,
  ) => Promise<{
    data?: Page;
    error?: unknown;
    response: Response;
  }>;
  const base = (init ?? {}) as Init;
  let cursor: string | undefined;
  let pages = 0;
  let yielded = 0;
  while (pages < maxPages && yielded < maxItems) {
    const pageInit = cursor === undefined ? base : withCursor(base, cursorIn, cursor);
    const { data, error, response } = await request(method, path, pageInit);
    if (error !== undefined || !response.ok) throw apiErrorFrom(response, error);
    pages++;
    for (const item of data?.items ?? []) {
      if (yielded >= maxItems) return;
      yielded++;
      yield item as PageItem<P>;
    }
    const next = data?.next_starting_after;
    // A server echoing the same cursor would loop forever; treat it as the end.
    if (!next || next === cursor) return;
    cursor = next;
  }
}

function withCursor(init: Init, cursorIn: "query" | "body", cursor: string): Init {
  if (cursorIn === "body") return { ...init, body: { ...(init.body as object), starting_after: cursor } };
  return { ...init, params: { ...init.params, query: { ...init.params?.query, starting_after: cursor } } };
}
