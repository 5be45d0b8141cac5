// `@instantly-kit/react-query/core`: everything the root entry exports except the generated hooks — the provider,
// invalidation, errors. With the per-resource entries (`@instantly-kit/react-query/campaign`…) an app's
// type-check parses only the resources it imports (ADR 0025); importing the provider from the root would
// parse every hook again. package.test.ts checks this stays the root's hand-written part, name for name.
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
