import type { paths } from "@instantly-kit/types";
import type { Client, MaybeOptionalInit } from "openapi-fetch";
import { redactorOf } from "./client.js";
import { apiErrorFrom, InstantlyPaginationError } from "./errors.js";
import { type PaginatedPath, paginatedOperations } from "./generated/pagination.gen.js";
import type { Redactor } from "./redact.js";

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

type Page = { items?: unknown; next_starting_after?: unknown };

/**
 * Empty pages in a row that still hand out a new cursor before `paginate()` gives up: a real API may send
 * an empty page now and then (items filtered out after the limit was applied), never an endless run of them.
 */
export const MAX_EMPTY_PAGES = 5;
type Init = { params?: { query?: Record<string, unknown> }; body?: unknown; [key: string]: unknown };

/**
 * Every item of a cursor-paginated operation, page by page:
 * `for await (const campaign of paginate(client, "/api/v2/campaigns", { params: { query: { limit: 50 } } }))`.
 * The first request is sent as given (no `starting_after`); each next one carries the previous page's
 * `next_starting_after` in the query or the body (whichever the spec says); it stops when that is absent.
 * A failed page throws `InstantlyApiError` (retries already happened in the client's transport).
 *
 * It ends on any server, without `maxPages`: a cursor seen before (A→B→A, or the same one echoed),
 * more than `MAX_EMPTY_PAGES` empty pages in a row, a cursor that is neither a string nor a number, or
 * `items` that is not an array throw `InstantlyPaginationError` naming the operation and the cursor.
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
  const redactor = redactorOf(client);
  let cursor: string | number | undefined;
  const seen = new Set<string>();
  let pages = 0;
  let emptyPages = 0;
  let yielded = 0;
  const fail = (reason: string, value?: unknown) =>
    new InstantlyPaginationError({
      // String(): with a spec that has no paginated operation, `method` is typed `never`.
      operation: `${String(method).toUpperCase()} ${path}`,
      cursor: value === undefined ? undefined : shown(value, redactor),
      pages,
      reason,
    });
  while (pages < maxPages && yielded < maxItems) {
    const pageInit = cursor === undefined ? base : withCursor(base, cursorIn, cursor);
    const { data, error, response } = await request(method, path, pageInit);
    if (error !== undefined || !response.ok) throw apiErrorFrom(response, error);
    pages++;
    if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data))) {
      throw fail("the page is not an object");
    }
    const items = data?.items ?? [];
    if (!Array.isArray(items)) throw fail("`items` is not an array", cursor);
    for (const item of items) {
      if (yielded >= maxItems) return;
      yielded++;
      yield item as PageItem<P>;
    }
    const next = data?.next_starting_after;
    if (next === undefined || next === null || next === "") return;
    if (!(typeof next === "string" || (typeof next === "number" && Number.isFinite(next)))) {
      throw fail("the next cursor is neither a string nor a number", next);
    }
    if (cursor !== undefined) seen.add(String(cursor));
    if (seen.has(String(next)) || String(next) === String(cursor)) {
      throw fail("the server sent a cursor it had already sent (the pages would repeat forever)", next);
    }
    emptyPages = items.length === 0 ? emptyPages + 1 : 0;
    if (emptyPages > MAX_EMPTY_PAGES) {
      throw fail(`${emptyPages} empty pages in a row, each with a new cursor`, next);
    }
    cursor = next;
  }
}

/**
 * A cursor as text for an error message: strings as they are, anything else as JSON; at most 200 chars.
 * Redacted first and cut last: cut first, a key straddling the cut would survive as an unredactable prefix.
 * A structured value is redacted before JSON.stringify, which escapes `"` and `\` and so would hide a key
 * holding them from the text redactor.
 */
function shown(value: unknown, redactor: Redactor | undefined): string {
  const clean = redactor ? (typeof value === "string" ? redactor.text(value) : redactor.json(value)) : value;
  const text = typeof clean === "string" ? clean : (JSON.stringify(clean) ?? String(clean));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function withCursor(init: Init, cursorIn: "query" | "body", cursor: string | number): Init {
  if (cursorIn === "body") return { ...init, body: { ...(init.body as object), starting_after: cursor } };
  return { ...init, params: { ...init.params, query: { ...init.params?.query, starting_after: cursor } } };
}
