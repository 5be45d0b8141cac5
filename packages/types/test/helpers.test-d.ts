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
import { CampaignStatus, CampaignStatusLabels, campaignStatusLabel } from "../src/index.js";

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

  test("labels only accept valid codes", () => {
    expectTypeOf(campaignStatusLabel(1)).toExtend<string>();
    expectTypeOf(CampaignStatusLabels[-99]).toEqualTypeOf<"Account Suspended">();
    // @ts-expect-error 5 is not a campaign status
    campaignStatusLabel(5);
    // @ts-expect-error a plain number is not a campaign status
    campaignStatusLabel(Number("1"));
  });
});
