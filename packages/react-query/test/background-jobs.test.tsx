// useBackgroundJob against a real server (node:http on 127.0.0.1): when polling stops. Polls are 1 ms apart, so
// "it stopped" is checked as "no request over a window hundreds of polls long".
import { createInstantlyClient } from "@instantly-kit/client";
import { apiError, json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BackgroundJobTimeoutError, useBackgroundJob, waitForBackgroundJob } from "../src/index.js";
import { API_KEY, observedQueryClient, providers } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const polls = () =>
  server.requests.filter((request) => request.url.pathname.startsWith("/api/v2/background-jobs/")).length;
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

const setup = () =>
  providers(observedQueryClient({ backgroundJobs: { initialDelayMs: 1, factor: 1, maxDelayMs: 1 } }), {
    baseUrl: server.baseUrl,
    retry: false,
  });

describe("useBackgroundJob polling", () => {
  it("stops on an error (a job id the API does not know is not polled forever)", async () => {
    server.route("GET /api/v2/background-jobs/gone", (_, res) => apiError(res, 404, "Not Found", "no job"));
    const { wrapper } = setup();
    const { result } = renderHook(() => useBackgroundJob("gone"), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: "api", status: 404 });
    const seen = polls();
    await pause(300);
    expect(polls()).toBe(seen);
    expect(result.current.isFinished).toBe(false);
  });

  it("`initialDelayMs: 0` (allowed) polls at once instead of not polling at all", async () => {
    let answered = 0;
    server.route("GET /api/v2/background-jobs/job-0", (_, res) => {
      answered++;
      json(res, 200, { id: "job-0", status: answered >= 3 ? "success" : "in-progress" });
    });
    const { wrapper } = setup();
    const { result } = renderHook(
      () => useBackgroundJob("job-0", { polling: { initialDelayMs: 0, maxDelayMs: 0 } }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isFinished).toBe(true));
    expect(result.current.data?.status).toBe("success");
    expect(polls()).toBe(3);
  });

  it("a job that never finishes: the hook stops after maxPolls, waitForBackgroundJob rejects after as many", async () => {
    server.route("GET /api/v2/background-jobs/stuck", (_, res) =>
      json(res, 200, { id: "stuck", status: "in-progress" }),
    );
    const { queryClient, wrapper } = setup();
    const { result, unmount } = renderHook(() => useBackgroundJob("stuck", { polling: { maxPolls: 3 } }), {
      wrapper,
    });
    await waitFor(() => expect(polls()).toBe(3));
    await pause(300);
    expect(polls()).toBe(3);
    expect(result.current.isFinished).toBe(false);
    unmount();
    server.requests.length = 0;
    const client = createInstantlyClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: false });
    const waited = waitForBackgroundJob(queryClient, client, "stuck", { maxPolls: 3 });
    await expect(waited).rejects.toBeInstanceOf(BackgroundJobTimeoutError);
    expect(polls()).toBe(3);
  });

  it("stops when the component unmounts: the poll in flight is aborted, no other is sent", async () => {
    let closed: Promise<void> | undefined;
    server.route("GET /api/v2/background-jobs/running", (_, res) => {
      // The third poll is never answered: when the hook unmounts, it is the one request in flight.
      if (polls() < 3) return json(res, 200, { id: "running", status: "in-progress" });
      closed = new Promise((resolve) => res.on("close", () => resolve()));
    });
    const { wrapper } = setup();
    const { unmount } = renderHook(() => useBackgroundJob("running"), { wrapper });
    await waitFor(() => expect(closed).toBeDefined());
    unmount();
    await closed;
    await pause(300);
    expect(polls()).toBe(3);
  });
});
