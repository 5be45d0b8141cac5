// The API key never comes back out of the mock: error bodies and the server's log lines have every secret the
// mock knows of (the configured API keys, the credential of the request's Authorization header) replaced, in
// whatever form a message carries it (as sent, JSON-escaped, percent-encoded, or cut short by an ellipsis).
import type { MockApiKeys } from "./auth.js";

export const REDACTED = "[redacted]";

/**
 * Shorter values are not redacted: a 3-letter "key" would blank out ordinary words of every message, and real
 * API keys are far longer.
 */
const MIN_SECRET_LENGTH = 8;

/** The secrets of a request: its Authorization header (whole, and the credential after the scheme) and the known keys. */
export function secretsOf(authorization: string | null | undefined, apiKeys?: MockApiKeys): string[] {
  const secrets = apiKeys ? Object.keys(apiKeys) : [];
  const header = (authorization ?? "").trim();
  if (header !== "") {
    secrets.push(header);
    const credential = /^\S+\s+(\S.*)$/s.exec(header)?.[1]?.trim();
    if (credential) secrets.push(credential);
  }
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

/** `text` with every occurrence of a secret's leading part that a message cut short (`"sk_live_abc…`) replaced. */
function withoutCutPrefixes(text: string, secret: string): string {
  const head = secret.slice(0, MIN_SECRET_LENGTH);
  let result = "";
  let from = 0;
  for (;;) {
    const at = text.indexOf(head, from);
    if (at === -1) return result + text.slice(from);
    let end = at + head.length;
    while (end < text.length && end - at < secret.length && text[end] === secret[end - at]) end++;
    if (text.startsWith("…", end) || text.startsWith("...", end)) {
      result += text.slice(from, at) + REDACTED;
      from = end;
    } else {
      result += text.slice(from, at + 1);
      from = at + 1;
    }
  }
}

/** `text` with every secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const forms = new Set([
      secret,
      jsonEscaped(secret),
      jsonEscaped(jsonEscaped(secret)),
      encodeURIComponent(secret),
    ]);
    for (const form of forms) {
      if (form.length < MIN_SECRET_LENGTH) continue;
      out = out.split(form).join(REDACTED);
      out = withoutCutPrefixes(out, form);
    }
  }
  return out;
}

/** An error response (4xx/5xx) with the secrets taken out of its body; any other response as it is. */
export async function redactedError(response: Response, secrets: readonly string[]): Promise<Response> {
  if (response.status < 400 || secrets.length === 0 || response.body === null) return response;
  const text = await response.clone().text();
  const clean = redact(text, secrets);
  if (clean === text) return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(clean, { status: response.status, statusText: response.statusText, headers });
}
