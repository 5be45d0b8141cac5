/**
 * Scrubbing the API key out of whatever a server sends back. A server may echo the key in an error body
 * (`{"message":"Invalid API key: Bearer sk_…"}`), a header, a reason phrase or a redirect URL; everything
 * the client derives from a response (error body, `error` of openapi-fetch's result, error messages,
 * `cause`s, `response.url`, headers) goes through one of these functions first.
 */

export const REDACTED = "[redacted]";

/**
 * Any `Bearer <token>` — the key itself, a truncated echo of it (`Bearer sk_live_ab…`) or another token —
 * becomes `Bearer [redacted]`.
 */
const BEARER = /\bBearer\s+[^\s"'`,;\\]+/gi;

export interface Redactor {
  /** `text` without the key or any `Bearer` token. */
  text(text: string): string;
  /** A deep copy of parsed JSON with every string (and property name) redacted; the same value if clean. */
  json(value: unknown): unknown;
  /** A copy of `error` (name, message, code, cause chain) with every text redacted. */
  error(error: unknown): unknown;
}

export function createRedactor(apiKey: string): Redactor {
  const text = (value: string): string => {
    // split/join, not a RegExp built from the key: a key may hold any regex metacharacter.
    const out = value.includes(apiKey) ? value.split(apiKey).join(REDACTED) : value;
    return out.includes("earer") || out.includes("EARER") ? out.replace(BEARER, `Bearer ${REDACTED}`) : out;
  };
  const json = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return text(value);
    if (typeof value !== "object" || value === null || depth > 64) return value;
    let changed = false;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    for (const [key, item] of Object.entries(value)) {
      const cleanKey = text(key);
      const cleanItem = json(item, depth + 1);
      if (cleanKey !== key || cleanItem !== item) changed = true;
      (copy as Record<string, unknown>)[cleanKey] = cleanItem;
    }
    return changed ? copy : value;
  };
  const error = (value: unknown, depth = 0): unknown => {
    if (!(value instanceof Error)) return typeof value === "string" ? text(value) : value;
    const copy = new Error(text(value.message));
    copy.name = text(value.name);
    if (copy.stack) copy.stack = text(copy.stack);
    const { code } = value as { code?: unknown };
    if (typeof code === "string") Object.assign(copy, { code: text(code) });
    if (value.cause !== undefined && depth < 4) copy.cause = error(value.cause, depth + 1);
    return copy;
  };
  return { text, json: (value) => json(value), error: (value) => error(value) };
}
