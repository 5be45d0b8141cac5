// `@instantly-kit/react-query/core`: everything the root entry exports except the generated hooks — the provider,
// QueryClient defaults, invalidation, background jobs, cache updates, errors. With the per-resource entries
// (`@instantly-kit/react-query/campaign`…) an app's type-check parses only the resources it imports (ADR 0025);
// importing the provider from the root would parse every hook again. The root re-exports this file, so the two
// cannot drift apart (package.test.ts checks it name for name).
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
