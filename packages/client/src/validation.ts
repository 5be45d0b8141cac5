import type { InstantlyValidationError } from "./errors.js";
import type { Redactor } from "./redact.js";

/** What a client created with `validate` does with a response body that does not match its schema. */
export type ResponseValidation = "off" | "warn" | "throw";
/** What a client created with `validate` does with a request body that does not match its schema. */
export type RequestValidation = "off" | "throw";

export interface ValidateOptions {
  /**
   * Response bodies (2xx JSON) checked against the operation's schema from `@instantly-kit/zod`:
   * `"off"` (default) checks nothing; `"warn"` hands each new mismatch to `onValidationIssue` once per
   * operation and shape and returns the data as usual; `"throw"` rejects the call with
   * `InstantlyValidationError`. The data returned is always the body as received, never zod's output.
   */
  response?: ResponseValidation;
  /**
   * Request bodies: `"throw"` rejects a call whose body does not match the operation's schema with
   * `InstantlyValidationError` before anything is sent. Default `"off"`. Parameters are not checked (their
   * types are the client's, and the API answers 400 for a bad one).
   */
  request?: RequestValidation;
  /**
   * Put the offending value (redacted, cut to 80 characters) on each violation as `sample`. Default false:
   * errors then carry no value from a body, which may hold personal data.
   */
  samples?: boolean;
}

/** The checks of one client; `undefined` when it validates nothing. */
export interface Validator {
  /**
   * Rejects (or throws) for a request body that does not match; `undefined` when nothing is to check. `body` is
   * what will be sent: for a JSON body, the parse of the very text that is sent (client.ts serializes it once).
   */
  request: ((method: string, path: string, body: unknown) => Promise<void> | undefined) | undefined;
  /** Rejects/throws (`throw`) or reports (`warn`) a response body that does not match. */
  response:
    | ((method: string, path: string, status: number, data: unknown) => Promise<void> | undefined)
    | undefined;
}

type Checks = typeof import("./validation-run.js");

/** Kinds of mismatch `warn` reports per operation before it stops reporting that operation. */
const MAX_SHAPES = 10;

const RESPONSE_MODES: readonly string[] = ["off", "warn", "throw"];
const REQUEST_MODES: readonly string[] = ["off", "throw"];

/** One line per bad option, as the other options of createInstantlyClient. */
function checkOptions(validate: unknown): Required<ValidateOptions> {
  if (typeof validate !== "object" || validate === null || Array.isArray(validate)) {
    throw new TypeError(
      'createInstantlyClient: `validate` must be an object, e.g. { response: "warn", request: "throw" }',
    );
  }
  const { response = "off", request = "off", samples = false } = validate as ValidateOptions;
  if (!RESPONSE_MODES.includes(response as string)) {
    throw new TypeError('createInstantlyClient: `validate.response` must be "off", "warn" or "throw"');
  }
  if (!REQUEST_MODES.includes(request as string)) {
    throw new TypeError('createInstantlyClient: `validate.request` must be "off" or "throw"');
  }
  if (typeof samples !== "boolean") {
    throw new TypeError("createInstantlyClient: `validate.samples` must be a boolean");
  }
  return { response, request, samples };
}

/**
 * The validation of a client created with `validate`. The schemas (zod and one schema per operation)
 * grow with the spec, so they are imported on the first checked call: a bundler puts them in a chunk of
 * their own, and a client that validates nothing never loads them (as the scope tables, ADR 0027/0032).
 * Once loaded, checks run synchronously (no extra await per call).
 */
export function createValidator(
  validate: unknown,
  onIssue: ((error: InstantlyValidationError) => void) | undefined,
  redact: Redactor,
  load: () => Promise<Checks> = () => import("./validation-run.js"),
): Validator | undefined {
  if (validate === undefined) return undefined;
  const options = checkOptions(validate);
  if (onIssue !== undefined && typeof onIssue !== "function") {
    throw new TypeError("createInstantlyClient: `onValidationIssue` must be a function");
  }
  if (options.response === "off" && options.request === "off") return undefined;
  const report = onIssue ?? ((error: InstantlyValidationError) => console.warn(error.message));
  let checks: Checks | undefined;
  let loading: Promise<Checks> | undefined;
  const withChecks = (run: (checks: Checks) => Promise<void> | undefined): Promise<void> | undefined => {
    if (checks) return run(checks);
    // A failed import (a browser's chunk request failing) fails this call only: the next one imports again.
    loading ??= load().then(
      (loaded) => {
        checks = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading.then(run);
  };
  // The shapes of mismatch already reported in `warn` mode, per operation: each once. A map whose keys
  // change with every response (ids or header names as keys) makes new paths without end, so an operation
  // stops being reported once it has shown MAX_SHAPES of them: the callback and this memory stay bounded.
  const reported = new Map<string, Set<string>>();
  return {
    request:
      options.request === "throw"
        ? (method, path, body) =>
            withChecks((loaded) => {
              const error = loaded.checkRequest(method, path, body, redact, options.samples);
              if (error) throw error;
              return undefined;
            })
        : undefined,
    response:
      options.response === "off"
        ? undefined
        : (method, path, status, data) =>
            withChecks((loaded) => {
              const error = loaded.checkResponse(method, path, status, data, redact, options.samples);
              if (!error) return undefined;
              if (options.response === "throw") throw error;
              const known = reported.get(error.operation) ?? new Set<string>();
              reported.set(error.operation, known);
              if (known.size >= MAX_SHAPES) return undefined;
              const fresh = loaded.shapesOf(error).filter((shape) => !known.has(shape));
              if (fresh.length === 0) return undefined;
              for (const shape of fresh.slice(0, MAX_SHAPES - known.size)) known.add(shape);
              // An async callback fails by rejecting what it returns: that rejects the call, as a throw does,
              // instead of being left unhandled (which ends a Node process).
              const reporting: unknown = report(error);
              return isThenable(reporting) ? Promise.resolve(reporting).then(() => undefined) : undefined;
            }),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
