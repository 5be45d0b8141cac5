// @instantly-kit/react-query/testing: what an app's tests need around the hooks (vitest + jsdom + Testing
// Library). A separate entry so that apps' production bundles never see msw, vitest or Testing Library.
export {
  FakeIntersectionObserver,
  installFakeIntersectionObserver,
  scrollObservedIntoView,
} from "./intersection-observer.js";
export {
  type MockApiSetupOptions,
  type RecordedRequest,
  setupMockApi,
  type TestMockApi,
} from "./mock-api.js";
export { createTestQueryClient } from "./query-client.js";
export {
  createInstantlyWrapper,
  type InstantlyWrapper,
  type InstantlyWrapperOptions,
  type RenderWithInstantlyOptions,
  renderWithInstantly,
  TEST_API_KEY,
} from "./render.js";
