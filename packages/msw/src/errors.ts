import { HttpResponse } from "msw";
import { type ErrorStatuses, type MockOperationId, operationSpecs } from "./generated/index.gen.js";
import { createResolvedHandler, type HandlerOptions, type OperationHandler } from "./handler.js";
import { errorBody } from "./operation.js";

export interface ErrorOptions extends HandlerOptions {
  /** Replaces the documented example message. */
  message?: string;
  /** Extra response headers (e.g. `Retry-After` for a 429). */
  headers?: HeadersInit;
}

/**
 * The response the API documents for `status` on this operation (e.g. 429 →
 * `{ statusCode: 429, error: "Too Many Requests", message }`), for use inside custom resolvers.
 */
export function mockErrorResponse<Op extends MockOperationId>(
  operationId: Op,
  status: ErrorStatuses[Op],
  options: Pick<ErrorOptions, "message" | "headers"> = {},
): Response {
  const body = errorBody(operationSpecs[operationId], status, options.message);
  return HttpResponse.json(body as Record<string, unknown>, { status, headers: options.headers });
}

/** A handler answering `operationId` with its documented error `status`: `server.use(mockError("getCampaign", 404))`. */
export function mockError<Op extends MockOperationId>(
  operationId: Op,
  status: ErrorStatuses[Op],
  options: ErrorOptions = {},
): OperationHandler {
  return createResolvedHandler(
    operationSpecs[operationId],
    () => mockErrorResponse(operationId, status, options),
    options,
    false,
  );
}
