// The one public entry of @instantly-kit/msw. Browser-safe: nothing here imports Node built-ins
// (the mock HTTP server lives in the `@instantly-kit/msw/node` entry).

export type { MockApiKeys } from "./auth.js";
export {
  type ErrorOptions,
  type MockErrorStatus,
  mockError,
  mockErrorResponse,
  mockNetworkError,
} from "./errors.js";
export * from "./generated/index.gen.js";
export {
  type HandlerOptions,
  type MockOverride,
  type MockResolver,
  type MockResolverInfo,
  OperationHandler,
  type Passthrough,
  passthrough,
} from "./handler.js";
export { createHandlers, handlers } from "./handlers.js";
export type { IgnoredFilterInfo, IgnoredFilterPrint, IgnoredFilterStrategy } from "./ignored-filters.js";
export type { MockJobOptions } from "./jobs.js";
export type { DeepPartial } from "./merge.js";
export {
  createMockApi,
  type MockApi,
  type MockApiOptions,
  type MockJob,
  type MockJobs,
  type MockStore,
  type StoreInput,
} from "./mock-api.js";
export type { ApiErrorBody, OperationSpec } from "./operation.js";
export type { ResourceSpec } from "./resource.js";
export { DEFAULT_BASE_URL } from "./route.js";
export type { Page } from "./store.js";
export type { Violation } from "./validate.js";
