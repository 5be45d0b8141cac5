// The one public entry of @instantly-kit/react-query: hand-written provider/runtime + generated hooks.

export {
  type BackgroundJob,
  type BackgroundJobPolling,
  type BackgroundJobStatus,
  BackgroundJobTimeoutError,
  DEFAULT_BACKGROUND_JOB_POLLING,
  FINISHED_JOB_STATUSES,
  fetchBackgroundJob,
  getBackgroundJobQueryKey,
  isJobFinished,
  type UseBackgroundJobOptions,
  useBackgroundJob,
  waitForBackgroundJob,
} from "./background-jobs.js";
export {
  type InstantlyResource,
  type ItemPatch,
  updateCached,
} from "./cache-updates.js";
export * from "./generated/index.gen.js";
export type { InstantlyResourceItems } from "./generated/resources.gen.js";
export {
  type InvalidateOption,
  type InvalidationTargets,
  invalidateTargets,
} from "./invalidation.js";
export { type InstantlyRequestOptions, MissingInstantlyClientError } from "./mutator.js";
export {
  InstantlyProvider,
  type InstantlyProviderProps,
  useInstantlyClient,
} from "./provider.js";
export {
  createInstantlyQueryClient,
  type InstantlyQueryClientOptions,
  instantlyQueryDefaults,
  instantlyQueryRetry,
} from "./query-client.js";
