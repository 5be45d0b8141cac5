import { describeProblem } from "../errors.ts";

/**
 * The final error of one query or mutation, in words the user can act on (401 → check your API key; 403 → the
 * key lacks a scope).
 * Retries in progress are not errors yet: RateLimitBanner shows those.
 */
export function QueryProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const problem = describeProblem(error);
  return (
    <div role="alert" className={`problem problem-${problem.kind}`}>
      {problem.kind === "rate-limited"
        ? "Still rate limited after several retries — try again in a minute."
        : problem.message}
      {problem.kind === "unauthorized" || problem.kind === "forbidden" ? (
        <a href="#/settings" className="problem-action">
          Change API key
        </a>
      ) : onRetry ? (
        <button type="button" className="problem-action" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
