import type { PlannedCheck } from "./plan.ts";

/** One violation as @instantly-kit/client's `InstantlyValidationError` carries it. */
export interface Violation {
  path: string;
  expected: string;
  got: string;
  count: number;
  sample?: string;
}

export type CheckResult =
  | { result: "ok"; status: number }
  | { result: "drift"; status: number; violations: readonly Violation[] }
  | { result: "skipped"; reason: string }
  | { result: "error"; status: number | undefined; reason: string };

export interface CheckedOperation {
  operationId: string;
  method: "GET";
  path: string;
  outcome: CheckResult;
}

/** What this module needs of @instantly-kit/client (loaded from its build: codegen does not depend on it). */
export interface ClientModule {
  createInstantlyClient(options: {
    apiKey: string;
    baseUrl: string;
    validate: { response: "warn"; samples: true };
    maxResponseBytes?: number;
    onValidationIssue: (error: { operation: string; violations: readonly Violation[] }) => void;
  }): {
    request(
      method: "get",
      path: string,
      init: { params: { path: Record<string, string> } },
    ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  };
  unwrap(result: { data?: unknown; error?: unknown; response: Response }): unknown;
}

/** The first item of a list answer (`{ items: [...] }` or a bare array), if any. */
function firstItem(data: unknown): Record<string, unknown> | undefined | "not a list" {
  const items = Array.isArray(data)
    ? data
    : typeof data === "object" && data !== null && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : undefined;
  if (!items) return "not a list";
  const first = items[0];
  return typeof first === "object" && first !== null ? (first as Record<string, unknown>) : undefined;
}

function idOf(item: Record<string, unknown>, param: string): string | undefined {
  for (const value of [item[param], item.id]) {
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/**
 * Operations in a row the server gave no usable answer (a timeout, a dropped or refused connection, a body
 * the client could not read, or a 429 still there after the client's retries) before the check stops calling
 * it. Each such operation costs the client's whole retry budget — with its defaults up to 3 × 30 s of
 * timeouts, or 2 × 60 s of `Retry-After` — and a check of ~40 operations against a server that stalls would
 * otherwise run for an hour.
 */
export const GIVE_UP_AFTER = 2;

/** Whether an operation's outcome says the server is not answering (as opposed to answering an error). */
function unanswered(outcome: CheckResult, error?: unknown): boolean {
  if (outcome.result !== "error") return false;
  if (outcome.status !== undefined) return outcome.status === 429;
  const kind = (error as { kind?: unknown } | undefined)?.kind;
  return kind === "timeout" || kind === "network";
}

/**
 * Calls the planned operations one after another (lists first), each once — one page, no pagination —
 * through a client that validates responses in `warn` mode: the data still comes back (the lists' ids are
 * needed), and every mismatch is collected. Retries, `Retry-After` on 429 and timeouts are the client's.
 * Errors (non-2xx, network) are results, not exceptions: the check goes on with the next operation — unless
 * {@link GIVE_UP_AFTER} operations in a row got no usable answer: the rest are then errors, not called.
 */
export async function runContractCheck(
  plan: readonly PlannedCheck[],
  client: ReturnType<ClientModule["createInstantlyClient"]>,
  unwrap: ClientModule["unwrap"],
  issues: Map<string, readonly Violation[]>,
  progress: (line: string) => void = () => {},
): Promise<CheckedOperation[]> {
  /** What each called list answered: its first item, keyed by operationId. */
  const firsts = new Map<string, Record<string, unknown> | undefined | "not a list" | "failed" | "skipped">();
  const checked: CheckedOperation[] = [];
  /** The operations called last that got no usable answer, in a row. */
  const silent: string[] = [];
  for (const check of plan) {
    const op = check.operation;
    const record = (outcome: CheckResult) => {
      // A list called only for its ids is reported too when it failed or drifted: that is why the operations
      // asked for could not be checked, and hiding it would end in "skipped" and exit 0.
      const reported = check.reported || outcome.result === "error" || outcome.result === "drift";
      if (!reported) return;
      checked.push({ operationId: op.id, method: "GET", path: op.path, outcome });
      progress(`${outcome.result.padEnd(7)} ${op.id}`);
    };
    if (check.skip) {
      firsts.set(op.id, "skipped");
      record({ result: "skipped", reason: check.skip });
      continue;
    }
    const values: Record<string, string> = {};
    let missing: string | undefined;
    for (const { param, list } of check.ids) {
      const first = firsts.get(list.id);
      const value = typeof first === "object" ? idOf(first, param) : undefined;
      if (value !== undefined) {
        values[param] = value;
        continue;
      }
      missing ??=
        first === undefined && !firsts.has(list.id)
          ? `no id for \`{${param}}\`: ${list.id} was not called`
          : first === "failed"
            ? `no id for \`{${param}}\`: ${list.id} failed`
            : first === "skipped"
              ? `no id for \`{${param}}\`: ${list.id} was skipped`
              : first === "not a list"
                ? `no id for \`{${param}}\`: ${list.id} does not answer a list`
                : first === undefined
                  ? `no id for \`{${param}}\`: ${list.id} returned no items`
                  : `no id for \`{${param}}\`: the first item of ${list.id} has no ${param === "id" ? "" : `\`${param}\` or `}\`id\``;
    }
    if (missing) {
      firsts.set(op.id, "skipped");
      record({ result: "skipped", reason: missing });
      continue;
    }
    if (silent.length >= GIVE_UP_AFTER) {
      // Not marked in `firsts`: the operations that need its ids say it "was not called".
      record({
        result: "error",
        status: undefined,
        reason: `not called: the server gave no usable answer to the ${silent.length} operations before (${silent.join(", ")})`,
      });
      continue;
    }
    const called = (outcome: CheckResult, error?: unknown) => {
      if (unanswered(outcome, error)) silent.push(op.id);
      else silent.length = 0;
      record(outcome);
    };
    issues.delete(op.id);
    let result: Awaited<ReturnType<typeof client.request>>;
    try {
      result = await client.request("get", op.path, { params: { path: values } });
    } catch (error) {
      firsts.set(op.id, "failed");
      called(
        {
          result: "error",
          status: undefined,
          reason: error instanceof Error ? error.message : String(error),
        },
        error,
      );
      continue;
    }
    const status = result.response.status;
    if (!result.response.ok) {
      firsts.set(op.id, "failed");
      let reason = `status ${status}`;
      try {
        unwrap(result);
      } catch (error) {
        reason = error instanceof Error ? error.message : reason;
      }
      called({ result: "error", status, reason });
      continue;
    }
    firsts.set(op.id, firstItem(result.data));
    const violations = issues.get(op.id);
    called(violations ? { result: "drift", status, violations } : { result: "ok", status });
  }
  return checked;
}
