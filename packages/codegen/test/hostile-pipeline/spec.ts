import { pascalCase, toIdentifier } from "../../src/spec/normalize/names.ts";
import { seededRandom } from "../seeded-random.ts";

// Seeded, deterministic generator of hostile-but-valid OpenAPI 3.1 documents for the whole-pipeline test
// (hostile-pipeline.test.ts). A small fixed API (a CRUD resource, a cursor-paginated list, a text export) whose
// every spec string that can reach generated code is taken from PLACES: one row per place, so covering a new
// place is one more row. Each string is made of every hostile fragment (in a seed-determined order and
// spacing), so one spec carries every fragment in every place and a couple of specs are enough.

/** Where a place's text must show up again, exactly, after generate + build (see the test's checks). */
export type Check =
  /** Some `*Labels` or `*Descriptions` constant of @instantly-kit/types has it as a value (a description is the spec's whole text). */
  | "types.label"
  /** A property name of an interface/type literal in @instantly-kit/types' .d.ts. */
  | "types.property"
  /** A string literal type in @instantly-kit/types' .d.ts (enum values, const). */
  | "types.literal"
  /** The text of a JSDoc comment in @instantly-kit/types' openapi.gen.d.ts (openapi-typescript's escape). */
  | "types.openapiDoc"
  /** The text of a JSDoc comment in @instantly-kit/types' enums.gen.d.ts (our emit/ escape). */
  | "types.enumDoc"
  /** The text of a JSDoc comment in @instantly-kit/msw's .d.ts (per-operation docs; our emit/ escape). */
  | "msw.doc"
  /** The text of a JSDoc comment in @instantly-kit/react-query's .d.ts (per-hook docs; our emit/ escape). */
  | "reactQuery.doc"
  /** A key of @instantly-kit/client's `paginatedOperations`. */
  | "client.paginated"
  /** A key of @instantly-kit/client's `textResponses`. */
  | "client.text"
  /** A key of @instantly-kit/client's `operationIds` (path template → method → operationId). */
  | "client.operationPath"
  /** A scope in @instantly-kit/types' `operationScopes`. */
  | "types.scope"
  /** `path` of an entry of @instantly-kit/msw's `operationSpecs`. */
  | "msw.path"
  /** `contentType` of an entry of `operationSpecs`. */
  | "msw.contentType"
  /** An entry of `requiredBody` in `operationSpecs`. */
  | "msw.requiredBody"
  /** A key or a string value anywhere in a default mock body (`defaultBodies`). */
  | "msw.body"
  /** An element of a query key returned by a `get…QueryKey()` of @instantly-kit/react-query. */
  | "reactQuery.queryKey"
  /** A key of `operationSpecs` (an operationId). */
  | "msw.operationId"
  /** A file of @instantly-kit/react-query's dist/generated (orval writes one per tag, kebab-cased). */
  | "reactQuery.file";

export interface Place {
  /** What the place is, in words (test names and failure messages). */
  name: string;
  /** The kind of string: free text, a URL path (RFC 3986 pchars only: the pull refuses others), a header name. */
  kind: "text" | "path" | "token";
  /** The row renames a key other rows reach through: it is applied after every row that does not. */
  renames?: true;
  /** Writes `text` into the skeleton document at this place. */
  put(document: Document, text: string): void;
  /** Where the text must be found, exactly, in the built packages (empty: it must only never run). */
  checks: Check[];
  /**
   * The string the checks look for, when it is not the text itself: the whole path or media type the text is
   * part of, or — for names that become identifiers (operationIds, tags, schema names), which the text cannot
   * be — the name normalization maps it to, deterministically (src/spec/normalize/names.ts).
   */
  expected?: (text: string) => string;
  /** The text is mapped to an identifier (see `expected`). */
  mapped?: true;
}

// biome-ignore lint/suspicious/noExplicitAny: the generator pokes into a plain JSON document
export type Document = Record<string, any>;

/** The canary every payload tries to set; the test asserts it never is. */
export const CANARY = "__pwned";

/**
 * An expression that records `tag` on the canary if it ever runs. It type-checks wherever an expression may
 * stand, so a break-out is caught by the import in a fresh process, not only by a failing build.
 */
const payload = (tag: string) => `Reflect.set(globalThis, '${CANARY}', '${tag}')`;

/**
 * Every way text can leave its context in TypeScript/JavaScript, each carrying a payload. No fragment puts
 * `@` at a line start (a JSDoc tag is meaning, not code: the emit layer escapes it, openapi-typescript not).
 */
export const TEXT_FRAGMENTS: readonly ((tag: string) => string)[] = [
  (tag) => `*/ ${payload(tag)}; /*`,
  () => "/* ",
  (tag) => `\` + ${payload(tag)} + \``,
  (tag) => `\${${payload(tag)}}`,
  (tag) => `" + ${payload(tag)} + "`,
  (tag) => `' + ${payload(tag)} + '`,
  () => "\\",
  () => "\\u002a/ \\n",
  (tag) => `\n${payload(tag)}; //`,
  () => "\r\n",
  () => "\r",
  (tag) => `\u2028${payload(tag)}; //`,
  () => "\u2029",
  (tag) => `</script><script>${payload(tag)}</script>`,
  () => "<!-- -->",
  () => "😀𝕏",
  () => "__proto__",
  () => "}{][",
];

/**
 * Path fragments: hostile yet valid RFC 3986 path characters (`*`, `/`, `'`, `$`, `(`, `)`, `;`, `=`, `+`…) and
 * percent-encoded backticks, `${`, quotes, line separators and non-BMP characters.
 */
export const PATH_FRAGMENTS: readonly ((tag: string) => string)[] = [
  (tag) => `*/(Reflect.set(globalThis,'${CANARY}','${tag}'));/*`,
  () => "/*",
  () => "%60%24%7B",
  () => "%22%27%5C",
  () => "%E2%80%A8%0A",
  () => "%F0%9F%98%80",
  () => "$'()+,;=:@!~",
  () => "%3C%2Fscript%3E",
];

/** Header-name fragments (RFC 9110 token characters, which include `` ` ``, `'`, `*`, `$`, `|`). */
export const TOKEN_FRAGMENTS: readonly ((tag: string) => string)[] = [
  () => "X-*/",
  () => "`${",
  () => "'\"".slice(0, 1),
  () => "$|^~",
  () => "/*",
];

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** A hostile string for one place: every fragment of its kind, shuffled, glued with seed-chosen separators. */
export function hostileText(kind: Place["kind"], tag: string, next: () => number, long: boolean): string {
  const pool = kind === "path" ? PATH_FRAGMENTS : kind === "token" ? TOKEN_FRAGMENTS : TEXT_FRAGMENTS;
  const separators = kind === "text" ? [" ", "", "x", " y "] : ["", "x", "-"];
  const parts = shuffled(pool, next).map(
    (fragment) => fragment(tag) + (separators[Math.floor(next() * separators.length)] as string),
  );
  // Very long strings: a few thousand characters (long enough to break naive buffers and file names).
  if (long) parts.splice(Math.floor(next() * parts.length), 0, (kind === "path" ? "p" : "L").repeat(3000));
  // Free text starts and ends with a letter: the pipeline trims surrounding whitespace of doc text.
  return kind === "text" ? `t${parts.join("")}z` : parts.join("");
}

/** The fixed API the places are written into. Paths and names here are plain; rows replace them. */
function skeleton(): Document {
  const json = (schema: unknown) => ({ "application/json": { schema } });
  return {
    openapi: "3.1.0",
    info: { title: "Hostile API", version: "1.0.0", description: "plain" },
    servers: [{ url: "https://api.example.com" }],
    tags: [{ name: "things", description: "plain" }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "plain" } },
      schemas: {
        Thing: {
          type: "object",
          title: "Thing",
          description: "plain",
          required: ["id", "label"],
          properties: {
            id: { type: "string", example: "thing-1" },
            label: { type: "string", description: "plain", example: "plain" },
            kind: { type: "string", enum: ["a", "b"] },
            status: {
              type: "integer",
              enum: [1, 2, -1],
              description: "plain",
              "x-enumDescriptions": { "1": "Active", "2": "Paused", "-1": "Failed" },
            },
            nested: {
              type: "object",
              properties: {
                level: {
                  type: "integer",
                  enum: [10, 20],
                  "x-enumDescriptions": { "10": "Low", "20": "High" },
                },
              },
            },
            note: { type: "string", format: "plain", default: "plain", description: "plain" },
            fixed: { type: "string", const: "plain" },
          },
        },
        Other: { type: "object", properties: { a: { type: "string" } } },
        ThingPage: {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
            next_starting_after: { type: "string" },
          },
        },
        Error: {
          type: "object",
          properties: { message: { type: "string", example: "plain" } },
        },
      },
    },
    paths: {
      "/api/v2/things": {
        get: {
          operationId: "listThing",
          tags: ["things"],
          summary: "plain",
          description: "plain",
          parameters: [
            { name: "starting_after", in: "query", schema: { type: "string" } },
            { name: "search", in: "query", description: "plain", schema: { type: "string" } },
            { name: "X-Trace", in: "header", description: "plain", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "plain",
              headers: { "X-Rate": { description: "plain", schema: { type: "string" } } },
              content: json({ $ref: "#/components/schemas/ThingPage" }),
            },
            "400": { description: "plain", content: json({ $ref: "#/components/schemas/Error" }) },
          },
        },
        post: {
          operationId: "createThing",
          tags: ["things"],
          summary: "plain",
          requestBody: {
            required: true,
            description: "plain",
            content: json({
              type: "object",
              required: ["label"],
              properties: { label: { type: "string" }, other: { $ref: "#/components/schemas/Other" } },
            }),
          },
          responses: {
            "200": { description: "plain", content: json({ $ref: "#/components/schemas/Thing" }) },
          },
        },
      },
      "/api/v2/things/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "getThing",
          tags: ["things"],
          responses: {
            "200": { description: "plain", content: json({ $ref: "#/components/schemas/Thing" }) },
          },
        },
        patch: {
          operationId: "patchThing",
          tags: ["things"],
          requestBody: { content: json({ type: "object", properties: { label: { type: "string" } } }) },
          responses: {
            "200": { description: "plain", content: json({ $ref: "#/components/schemas/Thing" }) },
          },
        },
        delete: {
          operationId: "deleteThing",
          tags: ["things"],
          responses: { "204": { description: "plain" } },
        },
      },
      "/api/v2/pages": {
        get: {
          operationId: "listPage",
          parameters: [{ name: "starting_after", in: "query", schema: { type: "string" } }],
          responses: {
            "200": { description: "plain", content: json({ $ref: "#/components/schemas/ThingPage" }) },
          },
        },
      },
      "/api/v2/exports": {
        get: {
          operationId: "getExport",
          responses: {
            "200": { description: "plain", content: { "text/csv": { schema: { type: "string" } } } },
          },
        },
      },
    },
  };
}

/** The operation with this operationId, wherever a row moved its path. */
function operation(document: Document, id: string): Document {
  for (const item of Object.values(document.paths) as Document[]) {
    for (const value of Object.values(item) as Document[]) if (value?.operationId === id) return value;
  }
  throw new Error(`no operation ${id}`);
}

/** A text media type with `text` as a quoted parameter (a quoted string may not hold `"` or `\`). */
const mediaType = (text: string) => `text/csv; x="${text.replace(/["\\]/g, "")}"`;

const thing = (document: Document) => document.components.schemas.Thing;
const listThing = (document: Document) => document.paths["/api/v2/things"].get;
/** A hostile text as a scope can carry it: no backtick (ends the scope) and no newline (ends the sentence). */
const scopeText = (text: string) => text.replace(/[`\n]/g, "");

/** Moves `paths[from]` to `paths[to]` (keeping key order irrelevant: normalization sorts keys). */
function renamePath(document: Document, from: string, to: string): void {
  document.paths[to] = document.paths[from];
  delete document.paths[from];
}

/** Renames a key of an object in place. */
function renameKey(object: Record<string, unknown>, from: string, to: string): void {
  object[to] = object[from];
  delete object[from];
}

/**
 * Every place a spec string can reach generated code, from what the targets read (types: openapi-typescript
 * + enums + schema names; client: pagination/text-response tables; msw: operation table, mock bodies,
 * resources, doc comments; react-query: orval's hooks, query keys, doc comments). A new place is one row.
 */
export const PLACES: readonly Place[] = [
  {
    name: "schema property name (with a numeric enum with x-enumDescriptions)",
    kind: "text",
    renames: true,
    put: (d, t) => renameKey(thing(d).properties, "status", t),
    checks: ["types.property", "types.enumDoc"],
  },
  {
    name: "nested property name (an enum's property path)",
    kind: "text",
    renames: true,
    put: (d, t) => renameKey(thing(d).properties.nested.properties, "level", t),
    checks: ["types.property", "types.enumDoc"],
  },
  {
    name: "object property name holding a nested enum",
    kind: "text",
    renames: true,
    put: (d, t) => renameKey(thing(d).properties, "nested", t),
    checks: ["types.property", "types.enumDoc", "msw.body"],
  },
  {
    name: "x-enumDescriptions label",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.status["x-enumDescriptions"]["2"] = t;
    },
    // The whole text is the code's description (a value of `…Descriptions`, and the member's doc comment).
    checks: ["types.label", "types.enumDoc"],
  },
  {
    name: "free-form object example with a __proto__ key (a mock body key that must stay plain data)",
    kind: "text",
    put: (d, t) => {
      // JSON.parse makes `__proto__` an own key, as the spec file would (a literal here would set the prototype).
      thing(d).properties.extra = {
        type: "object",
        additionalProperties: { type: "string" },
        example: JSON.parse(`{"__proto__": ${JSON.stringify(t)}}`),
      };
      thing(d).required.push("extra");
    },
    checks: ["msw.body"],
  },
  {
    name: "string enum value",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.kind.enum = [t, "b"];
    },
    checks: ["types.literal", "msw.body"],
  },
  {
    name: "string example (mock body)",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.label.example = t;
    },
    checks: ["types.openapiDoc", "msw.body"],
  },
  {
    name: "error body example",
    kind: "text",
    put: (d, t) => {
      d.components.schemas.Error.properties.message.example = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "const value",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.fixed.const = t;
    },
    checks: ["types.literal", "msw.body"],
  },
  {
    name: "default value",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.note.default = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "format",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.note.format = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "property description",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.label.description = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "enum property description",
    kind: "text",
    put: (d, t) => {
      thing(d).properties.status.description = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "schema description",
    kind: "text",
    put: (d, t) => {
      thing(d).description = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "schema title",
    kind: "text",
    put: (d, t) => {
      thing(d).title = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "schema name (component key)",
    kind: "text",
    renames: true,
    put: (d, t) => {
      renameKey(d.components.schemas, "Other", t);
      const body = d.paths["/api/v2/things"].post.requestBody.content["application/json"].schema;
      body.properties.other.$ref = `#/components/schemas/${t.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    },
    checks: ["types.property"],
    expected: pascalCase,
    mapped: true,
  },
  {
    name: "operation summary",
    kind: "text",
    put: (d, t) => {
      listThing(d).summary = t;
    },
    checks: ["types.openapiDoc", "msw.doc", "reactQuery.doc"],
  },
  {
    name: "operation description",
    kind: "text",
    put: (d, t) => {
      listThing(d).description = t;
    },
    checks: ["types.openapiDoc", "msw.doc", "reactQuery.doc"],
  },
  {
    // model/scopes.ts reads the backticked words after "Requires one of the following scopes:" up to the end
    // of the line: the text can hold anything but a backtick or a newline there.
    name: "a scope in the create operation's scope sentence",
    kind: "text",
    put: (d, t) => {
      d.paths["/api/v2/things"].post.description =
        `Creates.\n\nRequires one of the following scopes: \`${scopeText(t)}\`, \`all:all\``;
    },
    expected: scopeText,
    checks: ["types.scope", "types.literal"],
  },
  {
    name: "create operation summary (msw and hooks doc comments)",
    kind: "text",
    put: (d, t) => {
      d.paths["/api/v2/things"].post.summary = t;
    },
    checks: ["types.openapiDoc", "msw.doc", "reactQuery.doc"],
  },
  {
    name: "operationId",
    kind: "text",
    put: (d, t) => {
      d.paths["/api/v2/things/{id}"].patch.operationId = t;
    },
    checks: ["types.property", "msw.operationId"],
    expected: toIdentifier,
    mapped: true,
  },
  {
    name: "tag (operation and document)",
    kind: "text",
    put: (d, t) => {
      d.tags[0].name = t;
      for (const method of ["get", "post"]) d.paths["/api/v2/things"][method].tags = [t];
    },
    checks: ["reactQuery.file"],
    expected: toIdentifier,
    mapped: true,
  },
  {
    name: "tag description",
    kind: "text",
    put: (d, t) => {
      d.tags[0].description = t;
    },
    checks: [],
  },
  {
    name: "query parameter name",
    kind: "text",
    put: (d, t) => {
      listThing(d).parameters[1].name = t;
    },
    checks: ["types.property"],
  },
  {
    name: "parameter description",
    kind: "text",
    put: (d, t) => {
      listThing(d).parameters[1].description = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "header parameter name",
    kind: "token",
    put: (d, t) => {
      listThing(d).parameters[2].name = t;
    },
    checks: ["types.property"],
  },
  {
    name: "request body property name (required)",
    kind: "text",
    renames: true,
    put: (d, t) => {
      const schema = d.paths["/api/v2/things"].post.requestBody.content["application/json"].schema;
      renameKey(schema.properties, "label", t);
      schema.required = [t];
    },
    checks: ["types.property", "msw.requiredBody"],
  },
  {
    name: "request body description",
    kind: "text",
    put: (d, t) => {
      d.paths["/api/v2/things"].post.requestBody.description = t;
    },
    checks: [],
  },
  {
    name: "response description",
    kind: "text",
    put: (d, t) => {
      listThing(d).responses["200"].description = t;
    },
    checks: [],
  },
  {
    name: "response header name",
    kind: "token",
    renames: true,
    put: (d, t) => renameKey(listThing(d).responses["200"].headers, "X-Rate", t),
    checks: ["types.property"],
  },
  {
    name: "response header description",
    kind: "text",
    put: (d, t) => {
      const headers = listThing(d).responses["200"].headers;
      for (const header of Object.values(headers) as Document[]) header.description = t;
    },
    checks: ["types.openapiDoc"],
  },
  {
    name: "paginated operation path",
    kind: "path",
    renames: true,
    put: (d, t) => renamePath(d, "/api/v2/pages", `/api/v2/${t}`),
    expected: (t) => `/api/v2/${t}`,
    checks: ["client.paginated", "client.operationPath", "msw.path", "reactQuery.queryKey", "types.property"],
  },
  {
    name: "item path: literal text right before a parameter",
    kind: "path",
    renames: true,
    put: (d, t) => renamePath(d, "/api/v2/things/{id}", `/api/v2/things/${t}-{id}`),
    expected: (t) => `/api/v2/things/${t}-{id}`,
    checks: ["msw.path", "types.property"],
  },
  {
    name: "text-response operation path",
    kind: "path",
    renames: true,
    put: (d, t) => renamePath(d, "/api/v2/exports", `/api/v2/exports/${t}`),
    expected: (t) => `/api/v2/exports/${t}`,
    checks: ["client.text", "msw.path", "types.property"],
  },
  {
    name: "text response media type parameter",
    kind: "token",
    put: (d, t) => {
      renameKey(operation(d, "getExport").responses["200"].content, "text/csv", mediaType(t));
    },
    expected: (t) => mediaType(t),
    checks: ["msw.contentType", "types.property"],
  },
  {
    name: "security scheme description",
    kind: "text",
    put: (d, t) => {
      d.components.securitySchemes.bearerAuth.description = t;
    },
    checks: [],
  },
  {
    name: "info title and description",
    kind: "text",
    put: (d, t) => {
      d.info.title = t;
      d.info.description = t;
    },
    checks: [],
  },
];

export interface HostileSpec {
  seed: number;
  document: Document;
  /** The text written at each place (same order as PLACES). */
  texts: string[];
}

/**
 * The document for `seed`: every place gets a hostile string tagged with its row number (so a payload that
 * runs says where it came from); a seed-chosen third of the places also get a very long run.
 */
export function hostileSpec(seed: number): HostileSpec {
  const next = seededRandom(seed);
  const document = skeleton();
  const texts = PLACES.map((place, index) =>
    hostileText(place.kind, `P${index}`, next, (index + seed) % 3 === 0),
  );
  for (const renames of [false, true]) {
    PLACES.forEach((place, index) => {
      if ((place.renames ?? false) === renames) place.put(document, texts[index] as string);
    });
  }
  return { seed, document, texts };
}
