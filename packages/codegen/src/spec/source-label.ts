// A spec source is shown in messages and stored in the committed lock. The upstream URL needs no
// credentials, but a source someone types may carry some (`https://user:key@…`, `?api_key=…`), and
// keys must never reach logs, errors or committed files: they are masked everywhere.

const SECRET_PARAM = /key|token|secret|auth|password|pass|sig|credential/i;
const MASK = "***";

/** The source with URL credentials and secret-looking query values replaced by `***`. */
export function sourceLabel(source: string): string {
  const url = parseUrl(source);
  if (!url) return source;
  if (url.username) url.username = MASK;
  if (url.password) url.password = MASK;
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, MASK);
  }
  // URLSearchParams encodes "*"; keep the mask readable.
  return url.href.replaceAll("%2A%2A%2A", MASK);
}

/**
 * `text` with the raw source shown as its label and each secret of it masked — and any other URL in it
 * (a redirect target, a URL an error message re-spelled) masked the same way.
 */
export function scrubSource(text: string, source: string): string {
  let out = text.replaceAll(source, sourceLabel(source));
  for (const secret of secretsOf(source)) out = out.replaceAll(secret, MASK);
  return out.replace(/https?:\/\/[^\s()<>"'`]+/gi, (match) => {
    // Sentence punctuation after a URL ("cannot reach <url>: …") is not part of it.
    const url = match.replace(/[.,:;!?]+$/, "");
    const masked = secretsOf(url, 1).some((secret) => secret !== MASK) ? sourceLabel(url) : url;
    return masked + match.slice(url.length);
  });
}

/** Does the URL carry credentials in its user-info part (`https://user:pass@host/…`)? */
export function hasUserInfo(source: string): boolean {
  const url = parseUrl(source);
  return url !== undefined && (url.username !== "" || url.password !== "");
}

function secretsOf(source: string, minLength = 6): string[] {
  const url = parseUrl(source);
  if (!url) return [];
  // Both spellings are masked: a message may quote the user-info as typed or decoded.
  const secrets = [url.username, url.password].flatMap((part) => [part, decodeOrRaw(part)]);
  for (const [name, value] of url.searchParams)
    if (SECRET_PARAM.test(name)) secrets.push(value, encodeURIComponent(value));
  // Very short values would mask unrelated words; they cannot be real keys anyway.
  return secrets.filter((secret) => secret.length >= minLength);
}

/**
 * `decodeURIComponent`, or the text as given when it is not valid percent-encoding (`us%zz`): WHATWG URL
 * parsing accepts such user-info, and a URIError here would turn the one-line refusal into a stack trace.
 */
function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseUrl(source: string): URL | undefined {
  if (!/^https?:\/\//i.test(source)) return undefined;
  try {
    return new URL(source);
  } catch {
    return undefined;
  }
}
