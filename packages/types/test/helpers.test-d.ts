import { describe, expectTypeOf, test } from "vitest";
import type {
  Campaign,
  components,
  LeadLabel,
  OperationId,
  operations,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
} from "../src/index.js";
import {
  CampaignStatus,
  CampaignStatusLabels,
  campaignStatusDescription,
  campaignStatusLabel,
  isCampaignStatus,
  LeadLtInterestStatus,
  leadLtInterestStatusLabel,
} from "../src/index.js";

describe("named schema types", () => {
  test("are the component schemas", () => {
    expectTypeOf<Campaign>().toEqualTypeOf<components["schemas"]["Campaign"]>();
    expectTypeOf<LeadLabel>().toEqualTypeOf<components["schemas"]["LeadLabel"]>();
  });
});

describe("operation helpers", () => {
  test("ResponseBody is the 2xx JSON body", () => {
    expectTypeOf<ResponseBody<"getCampaign">>().toEqualTypeOf<Campaign>();
    expectTypeOf<ResponseBody<"listLeadLabel">["items"]>().toEqualTypeOf<LeadLabel[]>();
  });

  test("RequestBody is the JSON request body, required fields stay required", () => {
    expectTypeOf<RequestBody<"createLeadLabel">>().toEqualTypeOf<
      operations["createLeadLabel"]["requestBody"]["content"]["application/json"]
    >();
    expectTypeOf<RequestBody<"createLeadLabel">["label"]>().toEqualTypeOf<string>();
    // @ts-expect-error label is required
    const missingLabel: RequestBody<"createLeadLabel"> = { interest_status_label: "positive" };
    void missingLabel;
    expectTypeOf<RequestBody<"getCampaign">>().toBeNever();
  });

  test("3.1 nullability is exact: type [string, null] is string | null", () => {
    expectTypeOf<RequestBody<"createLeadLabel">["description"]>().toEqualTypeOf<string | null | undefined>();
  });

  test("QueryParams and PathParams", () => {
    expectTypeOf<QueryParams<"listCampaign">["limit"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error limit is a number
    const wrongLimit: QueryParams<"listCampaign"> = { limit: "10" };
    void wrongLimit;
    expectTypeOf<PathParams<"getCampaign">>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<PathParams<"listCampaign">>().toBeNever();
  });

  test("OperationId is the union of operationIds", () => {
    expectTypeOf<"listCampaign">().toExtend<OperationId>();
    expectTypeOf<"createLeadLabel">().toExtend<OperationId>();
    expectTypeOf<"notAnOperation">().not.toExtend<OperationId>();
    // @ts-expect-error unknown operationId
    expectTypeOf<ResponseBody<"notAnOperation">>().toBeNever();
  });
});

describe("numeric enum constants", () => {
  test("constants are literal-typed and match the schema property", () => {
    expectTypeOf(CampaignStatus.Active).toEqualTypeOf<1>();
    expectTypeOf<CampaignStatus>().toEqualTypeOf<NonNullable<Campaign["status"]>>();
  });

  test("a known code's label is its literal text; any other number is a string (the fallback), never a throw", () => {
    expectTypeOf(campaignStatusLabel(CampaignStatus.Active)).toEqualTypeOf<"Active">();
    expectTypeOf(campaignStatusLabel(-99)).toEqualTypeOf<"Account Suspended">();
    expectTypeOf(CampaignStatusLabels[-99]).toEqualTypeOf<"Account Suspended">();
    expectTypeOf(campaignStatusLabel(5)).toEqualTypeOf<string>();
    expectTypeOf(campaignStatusLabel(Number("1"))).toEqualTypeOf<string>();
    expectTypeOf(campaignStatusDescription(CampaignStatus.Active)).toExtend<string>();
    // @ts-expect-error a string is not a code
    campaignStatusLabel("1");
    // @ts-expect-error Campaign.status has no "no code" member: null is not accepted
    campaignStatusLabel(null);
  });

  test("guards narrow unknown values to the code union", () => {
    const value: unknown = JSON.parse("1");
    if (isCampaignStatus(value)) expectTypeOf(value).toEqualTypeOf<CampaignStatus>();
    const interest = 1 as number | null | undefined;
    // The lead interest status has a "no status yet" member (null); undefined reads as it too.
    expectTypeOf(leadLtInterestStatusLabel(interest)).toEqualTypeOf<string>();
    expectTypeOf(leadLtInterestStatusLabel(LeadLtInterestStatus.None)).toEqualTypeOf<"Lead">();
    expectTypeOf<null>().toExtend<LeadLtInterestStatus>();
  });
});
