import type { BackgroundJob, Campaign, LeadLabel, RequestBody } from "@instantly-kit/types";
import { HttpResponse } from "msw";
import { describe, expectTypeOf, it } from "vitest";
import {
  createMockApi,
  getCreateLeadLabelMockHandler,
  getGetCampaignMockHandler,
  getGetCampaignResponseMock,
  getListLeadLabelMockHandler,
  getListLeadLabelResponseMock,
  getPatchLeadLabelMockHandler,
  getShareCampaignMockHandler,
  type IgnoredFilterInfo,
  type IgnoredFilterStrategy,
  type MockOperationId,
  mockError,
  mockErrorResponse,
  mockNetworkError,
  type OperationHandler,
  type Passthrough,
  passthrough,
} from "../src/index.js";
import type { MockServerOptions } from "../src/node.js";

describe("response mocks", () => {
  it("are typed with @instantly-kit/types", () => {
    expectTypeOf(getGetCampaignResponseMock()).toEqualTypeOf<Campaign>();
    expectTypeOf(getListLeadLabelResponseMock().items).toEqualTypeOf<LeadLabel[]>();
  });

  it("accept deep partial overrides of the right types only", () => {
    getGetCampaignResponseMock({ name: "x", campaign_schedule: { start_date: "2026-02-01" } });
    // @ts-expect-error name is a string
    getGetCampaignResponseMock({ name: 1 });
    // @ts-expect-error not a Campaign property
    getGetCampaignResponseMock({ nonsense: true });
  });
});

describe("handler factories", () => {
  it("accept a value, a partial value or an (async) resolver typed by the operation", () => {
    expectTypeOf(getGetCampaignMockHandler()).toEqualTypeOf<OperationHandler>();
    getGetCampaignMockHandler({ name: "x" });
    getGetCampaignMockHandler(({ defaultBody }) => ({ ...defaultBody, name: "y" }));
    getGetCampaignMockHandler(async ({ defaultBody, params }) => {
      expectTypeOf(defaultBody).toEqualTypeOf<Campaign>();
      expectTypeOf(params).toEqualTypeOf<{ id: string }>();
      return defaultBody;
    });
    getGetCampaignMockHandler(() => HttpResponse.json({ anything: true }, { status: 500 }));
    getGetCampaignMockHandler(undefined, { delay: 100, baseUrl: "http://localhost:3000", once: true });
    // @ts-expect-error daily_limit is a number
    getGetCampaignMockHandler({ daily_limit: "many" });
    // @ts-expect-error a resolver must return a whole Campaign (or a Response)
    getGetCampaignMockHandler(() => ({ name: "partial" }));
    // @ts-expect-error delay is a number or an MSW delay mode
    getGetCampaignMockHandler(undefined, { delay: "slow" });
  });

  it("give resolvers the typed request body and path parameters", () => {
    getCreateLeadLabelMockHandler(async ({ body, params, defaultBody }) => {
      const sent = await body();
      expectTypeOf(sent).toEqualTypeOf<RequestBody<"createLeadLabel">>();
      expectTypeOf(sent.label).toEqualTypeOf<string>();
      expectTypeOf(params).toEqualTypeOf<Record<string, never>>();
      return { ...defaultBody, label: sent.label };
    });
    getPatchLeadLabelMockHandler(async ({ body, params }) => {
      expectTypeOf(params.id).toEqualTypeOf<string>();
      expectTypeOf(await body()).toEqualTypeOf<RequestBody<"patchLeadLabel">>();
      // @ts-expect-error no such path parameter
      params.campaign_id;
      return passthrough();
    });
    // A bodiless request (GET): body() is undefined.
    getGetCampaignMockHandler(async ({ body }) => {
      expectTypeOf(await body()).toEqualTypeOf<undefined>();
      return undefined;
    });
  });

  it("let a resolver fall through to the next handler with passthrough() or undefined", () => {
    expectTypeOf(passthrough()).toEqualTypeOf<Passthrough>();
    getListLeadLabelMockHandler(() => passthrough());
    getListLeadLabelMockHandler(async ({ body }) => ((await body()) ? undefined : passthrough()));
    // @ts-expect-error a resolver's result is a body, a Response, passthrough() or undefined
    getListLeadLabelMockHandler(() => "passthrough");
  });

  it("take no body override for bodiless operations", () => {
    getShareCampaignMockHandler();
    getShareCampaignMockHandler(() => new HttpResponse(null, { status: 204 }));
    // @ts-expect-error a 204 has no body to override
    getShareCampaignMockHandler({ anything: 1 });
  });
});

describe("error helpers", () => {
  it("accept the documented statuses and any other error status; only operations", () => {
    mockError("getCampaign", 404);
    mockError("listCampaign", 429, { message: "slow down" });
    expectTypeOf(mockErrorResponse("getCampaign", 401)).toEqualTypeOf<Response>();
    // Undocumented (the API sends 500s no operation documents): accepted, answered in the generic shape.
    mockError("listAccount", 500);
    mockNetworkError("listAccount");
    // @ts-expect-error a status is a number
    mockError("getCampaign", "404");
    // @ts-expect-error not an operation
    mockError("getCampaigns", 404);
  });
});

describe("createMockApi", () => {
  it("types seeds and store reads per resource", () => {
    const api = createMockApi({ seed: 1 });
    expectTypeOf(api.seed("lead-labels", [{ label: "x" }])).toEqualTypeOf<LeadLabel[]>();
    expectTypeOf(api.store.get("campaigns", "id")).toEqualTypeOf<Campaign | undefined>();
    // @ts-expect-error label is a string
    api.seed("lead-labels", [{ label: 1 }]);
    // @ts-expect-error not a CRUD resource
    api.seed("nope", 1);
  });

  it("types the store's writes per resource: partial items in, whole items out", () => {
    const api = createMockApi({ jobs: { delayMs: 1000 } });
    // Optional fields may be left out; required ones are filled by the mock.
    expectTypeOf(api.store.insert("campaigns", { name: "Launch" })).toEqualTypeOf<Campaign>();
    expectTypeOf(api.store.insert("lead-labels", [{ label: "a" }, { label: "b" }])).toEqualTypeOf<
      LeadLabel[]
    >();
    expectTypeOf(api.store.update("campaigns", "id", { status: 2 })).toEqualTypeOf<Campaign>();
    expectTypeOf(api.store.remove("campaigns", "id")).toEqualTypeOf<Campaign | undefined>();
    expectTypeOf(api.store.list("campaigns", (campaign) => campaign.status === 1)).toEqualTypeOf<
      Campaign[]
    >();
    expectTypeOf(api.jobs.completeAll()).toEqualTypeOf<number>();
    expectTypeOf(api.jobs.get("id")).toEqualTypeOf<BackgroundJob | undefined>();
    // @ts-expect-error status is one of the documented campaign codes
    api.store.insert("campaigns", { status: 42 });
    // @ts-expect-error not a Campaign property
    api.store.update("campaigns", "id", { nonsense: true });
    // @ts-expect-error not a CRUD resource
    api.store.insert("nope", {});
    // @ts-expect-error delayMs is a number of ms
    createMockApi({ jobs: { delayMs: "soon" } });
  });

  it("takes onIgnoredFilter: warn, error, off or a callback typed like msw's onUnhandledRequest", () => {
    createMockApi({ onIgnoredFilter: "warn" });
    createMockApi({ onIgnoredFilter: "error" });
    createMockApi({ onIgnoredFilter: "off" });
    createMockApi({
      onIgnoredFilter: (info, print) => {
        expectTypeOf(info).toEqualTypeOf<IgnoredFilterInfo>();
        expectTypeOf(info.operationId).toEqualTypeOf<MockOperationId>();
        expectTypeOf(info.parameters).toEqualTypeOf<readonly string[]>();
        expectTypeOf(info.request).toEqualTypeOf<Request>();
        expectTypeOf(print.warning).toEqualTypeOf<() => void>();
        expectTypeOf(print.error).toEqualTypeOf<() => void>();
      },
    });
    // The mock server takes the same option.
    expectTypeOf<NonNullable<MockServerOptions["onIgnoredFilter"]>>().toEqualTypeOf<IgnoredFilterStrategy>();
    // @ts-expect-error msw's "bypass" is "off" here
    createMockApi({ onIgnoredFilter: "bypass" });
    // @ts-expect-error one of the strategies, not a boolean
    createMockApi({ onIgnoredFilter: false });
  });
});
