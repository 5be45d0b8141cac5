// The one public entry of @instantly-kit/client.
export {
  createInstantlyClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type InstantlyClient,
  type InstantlyClientOptions,
} from "./client.js";
export {
  type ApiErrorBody,
  InstantlyAbortError,
  InstantlyApiError,
  type InstantlyError,
  type InstantlyErrorBody,
  type InstantlyErrorKind,
  InstantlyMissingProviderError,
  InstantlyNetworkError,
  InstantlyPaginationError,
  InstantlyTimeoutError,
  InstantlyValidationError,
  isInstantlyError,
  type SuccessData,
  unwrap,
  type ValidationViolation,
} from "./errors.js";
export { type PaginatedPath, paginatedOperations } from "./generated/pagination.gen.js";
export {
  MAX_EMPTY_PAGES,
  type PageItem,
  type PaginateInit,
  type PaginateOptions,
  paginate,
} from "./paginate.js";
export { REDACTED } from "./redact.js";
export { DEFAULT_RETRY, MAX_TIMER_MS, type RetryOptions } from "./retry.js";
export { InstantlyScopeError } from "./scopes.js";
export type { RequestValidation, ResponseValidation, ValidateOptions } from "./validation.js";
