// What the generated hooks import (generated/*.ts → ../runtime.js): one place, small, hand-written.

export {
  type InvalidateOption,
  type InvalidationTargetsOf,
  nextStartingAfter,
  withInvalidation,
} from "./invalidation.js";
export { hasPathParams, instantlyRequest } from "./mutator.js";
export { useInstantlyRequestOptions } from "./provider.js";
