/** The base URL the real API answers on; handlers answer there unless told otherwise. */
export const DEFAULT_BASE_URL = "https://api.instantly.ai";

/** A path template compiled once: `/api/v2/leads/{id}` → a RegExp and its parameter names. */
export interface Route {
  /** The MSW path (`https://api.instantly.ai/api/v2/leads/:id`), shown in MSW's logs and warnings. */
  mswPath: string;
  match(url: URL): Record<string, string> | undefined;
  matchPath(origin: string, pathname: string): Record<string, string> | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `"*"` matches any origin (used by the mock server, which is reached under whatever host name). */
export function normalizeBaseUrl(baseUrl: string = DEFAULT_BASE_URL): string {
  return baseUrl === "*" ? "*" : baseUrl.replace(/\/+$/, "");
}

/**
 * Whether every `%` of a URL's path and query starts an escape, and the escapes spell UTF-8: what
 * `decodeURIComponent` (which would otherwise throw inside matching) accepts.
 */
export function isWellFormedPercentEncoding(pathAndQuery: string): boolean {
  try {
    decodeURIComponent(pathAndQuery);
    return true;
  } catch {
    return false;
  }
}

/** A path parameter decoded; kept as sent when it is not valid percent-encoding (the handler answers 400). */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function compileRoute(baseUrl: string, path: string): Route {
  const base = normalizeBaseUrl(baseUrl);
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (param === undefined) return escapeRegExp(part);
      names.push(param);
      return "([^/]+)";
    })
    .join("");
  const basePath = base === "*" ? "" : new URL(base).pathname.replace(/\/+$/, "");
  const origin = base === "*" ? undefined : new URL(base).origin;
  // Like MSW, a trailing slash is optional.
  const pattern = new RegExp(`^${escapeRegExp(basePath)}${source.replace(/\/$/, "")}/?$`);
  return {
    mswPath: `${base}${path.replace(/\{([^}]+)\}/g, ":$1")}`,
    match(url) {
      return this.matchPath(url.origin, url.pathname);
    },
    matchPath(requestOrigin, pathname) {
      if (origin !== undefined && requestOrigin !== origin) return undefined;
      const found = pattern.exec(pathname);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeParam(found[index + 1] ?? "");
      });
      return params;
    },
  };
}
