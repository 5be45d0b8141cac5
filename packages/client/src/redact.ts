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
  /** `text` without the key (as is or URL-encoded) or any `Bearer` token. */
  text(text: string): string;
  /** A URL (or path) without the key, however it is percent-encoded (then shown decoded). */
  url(url: string): string;
  /**
   * Whether a header name holds the key, in any case (fetch lowercases names; a key of token characters can
   * be one): such a header cannot be renamed — `[redacted]` is no header name — so it is dropped.
   */
  inHeaderName(name: string): boolean;
  /** A deep copy of parsed JSON with every string (and property name) redacted; the same value if clean. */
  json(value: unknown): unknown;
  /**
   * A copy of a thrown value with every text redacted: an Error (name, message, code, cause chain), a
   * string, a plain object or array (deep); another class's instance becomes its tag (`[object Headers]`).
   */
  error(error: unknown): unknown;
}

export function createRedactor(apiKey: string): Redactor {
  const encoded = encodeURIComponent(apiKey);
  const text = (value: string): string => {
    // split/join, not a RegExp built from the key: a key may hold any regex metacharacter.
    let out = value.includes(apiKey) ? value.split(apiKey).join(REDACTED) : value;
    if (encoded !== apiKey && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    return /bearer/i.test(out) ? out.replace(BEARER, `Bearer ${REDACTED}`) : out;
  };
  // A URL escapes characters in more than one way (a path escapes fewer than encodeURIComponent does, a
  // client may escape any of them): look at it with every ASCII escape decoded — the key is ASCII.
  const url = (value: string): string => {
    const clean = text(value);
    if (!clean.includes("%")) return clean;
    const decoded = clean.replace(/%[0-7][0-9a-f]/gi, (hex) =>
      String.fromCharCode(Number.parseInt(hex.slice(1), 16)),
    );
    return text(decoded) === decoded ? clean : text(decoded);
  };
  // Recursive without a depth limit: a body nested deeper than the stack makes this throw, and the
  // caller then falls back to redacting the raw text.
  const json = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (typeof value !== "object" || value === null) return value;
    let changed = false;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    for (const [key, item] of Object.entries(value)) {
      const cleanKey = text(key);
      const cleanItem = json(item);
      if (cleanKey !== key || cleanItem !== item) changed = true;
      (copy as Record<string, unknown>)[cleanKey] = cleanItem;
    }
    return changed ? copy : value;
  };
  // What a custom fetch or a middleware throws can be anything — an Error, a string, or an object such as
  // `{ headers: { authorization: "Bearer …" } }` — and ends up thrown to the caller or as a `cause`. Plain
  // objects and arrays are copied with every string redacted; an instance of another class (Headers,
  // Request…) could hold the key in internal slots that `util.inspect` prints, so only its tag is kept.
  // Depth-limited, which also ends a cycle.
  const error = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return text(value);
    if (typeof value !== "object" || value === null) return value;
    if (depth > 8) return REDACTED;
    if (value instanceof Error) {
      const copy = new Error(text(value.message));
      copy.name = text(value.name);
      if (copy.stack) copy.stack = text(copy.stack);
      const { code } = value as { code?: unknown };
      if (typeof code === "string") Object.assign(copy, { code: text(code) });
      if (value.cause !== undefined && depth < 4) copy.cause = error(value.cause, depth + 1);
      return copy;
    }
    if (Array.isArray(value)) return value.map((item) => error(item, depth + 1));
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return text(Object.prototype.toString.call(value));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[text(key)] = error(item, depth + 1);
    return copy;
  };
  const lowerKey = apiKey.toLowerCase();
  const lowerEncoded = encoded.toLowerCase();
  const inHeaderName = (name: string): boolean => {
    const lower = name.toLowerCase();
    return lower.includes(lowerKey) || lower.includes(lowerEncoded);
  };
  return { text, url, inHeaderName, json, error: (value) => error(value) };
}
