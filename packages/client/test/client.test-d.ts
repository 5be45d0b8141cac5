import type { Campaign, Lead, LeadLabel, ResponseBody } from "@instantly-kit/types";
import { describe, expectTypeOf, test } from "vitest";
import type {
  InstantlyAbortError,
  InstantlyApiError,
  InstantlyError,
  InstantlyErrorBody,
  InstantlyErrorKind,
  InstantlyMissingProviderError,
  InstantlyValidationError,
} from "../src/index.js";
import { createInstantlyClient, type PageItem, type PaginatedPath, paginate, unwrap } from "../src/index.js";

const client = createInstantlyClient({ apiKey: "k" });

describe("typed calls", () => {
  test("a valid call is typed end to end", async () => {
    const { data } = await client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    expectTypeOf(data).toEqualTypeOf<Campaign | undefined>();
    const label = unwrap(
      await client.POST("/api/v2/lead-labels", { body: { label: "Hot", interest_status_label: "positive" } }),
    );
    expectTypeOf(label).toEqualTypeOf<LeadLabel>();
    const page = unwrap(await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } }));
    expectTypeOf(page).toEqualTypeOf<ResponseBody<"listCampaign">>();
  });

  test("wrong path, wrong method, missing body field, wrong query type do not compile", () => {
    // @ts-expect-error no such path
    client.GET("/api/v2/campaign");
    // @ts-expect-error lead-labels has no PUT
    client.PUT("/api/v2/lead-labels", { body: { label: "x", interest_status_label: "positive" } });
    // @ts-expect-error interest_status_label is required
    client.POST("/api/v2/lead-labels", { body: { label: "Hot" } });
    // @ts-expect-error limit is a number
    client.GET("/api/v2/campaigns", { params: { query: { limit: "10" } } });
    // @ts-expect-error the path parameter is required
    client.GET("/api/v2/campaigns/{id}", {});
  });
});

describe("paginate", () => {
  test("infers the item type from the operation", () => {
    expectTypeOf(paginate(client, "/api/v2/campaigns")).toEqualTypeOf<
      AsyncGenerator<Campaign, void, undefined>
    >();
    expectTypeOf<PageItem<"/api/v2/leads/list">>().toEqualTypeOf<Lead>();
    expectTypeOf<PageItem<"/api/v2/lead-labels">>().toEqualTypeOf<LeadLabel>();
  });

  test("takes the operation's init: query for GET lists, body for POST /leads/list", () => {
    paginate(client, "/api/v2/campaigns", { params: { query: { limit: 50 } } });
    paginate(client, "/api/v2/leads/list", { body: { campaign: "c1" } });
    // @ts-expect-error limit is a number
    paginate(client, "/api/v2/campaigns", { params: { query: { limit: "50" } } });
    // @ts-expect-error leads/list has no such body field
    paginate(client, "/api/v2/leads/list", { body: { campaign_id: "c1" } });
  });

  test("only paginated paths are accepted", () => {
    expectTypeOf<"/api/v2/campaigns">().toExtend<PaginatedPath>();
    expectTypeOf<"/api/v2/campaigns/{id}">().not.toExtend<PaginatedPath>();
    // @ts-expect-error a single campaign does not paginate
    paginate(client, "/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
    // @ts-expect-error creating a lead label does not paginate
    paginate(client, "/api/v2/lead-labels/{id}");
  });
});

describe("InstantlyError: one union, narrowed by kind", () => {
  test("kind narrows to each class; the api body is the given type, or text, or nothing", () => {
    const error = {} as InstantlyError<{ statusCode: 404; message: string }>;
    expectTypeOf(error.kind).toEqualTypeOf<InstantlyErrorKind>();
    if (error.kind === "api") {
      expectTypeOf(error).toEqualTypeOf<InstantlyApiError<{ statusCode: 404; message: string }>>();
      expectTypeOf(error.body).toEqualTypeOf<{ statusCode: 404; message: string } | string | undefined>();
    }
    if (error.kind === "abort") expectTypeOf(error).toEqualTypeOf<InstantlyAbortError>();
    if (error.kind === "missing-provider") expectTypeOf(error).toEqualTypeOf<InstantlyMissingProviderError>();
    if (error.kind === "validation") expectTypeOf(error).toEqualTypeOf<InstantlyValidationError>();
  });

  test("an operation that documents no error body gets the API's generic one", () => {
    const error = {} as InstantlyError<never>;
    if (error.kind === "api")
      expectTypeOf(error.body).toEqualTypeOf<InstantlyErrorBody | string | undefined>();
  });
});

describe("validate", () => {
  test("modes are checked at compile time; onValidationIssue gets the validation error", () => {
    createInstantlyClient({
      apiKey: "k",
      validate: { response: "warn", request: "throw", samples: true },
      onValidationIssue: (error) => {
        expectTypeOf(error).toEqualTypeOf<InstantlyValidationError>();
        expectTypeOf(error.violations[0]?.path).toEqualTypeOf<string | undefined>();
        expectTypeOf(error.side).toEqualTypeOf<"request" | "response">();
        expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      },
    });
    // @ts-expect-error no such response mode
    createInstantlyClient({ apiKey: "k", validate: { response: "strict" } });
    // @ts-expect-error requests are never only warned about: they are stopped or sent
    createInstantlyClient({ apiKey: "k", validate: { request: "warn" } });
  });
});
