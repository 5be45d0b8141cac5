import { createMockApi, type MockApi, type MockApiOptions } from "@instantly-kit/msw";
import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
}

export interface MockApiSetupOptions extends MockApiOptions {
  /** What a request no handler answers does; default `"error"` (a test must not reach the network). */
  onUnhandledRequest?: "error" | "warn" | "bypass";
}

export interface TestMockApi {
  /** The current test's stateful mock API (`seed`, `store`…): a fresh one for every test. */
  readonly api: MockApi;
  /** The msw/node server answering with it: `server.use(mockError(…))` for one test. */
  readonly server: SetupServer;
  /** Every request the current test sent, in order. */
  readonly requests: RecordedRequest[];
}

/**
 * A stateful mock API for every test of the file (vitest): the msw/node server listens before the first test
 * and closes after the last; before each test a new `createMockApi(options)` replaces the previous one, so
 * nothing a test created or seeded is seen by the next, ids restart from the same seed, and handlers a test
 * added with `server.use` are dropped. Call it at the top level of a test file.
 */
export function setupMockApi(options: MockApiSetupOptions = {}): TestMockApi {
  const { onUnhandledRequest = "error", ...apiOptions } = options;
  let current: MockApi | undefined;
  const requests: RecordedRequest[] = [];
  const server = setupServer();
  server.events.on("request:start", ({ request }) => {
    requests.push({ method: request.method, url: new URL(request.url), headers: request.headers });
  });

  beforeAll(() => server.listen({ onUnhandledRequest }));
  beforeEach(() => {
    current = createMockApi(apiOptions);
    requests.length = 0;
    server.resetHandlers(...current.handlers);
  });
  afterEach(() => {
    current = undefined;
    server.resetHandlers();
  });
  afterAll(() => server.close());

  return {
    get api() {
      if (!current) throw new Error("setupMockApi: the mock API exists inside a test (or beforeEach) only");
      return current;
    },
    server,
    requests,
  };
}
