// The one model of the spec (src/model): built over every real spec version and over small fixtures.
import { describe, expect, test } from "vitest";
import {
  buildModel,
  camelCase,
  compareCodePoints,
  isIdentifier,
  parseScopes,
  pascalCase,
  pointerOf,
  pointerSegments,
  refToPointer,
  type SpecModel,
} from "../src/model/index.ts";
import { corpusSpecs, countOperations, loadCorpusSpec, newestSpec } from "./corpus.ts";
import { fixture } from "./helpers.ts";

/** Everything the model derives, as plain data (functions and the document left out). */
function snapshotOf(model: SpecModel): string {
  return JSON.stringify({ operations: model.operations, schemas: model.schemas, enums: model.enums });
}

describe.each(corpusSpecs)("the model of %s", (file) => {
  test("every $ref resolves; every operation once, ids unique; deterministic", async () => {
    const document = await loadCorpusSpec(file);
    const model = buildModel(document);
    const unresolved = model.refs().filter((use) => use.target === undefined);
    expect(unresolved).toEqual([]);
    expect(model.refs().length).toBeGreaterThan(0);
    expect(model.operations).toHaveLength(countOperations(document));
    expect(new Set(model.operations.map((operation) => operation.id)).size).toBe(model.operations.length);
    for (const operation of model.operations) {
      expect(isIdentifier(operation.id)).toBe(true);
      expect(model.at(operation.pointer)).toBeTypeOf("object");
      // Every media pointer names the schema the model hands out.
      for (const response of operation.responses) {
        for (const media of response.media) expect(model.at(media.schemaPointer)).toBe(media.schema);
      }
      for (const parameter of operation.parameters) expect(model.at(parameter.pointer)).toBeTypeOf("object");
      if (operation.success) expect(operation.successResponses).toContain(operation.success);
      if (operation.jsonBody) expect(operation.success?.media).toContain(operation.jsonBody);
    }
    // Built from an independent copy of the same document: the same model, byte for byte.
    expect(snapshotOf(buildModel(structuredClone(document)))).toBe(snapshotOf(model));
    // Built once per document object.
    expect(buildModel(document)).toBe(model);
  });
});

describe(`the model of the pinned spec (${newestSpec})`, () => {
  test("33 cursor-paginated operations, each with its cursor where the request takes it", async () => {
    const model = buildModel(await loadCorpusSpec(newestSpec));
    const paginated = model.operations.filter((operation) => operation.pagination);
    expect(paginated).toHaveLength(33);
    for (const operation of paginated) {
      const where = operation.pagination?.in;
      if (where === "query")
        expect(operation.parametersIn.query.map((p) => p.name)).toContain("starting_after");
      else
        expect(Object.keys(model.propertiesOf(operation.requestBody?.json?.schema))).toContain(
          "starting_after",
        );
      expect(operation.successBody.kind).toBe("json");
    }
    expect(paginated.filter((operation) => operation.pagination?.in === "body").length).toBeGreaterThan(0);
  });

  test("210 operations require one of a list of scopes, 2 require one of each of two groups, in spec order", async () => {
    const model = buildModel(await loadCorpusSpec(newestSpec));
    const oneOf = model.operations.filter((operation) => operation.requiredScopes.length === 1);
    const groups = model.operations.filter((operation) => operation.requiredScopes.length > 1);
    expect(oneOf).toHaveLength(210);
    expect(groups.map((operation) => operation.id).sort(compareCodePoints)).toEqual([
      "pauseDeliverabilityAffectedAccounts",
      "pauseDeliverabilityCampaignSending",
    ]);
    for (const operation of [...oneOf, ...groups]) {
      // The scopes are the backticked names of the description's last lines, in the order written there.
      const description = operation.description ?? "";
      const requires = description.slice(description.indexOf("Requires "));
      const written = [...new Set([...requires.matchAll(/`([\w-]+:[\w-]+)`/g)].map((m) => m[1]))];
      expect([...new Set(operation.requiredScopes.flat())]).toEqual(written);
    }
    const withoutScopes = model.operations.filter((operation) => operation.requiredScopes.length === 0);
    for (const operation of withoutScopes)
      expect(operation.description ?? "").not.toMatch(/Requires .* scope/);
  });

  test("numeric enums with labels (CampaignStatus) and named schemas", async () => {
    const model = buildModel(await loadCorpusSpec(newestSpec));
    const status = model.enums.find((entry) => entry.name === "CampaignStatus");
    expect(status?.members.find((member) => member.value === -99)?.label).toBe("Account Suspended");
    expect(model.schema("Campaign")?.ref).toBe("#/components/schemas/Campaign");
    expect(model.schemas.length).toBeGreaterThan(30);
  });
});

describe("operations from a fixture: success response, JSON body, text answers, pagination through $ref/allOf", () => {
  const model = buildModel(fixture("cursor-pagination.json"));
  test("pagination: query cursor and body cursor (allOf page), not a cursor without a page", () => {
    expect(
      model.operations.filter((op) => op.pagination).map((op) => [op.method, op.path, op.pagination?.in]),
    ).toEqual([
      ["get", "/things", "query"],
      ["post", "/things/search", "body"],
    ]);
  });
  test("a text/csv success answers text; JSON ones do not", () => {
    expect(model.operations.filter((op) => op.answersText).map((op) => op.path)).toEqual(["/things/export"]);
    const list = model.operations.find((op) => op.id === "listThing");
    expect(list?.successBody.kind).toBe("json");
    expect(list?.jsonBody?.contentType).toBe("application/json");
  });
});

describe("the success response", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/a": {
        parameters: [{ $ref: "#/components/parameters/Id" }],
        post: {
          operationId: "createA",
          deprecated: true,
          parameters: [{ name: "id", in: "query", schema: { type: "integer" } }],
          responses: {
            "400": { content: { "application/json": { schema: { type: "object" } } } },
            "201": { $ref: "#/components/responses/Created" },
            "200": { content: { "application/json": { schema: {} } } },
          },
        },
        delete: { responses: { "204": { description: "gone" } } },
        get: { responses: { "2XX": { content: { "text/csv": { schema: { type: "string" } } } } } },
      },
    },
    components: {
      parameters: { Id: { name: "id", in: "query", schema: { type: "string" } } },
      responses: {
        Created: {
          description: "made",
          content: { "application/problem+json": { schema: { type: "object" } } },
        },
      },
    },
  };
  const model = buildModel(document);
  test("lowest numeric 2xx; an empty schema sends nothing; a $ref'd response is resolved", () => {
    const create = model.operation("createA");
    expect(create?.success?.status).toBe("200");
    expect(create?.successBody.kind).toBe("none");
    // (JSON objects list integer-like keys in ascending order: that is "document order" for statuses.)
    expect(create?.successResponses.map((r) => r.status)).toEqual(["200", "201"]);
    expect(create?.successResponses[1]?.pointer).toBe("/components/responses/Created");
    expect(create?.successResponses[1]?.json?.contentType).toBe("application/problem+json");
    expect(create?.errorResponses.map((r) => r.code)).toEqual([400]);
    expect(create?.deprecated).toBe(true);
  });
  test("an operation-level parameter overrides the path-level one of the same name and location", () => {
    const create = model.operation("createA");
    expect(create?.parametersIn.query).toHaveLength(1);
    expect(create?.parametersIn.query[0]?.schema).toEqual({ type: "integer" });
    expect(model.operation("deleteA")?.parametersIn.query[0]?.pointer).toBe("/components/parameters/Id");
  });
  test("204 sends nothing; a 2XX range is the success response when nothing numeric is documented", () => {
    expect(model.operation("deleteA")?.successBody.kind).toBe("none");
    const get = model.operation("getA");
    expect(get?.success?.status).toBe("2XX");
    expect(get?.successBody.kind).toBe("text");
    expect(get?.answersText).toBe(true);
  });
});

describe("scopes from the description", () => {
  test.each([
    ["Requires one of the following scopes: `a:read`, `a:all`, `all:all`", [["a:read", "a:all", "all:all"]]],
    ["Intro.\n\n\nRequires one of the following scopes: `x:y`", [["x:y"]]],
    [
      "Requires all of the following scope groups:\n- One of `a:update`, `a:all`\n- One of `b:update`",
      [["a:update", "a:all"], ["b:update"]],
    ],
    ["No scopes here. `code`", []],
    [
      "Requires one of the following scopes: `v:create`\n\nRequires one of the following scopes: `v:create`, `v:all`",
      [["v:create", "v:all"]],
    ],
    [undefined, []],
  ])("%j", (description, scopes) => {
    expect(parseScopes(description)).toEqual(scopes);
  });
});

describe("naming, pointers and ordering exist once", () => {
  test.each([
    ["not_sending_status", "NotSendingStatus", "notSendingStatus"],
    ["Custom IMAP/SMTP", "CustomIMAPSMTP", "customIMAPSMTP"],
    ["AIAgentType", "AIAgentType", "aiAgentType"],
    ["listCampaign", "ListCampaign", "listCampaign"],
  ])("%s → %s, %s", (text, pascal, camel) => {
    expect(pascalCase(text)).toBe(pascal);
    expect(camelCase(text)).toBe(camel);
  });

  test("pointers round-trip through escaping (~ and / in keys) and percent-encoded refs", () => {
    for (const keys of [
      ["paths", "/api/v2/a~b", "get"],
      ["components", "schemas", "A B"],
      ["x", "~1/~0"],
    ]) {
      expect(pointerSegments(pointerOf(...keys))).toEqual(keys);
    }
    expect(refToPointer("#/components/schemas/A%20B")).toBe("/components/schemas/A B");
    expect(refToPointer("other.json#/a")).toBeUndefined();
  });

  test("code-point order: independent of locale, case and surrogates (property over random strings)", () => {
    const alphabet = ["a", "B", "b", "A", "_", "1", "é", "\u{1F600}", "\uFFFF", "z", "Z"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const strings = Array.from({ length: 300 }, () =>
      Array.from(
        { length: Math.floor(random() * 5) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(""),
    );
    const byCodePoints = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0) as number);
      const y = [...b].map((c) => c.codePointAt(0) as number);
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return x.length - y.length;
    };
    const expected = [...strings].sort(byCodePoints);
    expect([...strings].sort(compareCodePoints)).toEqual(expected);
    // UTF-16 order (plain `<`) puts U+FFFF after an emoji; code points do not.
    expect(compareCodePoints("\u{1F600}", "\uFFFF")).toBeGreaterThan(0);
    expect(compareCodePoints("getAIAgent", "getAccount")).toBeLessThan(0);
  });
});
