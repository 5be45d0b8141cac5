// Issue 12: the hooks call through the client given to <InstantlyProvider>, so its `validate` covers them —
// against a real server, with the schemas of @instantly-kit/zod.
import {
  createInstantlyClient,
  type InstantlyValidationError,
  type ValidateOptions,
} from "@instantly-kit/client";
import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInstantlyQueryClient, useCreateLeadLabel, useGetLeadLabel } from "../src/index.js";
import { API_KEY, providers } from "./render.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // The schemas are an on-demand chunk (all of @instantly-kit/zod): load it once here, with a generous hook
  // timeout, so that on a busy machine its first import does not count against a hook's `waitFor`.
  server.route("GET /api/v2/lead-labels/warm", (_, res) => json(res, 200, label()));
  const warm = createInstantlyClient({
    apiKey: API_KEY,
    baseUrl: server.baseUrl,
    validate: { response: "throw" },
  });
  const { error } = await warm.GET("/api/v2/lead-labels/{id}", { params: { path: { id: "warm" } } });
  expect(error).toBeUndefined();
}, 180_000);
beforeEach(() => server.reset());
afterAll(() => server.close());

const label = (overrides: Record<string, unknown> = {}) => ({
  id: "l1",
  created_by: "user-1",
  organization_id: "org-1",
  label: "Hot",
  interest_status: 1,
  interest_status_label: "positive",
  timestamp_created: "2026-01-02T03:04:05.000Z",
  ...overrides,
});

const wrapperFor = (
  validate: ValidateOptions,
  onValidationIssue?: (error: InstantlyValidationError) => void,
) =>
  providers(createInstantlyQueryClient(), {
    baseUrl: server.baseUrl,
    retry: false,
    validate,
    ...(onValidationIssue ? { onValidationIssue } : {}),
  }).wrapper;

describe("validate reaches the hooks", () => {
  it('a query hook ends in error.kind "validation" with response: "throw"', async () => {
    server.route("GET /api/v2/lead-labels/l1", (_, res) => json(res, 200, label({ interest_status: "hot" })));
    const { result } = renderHook(() => useGetLeadLabel("l1"), {
      wrapper: wrapperFor({ response: "throw" }),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error?.kind).toBe("validation");
    if (error?.kind !== "validation") throw new Error("unreachable");
    expect(error.operation).toBe("getLeadLabel");
    expect(error.status).toBe(200);
    expect(error.message).toContain("$.interest_status: expected number, got string");
  });

  it('with response: "warn" the hook gets its data and the issue is reported once', async () => {
    server.route("GET /api/v2/lead-labels/l1", (_, res) => json(res, 200, label({ label: null })));
    const reports: InstantlyValidationError[] = [];
    const wrapper = wrapperFor({ response: "warn" }, (error) => reports.push(error));
    const { result } = renderHook(() => useGetLeadLabel("l1"), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.label).toBeNull();
    await act(() => result.current.refetch());
    expect(server.requests).toHaveLength(2);
    expect(reports.map((error) => error.operation)).toEqual(["getLeadLabel"]);
  });

  it('a mutation hook with a bad body and request: "throw" sends nothing', async () => {
    server.route("POST /api/v2/lead-labels", (_, res) => json(res, 200, label()));
    const { result } = renderHook(() => useCreateLeadLabel(), { wrapper: wrapperFor({ request: "throw" }) });
    await act(async () => {
      await result.current
        .mutateAsync({ data: { label: "Hot", interest_status_label: "lukewarm" as "positive" } })
        .catch(() => {});
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe("validation");
    expect(result.current.error?.message).toContain('got "lukewarm"');
    expect(server.requests).toHaveLength(0);
  });
});
