/** What the runtime knows about one operation; the generated `operationSpecs` table holds one per operation. */
export interface OperationSpec {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "TRACE";
  /** OpenAPI path template, e.g. `/api/v2/leads/{id}`. */
  readonly path: string;
  /** The documented success status (200, 202, 204…). */
  readonly status: number;
  /** `none`: the success response has no body (204, or no schema documented). */
  readonly body: "json" | "text" | "none";
  readonly contentType?: string;
  /** Whether the operation takes a JSON request body. */
  readonly requestBody: boolean;
  /** Top-level required properties of that body. */
  readonly requiredBody: readonly string[];
  /** Documented error responses: status → a fresh copy of the spec's example body for it. */
  readonly errors: { readonly [status: number]: () => unknown };
  /**
   * The spec's named examples of a response (`content[…].examples`), for `Prefer: example=<name>`: status →
   * name → a fresh copy of the example's value. Absent when the operation documents none.
   */
  readonly examples?: { readonly [status: number]: { readonly [name: string]: () => unknown } };
}

/** The error body every documented error of this API has. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/**
 * The operation's documented body for `status` (with `message` replaced when given); for an undocumented status,
 * the same `{ statusCode, error, message }` shape.
 */
export function errorBody(spec: OperationSpec | undefined, status: number, message?: string): unknown {
  const documented = spec?.errors[status]?.();
  if (documented && typeof documented === "object" && !Array.isArray(documented)) {
    return message === undefined ? documented : { ...documented, message };
  }
  const error = REASONS[status] ?? "Error";
  return { statusCode: status, error, message: message ?? error } satisfies ApiErrorBody;
}
