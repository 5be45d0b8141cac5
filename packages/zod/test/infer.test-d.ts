// z.infer of the generated schemas equals the types package's types (ADR 0031), on a sample of every shape.
// `Equal` is exact (mutual identity, not assignability) up to one thing zod cannot say: a `readonly` property
// (openapi-typescript marks `readOnly` fields so; zod 4's object types are mutable by construction).
// test/infer-all.test.ts checks every component and operation of the pinned spec the same way.
import type * as T from "@instantly-kit/types";
import { describe, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type {
  AccountSchema,
  BackgroundJobSchema,
  CampaignSchema,
  countLeadsFromSupersearchBody,
  createLeadLabelBody,
  generateSimilarDomainsBody,
  getCampaign404Response,
  getCampaignAnalyticsQueryParams,
  getCampaignParams,
  getCampaignResponse,
  InboxPlacementAnalyticsSchema,
  LeadLabelSchema,
  LeadSchema,
  listCampaignQueryParams,
  listLeadLabelResponse,
} from "../src/index.js";
import type { OperationSchemas, OperationSchemaTable } from "../src/operations.js";
import { operationSchemas } from "../src/operations.js";
import type { Equal, Mutable } from "./equal.js";

/** Compile-time assertion: only `true` satisfies it. */
function assert<_ extends true>(): void {}

describe("component schemas", () => {
  test("nullable unions, readOnly fields, date-time", () => {
    assert<Equal<z.infer<typeof LeadLabelSchema>, T.LeadLabel>>();
    // date-time is a string in both (zod checks the format at runtime).
    assert<Equal<z.infer<typeof LeadLabelSchema>["timestamp_created"], string>>();
  });
  test("numeric enums with labels are the same literal unions as the enum constants' types", () => {
    assert<Equal<z.infer<typeof CampaignSchema>, T.Campaign>>();
    assert<Equal<z.infer<typeof CampaignSchema>["status"], T.CampaignStatus>>();
  });
  test("maps: properties next to additionalProperties (true, or a schema) and a nullable map", () => {
    assert<Equal<z.infer<typeof BackgroundJobSchema>, T.BackgroundJob>>();
    assert<Equal<z.infer<typeof AccountSchema>, T.Account>>();
    assert<Equal<z.infer<typeof LeadSchema>, T.Lead>>();
    assert<Equal<z.infer<typeof LeadSchema>["payload"], T.Lead["payload"]>>();
  });
  test("an object schema without properties is Record<string, never> in both", () => {
    assert<Equal<z.infer<typeof InboxPlacementAnalyticsSchema>, T.InboxPlacementAnalytics>>();
    assert<
      Equal<
        z.infer<typeof InboxPlacementAnalyticsSchema>["smtp_ip_blacklist_report"],
        Record<string, never> | null | undefined
      >
    >();
  });
});

describe("operation schemas", () => {
  test("body, query, path parameters and the success response", () => {
    assert<Equal<z.infer<typeof createLeadLabelBody>, T.RequestBody<"createLeadLabel">>>();
    assert<Equal<z.infer<typeof listCampaignQueryParams>, T.QueryParams<"listCampaign">>>();
    assert<Equal<z.infer<typeof getCampaignParams>, T.PathParams<"getCampaign">>>();
    assert<Equal<z.infer<typeof getCampaignResponse>, T.ResponseBody<"getCampaign">>>();
    assert<Equal<z.infer<typeof listLeadLabelResponse>, T.ResponseBody<"listLeadLabel">>>();
  });
  test("a documented error status", () => {
    assert<
      Equal<z.infer<typeof getCampaign404Response>, Extract<T.ErrorBody<"getCampaign">, { statusCode: 404 }>>
    >();
  });
  test("defaults of parameters and request bodies stay optional (the server applies them)", () => {
    assert<Equal<z.infer<typeof getCampaignAnalyticsQueryParams>, T.QueryParams<"getCampaignAnalytics">>>();
    assert<Equal<z.infer<typeof generateSimilarDomainsBody>, T.RequestBody<"generateSimilarDomains">>>();
  });
  test("the two spellings of one request field (funding_type / fundingType)", () => {
    type Types = NonNullable<T.RequestBody<"countLeadsFromSupersearch">["search_filters"]>;
    type Zod = NonNullable<z.infer<typeof countLeadsFromSupersearchBody>["search_filters"]>;
    assert<Equal<Zod["funding_type"], Types["funding_type"]>>();
    assert<Equal<Zod["fundingType"], Types["fundingType"]>>();
  });
});

describe("@instantly-kit/zod/operations", () => {
  test("operationSchemas has exactly the public shape, keyed by every OperationId", () => {
    expectTypeOf(operationSchemas).toEqualTypeOf<OperationSchemaTable>();
    expectTypeOf<keyof typeof operationSchemas>().toEqualTypeOf<T.OperationId>();
    assert<
      Equal<
        OperationSchemas,
        {
          readonly body?: z.ZodType;
          readonly query?: z.ZodType;
          readonly params?: z.ZodType;
          readonly responses: { readonly [status: number]: z.ZodType };
        }
      >
    >();
    // The helper itself can fail: readonly is the one difference it forgives.
    assert<Equal<Mutable<{ readonly a: readonly string[] }>, { a: string[] }>>();
    // @ts-expect-error a missing `| null` is a difference
    assert<Equal<{ a: string | null }, { a: string }>>();
    // @ts-expect-error an optional key is not a required one
    assert<Equal<{ a?: string }, { a: string }>>();
  });
});
