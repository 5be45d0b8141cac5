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
 * An error status for `mockError`: the ones the operation documents come first in completion (answered with the
 * documented body), and any other 4xx/5xx is accepted too, answered with the API's generic
 * `{ statusCode, error, message }` (the API sends 500s and 503s that no operation documents).
 */
export type MockErrorStatus<Op extends MockOperationId> = ErrorStatuses[Op] | (number & {});

function checkStatus(status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new RangeError(`mockError: status must be an integer from 400 to 599, got ${String(status)}`);
  }
}

/**
 * The response the API documents for `status` on this operation (e.g. 429 →
 * `{ statusCode: 429, error: "Too Many Requests", message }`), for use inside custom resolvers.
 */
export function mockErrorResponse<Op extends MockOperationId>(
  operationId: Op,
  status: MockErrorStatus<Op>,
  options: Pick<ErrorOptions, "message" | "headers"> = {},
): Response {
  checkStatus(status);
  const body = errorBody(operationSpecs[operationId], status, options.message);
  return HttpResponse.json(body as Record<string, unknown>, { status, headers: options.headers });
}

/** A handler answering `operationId` with its documented error `status`: `server.use(mockError("getCampaign", 404))`. */
export function mockError<Op extends MockOperationId>(
  operationId: Op,
  status: MockErrorStatus<Op>,
  options: ErrorOptions = {},
): OperationHandler {
  checkStatus(status);
  return createResolvedHandler(
    operationSpecs[operationId],
    () => mockErrorResponse(operationId, status, options),
    options,
    false,
  );
}

/**
 * A handler whose request fails below HTTP — what a dropped connection or DNS failure looks like to `fetch`
 * (a `TypeError`): `server.use(mockNetworkError("listCampaign"))`. The client retries it for idempotent methods.
 */
export function mockNetworkError<Op extends MockOperationId>(
  operationId: Op,
  options: Pick<HandlerOptions, "baseUrl" | "once"> = {},
): OperationHandler {
  return createResolvedHandler(operationSpecs[operationId], () => HttpResponse.error(), options, false);
}
