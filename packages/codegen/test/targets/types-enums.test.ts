import { describe, expect, test } from "vitest";
import { collectNumericEnums as collectFromModel } from "../../src/model/enums.ts";
import { buildModel } from "../../src/model/index.ts";
import { normalize } from "../../src/spec/normalize/index.ts";
import { renderEnums } from "../../src/targets/types/enums.ts";
import { renderOpenapiTypes } from "../../src/targets/types/openapi-ts.ts";

const doc = (schemas: Record<string, unknown>, paths: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths,
  components: { schemas },
});

/** The model's enum collection over a document, with `reserved` names taken. */
const collectNumericEnums = (document: Record<string, unknown>, reserved: string[]) =>
  collectFromModel(document, buildModel(document).operations, reserved);

const status = {
  type: "number",
  enum: [-99, 0, 1],
  "x-enumDescriptions": { "0": "Draft", "1": "Active", "-99": "Account Suspended" },
};

describe("numeric enums from x-enumDescriptions", () => {
  test("Schema + property name, members from the descriptions, spec order kept", () => {
    const [found] = collectNumericEnums(doc({ Campaign: { type: "object", properties: { status } } }), []);
    expect(found?.name).toBe("CampaignStatus");
    expect(found?.members).toEqual([
      { name: "AccountSuspended", value: -99, label: "Account Suspended", description: "Account Suspended" },
      { name: "Draft", value: 0, label: "Draft", description: "Draft" },
      { name: "Active", value: 1, label: "Active", description: "Active" },
    ]);
    expect(found?.absent).toBeUndefined();
  });

  test("the lead interest status gets its 'no status yet' member (the spec says so only in prose)", () => {
    const interest = {
      type: "number",
      enum: [1, 0, -1],
      "x-enumDescriptions": { "0": "Out of Office", "1": "Interested", "-1": "Not Interested" },
    };
    const [found] = collectNumericEnums(
      doc({ Lead: { type: "object", properties: { lt_interest_status: interest } } }),
      [],
    );
    expect(found?.name).toBe("LeadLtInterestStatus");
    expect(found?.absent).toMatchObject({ name: "None", label: "Lead" });
    expect(found?.absent?.description).toMatch(/^No interest status yet/);
  });

  test("a nullable occurrence gets a null member, named and labelled by x-enumDescriptions.null when given", () => {
    const nullable = (extra: Record<string, string>) => ({
      type: ["number", "null"],
      enum: [1, 2, null],
      "x-enumDescriptions": { "1": "One", "2": "Two - the second", ...extra },
    });
    const [plain] = collectNumericEnums(doc({ T: { type: "object", properties: { p: nullable({}) } } }), []);
    expect(plain?.absent).toEqual({ name: "None", label: "None", description: "No value (`null`)." });
    const [named] = collectNumericEnums(
      doc({ T: { type: "object", properties: { p: nullable({ null: "Not set - nobody chose yet" }) } } }),
      [],
    );
    expect(named?.absent).toEqual({
      name: "NotSet",
      label: "Not set",
      description: "Not set - nobody chose yet",
    });
    expect(named?.members.map((member) => [member.label, member.description])).toEqual([
      ["One", "One"],
      ["Two", "Two - the second"],
    ]);
  });

  test.each([
    ["Draft - The subsequence is in draft mode", "Draft"],
    [
      "Temporarily paused for maintenance; will be automatically resumed shortly",
      "TemporarilyPausedForMaintenance",
    ],
    ["Custom IMAP/SMTP", "CustomIMAPSMTP"],
    ["Web.de", "WebDe"],
    ["Basics (Tone and Length)", "Basics"],
    ["Campaign has reached its daily sending limit.", "CampaignHasReachedItsDailySendingLimit"],
    ["4", "Value4"],
  ])("member name of %j is %s", (label, name) => {
    const schema = { type: "integer", enum: [4], "x-enumDescriptions": { "4": label } };
    const [found] = collectNumericEnums(doc({ T: { type: "object", properties: { p: schema } } }), []);
    expect(found?.members[0]?.name).toBe(name);
  });

  test("colliding member names all get their value appended", () => {
    const schema = {
      type: "number",
      enum: [1, -1, 2],
      "x-enumDescriptions": { "1": "Sent", "-1": "Sent", "2": "Open" },
    };
    const [found] = collectNumericEnums(doc({ T: { type: "object", properties: { p: schema } } }), []);
    expect(found?.members.map((m) => m.name)).toEqual(["Sent1", "SentMinus1", "Open"]);
  });

  test("null is not a member; string enums are ignored; descriptions without enum give the values", () => {
    const nullable = {
      type: ["number", "null"],
      enum: [1, 2, null],
      "x-enumDescriptions": { "1": "One", "2": "Two" },
    };
    const strings = { type: "string", enum: ["a"], "x-enumDescriptions": { a: "A" } };
    const itemsOnly = {
      type: "array",
      items: { type: "number", "x-enumDescriptions": { "0": "Zero", "-1": "Minus" } },
    };
    const found = collectNumericEnums(
      doc({ T: { type: "object", properties: { nullable, strings, itemsOnly } } }),
      [],
    );
    expect(found.map((e) => [e.name, e.members.map((m) => m.value)])).toEqual([
      ["TNullable", [1, 2]],
      ["TItemsOnly", [0, -1]],
    ]);
  });

  test("identical enums: the shortest component name is canonical, the other component names are aliases, operation repeats dropped", () => {
    const document = doc(
      {
        AccountCampaignMapping: { type: "object", properties: { status } },
        Campaign: { type: "object", properties: { status } },
      },
      {
        "/campaigns": {
          get: {
            operationId: "listCampaign",
            parameters: [{ name: "status", in: "query", schema: status }],
            responses: {},
          },
        },
      },
    );
    const found = collectNumericEnums(document, ["Campaign", "AccountCampaignMapping"]);
    expect(found).toHaveLength(1);
    expect(found[0]?.name).toBe("CampaignStatus");
    expect(found[0]?.aliases.map((a) => a.name)).toEqual(["AccountCampaignMappingStatus"]);
    const text = renderEnums(found);
    expect(text).toContain("export const AccountCampaignMappingStatus = CampaignStatus;");
    expect(text).toContain("export const accountCampaignMappingStatusLabel = campaignStatusLabel;");
  });

  test("an operation-only enum is named operationId + property", () => {
    const agentType = { type: "number", enum: [2], "x-enumDescriptions": { "2": "Sales" } };
    const body = {
      content: { "application/json": { schema: { type: "object", properties: { agent_type: agentType } } } },
    };
    const document = doc(
      {},
      { "/agents": { post: { operationId: "createSalesAgent", requestBody: body, responses: {} } } },
    );
    expect(collectNumericEnums(document, []).map((e) => e.name)).toEqual(["CreateSalesAgentAgentType"]);
  });

  test("a name taken by a schema type gets a numeric suffix", () => {
    const document = doc({
      Thing: { type: "object", properties: { kind: status } },
      ThingKind: { type: "string" },
    });
    expect(collectNumericEnums(document, ["Thing", "ThingKind"]).map((e) => e.name)).toEqual(["ThingKind2"]);
  });
});

describe("openapi-typescript output", () => {
  test("3.1 nullability is exact and dangling refs (dropped by normalization, not by the target) are unknown", async () => {
    const { document } = normalize(
      doc({
        Thing: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: ["string", "null"] },
            count: { type: "integer" },
            lost: { $ref: "#/components/schemas/DoesNotExist" },
          },
        },
      }),
    );
    const text = await renderOpenapiTypes(document);
    expect(text).toMatch(/name: string \| null;/);
    expect(text).toMatch(/count\?: number;/);
    expect(text).toMatch(/lost\?: unknown;/);
  });
});
