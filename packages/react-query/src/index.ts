// The one public entry of @instantly-kit/react-query: hand-written provider/runtime + generated hooks.
export * from "./generated/index.gen.js";
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
