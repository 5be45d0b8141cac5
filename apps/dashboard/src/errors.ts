// What the user should read when a request fails. Kept apart from the components so the wording is one
// decision, tested once.
import { isInstantlyError } from "@instantly-kit/client";

export type ProblemKind = "unauthorized" | "forbidden" | "rate-limited" | "not-found" | "server" | "network";

export interface Problem {
  kind: ProblemKind;
  message: string;
}

/** The HTTP status of a failed call: the hooks' errors are an `InstantlyError`, of kind "api" for non-2xx answers. */
export function statusOf(error: unknown): number | undefined {
  return isInstantlyError(error) && error.kind === "api" ? error.status : undefined;
}

export function describeProblem(error: unknown): Problem {
  const status = statusOf(error);
  if (status === 401) {
    return { kind: "unauthorized", message: "The API rejected the key — check your API key." };
  }
  if (status === 403) {
    // A known key without the scope this call needs: a new key is the fix, not a retry (README: API key scopes).
    return {
      kind: "forbidden",
      message:
        "This API key is not allowed to do that: it lacks a scope this needs — use a key with the app's scopes.",
    };
  }
  if (status === 429) return { kind: "rate-limited", message: "Rate limited by the API." };
  if (status === 404) return { kind: "not-found", message: "Not found." };
  if (status !== undefined) return { kind: "server", message: `The API answered ${status}.` };
  return { kind: "network", message: "Could not reach the API." };
}
