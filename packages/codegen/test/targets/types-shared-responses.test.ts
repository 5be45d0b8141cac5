// Repeated error responses are declared once in components.responses (src/targets/types/shared-responses.ts):
// which responses are shared and how they are named (a table), that the model's document is never touched,
// and — the property that matters — that every operation's every response is the same type as openapi-typescript
// printed it inline, checked by the TypeScript compiler over both renderings.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { renderOpenapiTypes } from "../../src/targets/types/openapi-ts.ts";
import { shareRepeatedResponses } from "../../src/targets/types/shared-responses.ts";

type Json = Record<string, unknown>;

const errorBody = (error: string, code: number, extra: Json = {}) => ({
  description: `${error} happened`,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error", "statusCode"],
        properties: {
          error: { type: "string", enum: [error] },
          statusCode: { type: "number", enum: [code] },
          ...extra,
        },
      },
    },
  },
});
const ok = (ref = "Thing") => ({
  description: "ok",
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const unauthorized = errorBody("Unauthorized", 401);
const notFound = errorBody("Not Found", 404);
const badRequestA = errorBody("Bad Request", 400);
const badRequestB = errorBody("Bad Request", 400, { field: { type: "string" } });

const spec = (operations: Record<string, Record<string, unknown>>, components: Json = {}): Json => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: Object.fromEntries(
    Object.entries(operations).map(([id, responses]) => [`/${id}`, { get: { operationId: id, responses } }]),
  ),
  components: {
    schemas: { Thing: { type: "object", properties: { id: { type: "string" } } } },
    ...components,
  },
});

const responsesOf = (document: Json, id: string) =>
  ((document.paths as Json)[`/${id}`] as { get: { responses: Json } }).get.responses;
const declared = (document: Json) => (document.components as Json).responses as Json | undefined;

describe("which responses are shared, and their names", () => {
  const cases: {
    name: string;
    operations: Record<string, Record<string, unknown>>;
    components?: Json;
    /** operationId → status → the component it references, or "inline". */
    expected: Record<string, Record<string, string>>;
    names: string[];
  }[] = [
    {
      name: "one error repeated in every operation is declared once",
      operations: { a: { 200: ok(), 401: unauthorized }, b: { 200: ok(), 401: unauthorized } },
      expected: { a: { 200: "inline", 401: "Error401" }, b: { 200: "inline", 401: "Error401" } },
      names: ["Error401"],
    },
    {
      name: "a response used once stays inline; success responses always do",
      operations: { a: { 200: ok(), 404: notFound }, b: { 200: ok(), 401: unauthorized } },
      expected: { a: { 200: "inline", 404: "inline" }, b: { 200: "inline", 401: "inline" } },
      names: [],
    },
    {
      name: "two bodies with one status: the most used gets the plain name",
      operations: {
        a: { 400: badRequestA },
        b: { 400: badRequestB },
        c: { 400: badRequestB },
        d: { 400: badRequestA },
        e: { 400: badRequestB },
      },
      expected: {
        a: { 400: "Error400_2" },
        b: { 400: "Error400" },
        c: { 400: "Error400" },
        d: { 400: "Error400_2" },
        e: { 400: "Error400" },
      },
      names: ["Error400", "Error400_2"],
    },
    {
      name: "the same body with its keys in another order is the same response",
      operations: {
        a: { 401: unauthorized },
        b: { 401: { content: unauthorized.content, description: unauthorized.description } },
      },
      expected: { a: { 401: "Error401" }, b: { 401: "Error401" } },
      names: ["Error401"],
    },
    {
      name: "a name the spec already declares is not reused; existing $refs are left alone",
      operations: {
        a: { 401: unauthorized, 404: { $ref: "#/components/responses/Error401" } },
        b: { 401: unauthorized },
      },
      components: { responses: { Error401: notFound } },
      expected: { a: { 401: "Error401_2", 404: "Error401" }, b: { 401: "Error401_2" } },
      names: ["Error401", "Error401_2"],
    },
    {
      name: "range and default statuses get identifier-safe names",
      operations: {
        a: { "4XX": notFound, default: unauthorized },
        b: { "4XX": notFound, default: unauthorized },
      },
      expected: {
        a: { "4XX": "Error4XX", default: "ErrorDefault" },
        b: { "4XX": "Error4XX", default: "ErrorDefault" },
      },
      names: ["Error4XX", "ErrorDefault"],
    },
  ];

  test.each(cases)("$name", ({ operations, components, expected, names }) => {
    const document = spec(operations, components);
    const before = structuredClone(document);
    const shared = shareRepeatedResponses(document);
    expect(document).toEqual(before); // the model's document is never touched
    for (const [id, statuses] of Object.entries(expected))
      for (const [status, want] of Object.entries(statuses)) {
        const response = responsesOf(shared, id)[status] as Json;
        if (want === "inline") expect(response).toEqual(responsesOf(document, id)[status]);
        else expect(response).toEqual({ $ref: `#/components/responses/${want}` });
      }
    expect(Object.keys(declared(shared) ?? {}).sort()).toEqual(names);
    // Every declared response is one of the bodies it replaced (or was already there).
    for (const name of names) {
      const body = (declared(shared) as Json)[name];
      const original = [
        ...Object.values(operations).flatMap((responses) => Object.values(responses)),
        ...Object.values((components?.responses as Json | undefined) ?? {}),
      ];
      expect(original).toContainEqual(body);
    }
    expect(shareRepeatedResponses(document)).toEqual(shared); // deterministic
  });
});

/** Type-checks `files` (name → text) in a temporary folder; returns the diagnostics as text, "" when clean. */
function typecheck(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ik-shared-responses-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const program = ts.createProgram(
      Object.keys(files).map((name) => join(dir, name)),
      { strict: true, noEmit: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, types: [] },
    );
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
      .join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the shared rendering is the same types", () => {
  const document = spec({
    listThings: { 200: ok(), 400: badRequestA, 401: unauthorized, 404: notFound },
    getThing: { 200: ok(), 401: unauthorized, 404: notFound },
    patchThing: { 200: ok(), 400: badRequestB, 401: unauthorized, 404: notFound },
    deleteThing: { 204: { description: "gone" }, 400: badRequestB, 401: unauthorized },
  });
  const pairs = Object.entries(document.paths as Json).flatMap(([, item]) => {
    const { operationId, responses } = (item as { get: { operationId: string; responses: Json } }).get;
    return Object.keys(responses).map((status) => [operationId, status] as const);
  });
  const check = (compare: readonly (readonly [string, string, string])[]) =>
    [
      'import type { operations as Shared } from "./shared.js";',
      'import type { operations as Inline } from "./inline.js";',
      "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
      "const same = <T extends true>(): T | undefined => undefined;",
      ...compare.map(
        ([id, status, other], i) =>
          `export const c${i} = same<Equal<Shared[${JSON.stringify(id)}]["responses"][${status}], Inline[${JSON.stringify(id)}]["responses"][${other}]>>();`,
      ),
    ].join("\n");

  test("every operation's every response, shared vs inline, is one type (and the check can fail)", async () => {
    const shared = await renderOpenapiTypes(document);
    expect(shared).toContain('401: components["responses"]["Error401"]');
    const inline = astToString(
      // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript wants its own OpenAPI3 type.
      await openapiTS(structuredClone(document) as any, { silent: true, alphabetize: false }),
    );
    expect(inline).not.toContain('components["responses"]');
    const files = { "shared.ts": shared, "inline.ts": inline };
    expect(
      typecheck({ ...files, "check.ts": check(pairs.map(([id, status]) => [id, status, status])) }),
    ).toBe("");
    // The control: a 401 compared with a 404 must be reported, or the check above proves nothing.
    expect(typecheck({ ...files, "check.ts": check([["getThing", "401", "404"]]) })).toMatch(/true/);
  });
});
