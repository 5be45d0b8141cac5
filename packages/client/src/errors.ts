import { methodOf } from "./transport.js";

/** The error body the Instantly API sends with 4xx/5xx responses. */
export interface InstantlyErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
}

const REQUEST_ID_HEADERS = ["x-request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];

/**
 * A non-2xx answer from the API. It holds only what identifies the failure — status, method, path
 * (no query string), the parsed error body, the request id — and never the request or its headers,
 * so the API key cannot leak through `message`, `stack`, `toJSON()` or `util.inspect`.
 */
export class InstantlyApiError extends Error {
  override name = "InstantlyApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: InstantlyErrorBody | string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    method: string;
    path: string;
    body: InstantlyErrorBody | string | undefined;
    requestId?: string | undefined;
  }) {
    const detail =
      typeof init.body === "object" && init.body
        ? [init.body.error, init.body.message].filter(Boolean).join(": ")
        : typeof init.body === "string"
          ? init.body.slice(0, 200)
          : "";
    super(`${init.method} ${init.path} failed with ${init.status}${detail ? ` ${detail}` : ""}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.requestId = init.requestId;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      body: this.body,
      requestId: this.requestId,
    };
  }
}

/** Builds the error for a failed openapi-fetch result. */
export function apiErrorFrom(response: Response, body: unknown): InstantlyApiError {
  let requestId: string | undefined;
  for (const header of REQUEST_ID_HEADERS) {
    requestId = response.headers.get(header) ?? undefined;
    if (requestId) break;
  }
  return new InstantlyApiError({
    status: response.status,
    method: methodOf(response) ?? "HTTP",
    path: response.url ? new URL(response.url).pathname : "",
    body:
      typeof body === "object" && body !== null ? (body as InstantlyErrorBody) : (body as string | undefined),
    requestId,
  });
}

type AnyResult = { data?: unknown; error?: unknown; response: Response };

/** The data of openapi-fetch's success branch. */
export type SuccessData<R extends AnyResult> = Extract<R, { error?: never }>["data"];

/**
 * Opt-in throwing: `const campaign = unwrap(await client.GET("/api/v2/campaigns/{id}", …))`.
 * The client itself returns `{ data, error, response }` exactly like openapi-fetch (the React Query hooks
 * and apps that branch on `error` rely on that); `unwrap` turns the error branch into an `InstantlyApiError`.
 */
export function unwrap<R extends AnyResult>(result: R): SuccessData<R> {
  if (result.error !== undefined || !result.response.ok) throw apiErrorFrom(result.response, result.error);
  return result.data as SuccessData<R>;
}
