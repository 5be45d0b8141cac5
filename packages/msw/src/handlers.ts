import { checkApiKeys } from "./auth.js";
import { defaultBodies, operationSpecs, routeOrder } from "./generated/index.gen.js";
import { createOperationHandler, type HandlerOptions, type OperationHandler } from "./handler.js";

/** One handler per operation answering on `options.baseUrl` (default https://api.instantly.ai), in route order. */
export function createHandlers(options: HandlerOptions = {}): OperationHandler[] {
  checkApiKeys(options.apiKeys);
  return routeOrder.map((operationId) =>
    createOperationHandler<unknown>(
      operationSpecs[operationId],
      defaultBodies[operationId] as () => unknown,
      undefined,
      options,
    ),
  );
}

/** Stateless handlers for every operation on https://api.instantly.ai: `setupServer(...handlers)`. */
export const handlers: OperationHandler[] = /* @__PURE__ */ createHandlers();
