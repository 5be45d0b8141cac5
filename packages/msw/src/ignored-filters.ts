// What the stateful mock does when a list request (or an action that selects leads as `POST /leads/list` does) sends
// a filter it does not apply (`onIgnoredFilter`), after msw's own `onUnhandledRequest`: warn (the default), answer an error, stay silent, or call back.
import type { MockOperationId } from "./generated/index.gen.js";
import { errorResponse } from "./handler.js";

/** What an `onIgnoredFilter` callback is told about one request. */
export interface IgnoredFilterInfo {
  /** The list operation, or the action that selects leads by `listLeads`' filters (`moveLeads`…). */
  readonly operationId: MockOperationId;
  /** The filter parameters the request sent (with a value) that the mock does not apply, in the spec's order. */
  readonly parameters: readonly string[];
  /** The request as sent (its body is still unread). */
  readonly request: Request;
}

/** The built-in strategies, for a callback to fall back on (msw's `UnhandledRequestPrint`, for ignored filters). */
export interface IgnoredFilterPrint {
  /** What `"warn"` does: print the warning, once per operation and parameter. */
  warning(): void;
  /** What `"error"` does: the request is answered with the 501 error instead of the unfiltered items. */
  error(): void;
}

/**
 * What the stateful mock does when a list request sends a filter parameter it does not apply (one the generated
 * `listFilters` table lists as `ignored` and no hand-written rule answers, e.g. `tag_ids`), so the items it
 * answers are not filtered by it (or, for an action that selects leads by such filters, the leads it acts on are
 * not selected by it):
 * - `"warn"` (default): one `console.warn` per operation and parameter (not per request), naming both;
 * - `"error"`: the request is answered with 501 `{ statusCode, error, message }` naming the parameters;
 * - `"off"`: nothing; the items are answered unfiltered by it;
 * - a callback: called for every such request with `{ operationId, parameters, request }`; it may call
 *   `print.warning()` or `print.error()` to apply one of the above.
 */
export type IgnoredFilterStrategy =
  | "warn"
  | "error"
  | "off"
  | ((info: IgnoredFilterInfo, print: IgnoredFilterPrint) => void);

const STRATEGIES = ["warn", "error", "off"];

/** A parameter name as spec text in a message: quoted, control characters escaped (it may reach a terminal). */
function quoted(name: string): string {
  return JSON.stringify(name).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * `the list filter "a"` / `the list filters "a", "b"`; for an action that selects by them, `moveLeads' filter "a"`:
 * an action is no list, and the fields are its body's, whether `listLeads` has them too (`queries`) or not
 * (`esp_code`).
 */
function filtersPhrase(parameters: readonly string[], action: string | undefined): string {
  const owner = action === undefined ? "the list" : action.endsWith("s") ? `${action}'` : `${action}'s`;
  return `${owner} filter${parameters.length === 1 ? "" : "s"} ${parameters.map(quoted).join(", ")}`;
}

/** What is known of one request beyond its unapplied filters, for `IgnoredFilters.check` and its message. */
export interface UnappliedContext {
  /** The operation is answered with its fixed example page (no store behind it), so none of its filters applies. */
  readonly examplePage?: boolean;
  /** The unapplied filters sent with a value their hand-written rule does not know, which match nothing. */
  readonly unknownValues?: readonly string[];
  /**
   * What an action selects by a list's filters ("leads": `moveLeads`…); absent for a list request. An action
   * answers no items: what an unapplied filter fails to narrow is the leads it acts on, and the message says so.
   */
  readonly selects?: string;
}

/** What the mock does not do for this request, in words. */
function unappliedMessage(
  operationId: string,
  parameters: readonly string[],
  { examplePage = false, unknownValues = [], selects }: UnappliedContext,
): string {
  const action = selects === undefined ? undefined : operationId;
  const unknown = parameters.filter((parameter) => unknownValues.includes(parameter));
  const rest = parameters.filter((parameter) => !unknownValues.includes(parameter));
  // A value a hand-written rule does not know (filters.ts's unknownRuleValues) matches nothing: say so.
  const unknownPart =
    unknown.length === 0
      ? ""
      : `${operationId}: the mock does not know the value sent for ${filtersPhrase(unknown, action)} (it keeps no data to answer it), so no ${selects ?? "items"} match`;
  if (rest.length === 0) return unknownPart;
  const restPart = unappliedPhrase(operationId, rest, examplePage, selects);
  return unknownPart === "" ? restPart : `${unknownPart}; ${restPart.slice(operationId.length + 2)}`;
}

function unappliedPhrase(
  operationId: string,
  parameters: readonly string[],
  examplePage: boolean,
  selects: string | undefined,
): string {
  const them = parameters.length === 1 ? "it" : "them";
  const filters = filtersPhrase(parameters, selects === undefined ? undefined : operationId);
  const affected =
    selects === undefined
      ? `the items are not filtered by ${them}`
      : `the ${selects} it acts on are not selected by ${them}`;
  return examplePage
    ? `${operationId}: the mock answers its fixed example page and does not apply ${filters}, so ${affected}`
    : `${operationId}: the mock does not apply ${filters}, so ${affected}`;
}

/** One mock API's handling of ignored filters: its strategy and the warnings it has printed. */
export class IgnoredFilters {
  readonly #strategy: IgnoredFilterStrategy;
  /** `operationId\0parameter` of every warning printed since the mock was created or reset. */
  readonly #warned = new Set<string>();

  constructor(strategy: IgnoredFilterStrategy = "warn") {
    if (typeof strategy !== "function" && !STRATEGIES.includes(strategy)) {
      throw new TypeError(
        `onIgnoredFilter must be "warn", "error", "off" or a function, got ${typeof strategy === "string" ? JSON.stringify(strategy) : typeof strategy}`,
      );
    }
    this.#strategy = strategy;
  }

  /** Forgets the warnings printed so far: a reset mock warns again, like a new one. */
  reset(): void {
    this.#warned.clear();
  }

  #warn(operationId: string, parameters: readonly string[], context: UnappliedContext): void {
    const fresh = parameters.filter((parameter) => !this.#warned.has(`${operationId}\0${parameter}`));
    if (fresh.length === 0) return;
    for (const parameter of fresh) this.#warned.add(`${operationId}\0${parameter}`);
    console.warn(
      `[@instantly-kit/msw] Warning: ${unappliedMessage(operationId, fresh, context)}. A test that depends on ${fresh.length === 1 ? "it" : "them"} needs an override of ${operationId}; onIgnoredFilter: "error" fails such requests, "off" silences this.`,
    );
  }

  /**
   * Applies the strategy to one list request (or lead-selecting action) that sent `parameters` (the unapplied
   * filters it sent; none: nothing to do). Returns the response to answer instead of the items, or undefined to
   * answer them as usual.
   */
  check(
    operationId: string,
    parameters: readonly string[],
    request: Request,
    context: UnappliedContext = {},
  ): Response | undefined {
    if (parameters.length === 0) return undefined;
    let fail = this.#strategy === "error";
    if (this.#strategy === "warn") this.#warn(operationId, parameters, context);
    else if (typeof this.#strategy === "function") {
      this.#strategy(
        { operationId: operationId as MockOperationId, parameters: [...parameters], request },
        {
          warning: () => this.#warn(operationId, parameters, context),
          error: () => {
            fail = true;
          },
        },
      );
    }
    // 501 Not Implemented, in the API's generic `{ statusCode, error, message }` shape: the request is valid for
    // the API (a 400 would say the caller sent something wrong, and could not be told from request validation's
    // 400); it is the mock that lacks the feature. The body is the generic one, never an operation's documented
    // error (which would describe another failure), as for the mock's other own answers (request validation,
    // `Prefer`). And `@instantly-kit/client` never retries a 501 (its retry.ts), so the test fails at once
    // instead of after back-offs, as a 5xx it retries would.
    return fail
      ? errorResponse(
          undefined,
          501,
          `${unappliedMessage(operationId, parameters, context)} (onIgnoredFilter: "error")`,
        )
      : undefined;
  }
}
