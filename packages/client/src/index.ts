// The one public entry of @instantly-kit/client.
export {
  createInstantlyClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type InstantlyClient,
  type InstantlyClientOptions,
} from "./client.js";
export { InstantlyApiError, type InstantlyErrorBody, type SuccessData, unwrap } from "./errors.js";
export { type PaginatedPath, paginatedOperations } from "./generated/pagination.gen.js";
export { type PageItem, type PaginateInit, type PaginateOptions, paginate } from "./paginate.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
