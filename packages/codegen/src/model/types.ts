import type { Located } from "./pointer.ts";
import type { ScopeGroup } from "./scopes.ts";

export type { ScopeGroup };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** One media type of a request body or response (`content["application/json"]`). */
export interface MediaType {
  contentType: string;
  /** The schema as written (possibly a `$ref`; resolve with {@link SpecModel.resolve}). */
  schema: unknown;
  /** JSON pointer of `schema` in the document (e.g. for a validator or a seed). */
  schemaPointer: string;
  /** The named examples (`examples` map) as written: name → Example object or `$ref` (resolve it). */
  examples: Readonly<Record<string, unknown>>;
}

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  /** The parameter's schema as written (possibly a `$ref`). */
  schema: unknown;
  /** JSON pointer of the (resolved) parameter object. */
  pointer: string;
}

export interface RequestBody {
  required: boolean;
  description: string | undefined;
  /** Every media type, in document order. */
  media: readonly MediaType[];
  /** The JSON media type (`application/json`, `…+json`), if any. */
  json: MediaType | undefined;
  pointer: string;
}

export interface Response {
  /** The status key as written: `200`, `2XX`, `default`. */
  status: string;
  /** The numeric status (`200`), undefined for ranges and `default`. */
  code: number | undefined;
  description: string | undefined;
  media: readonly MediaType[];
  json: MediaType | undefined;
  pointer: string;
}

/**
 * What "the success response" sends: `json` (a JSON media type with a non-empty schema), `text` (a non-JSON media
 * type such as `text/csv`) or `none` (204/205, no content, or an empty schema `{}` that documents nothing).
 */
export type SuccessBody =
  | { kind: "json"; media: MediaType }
  | { kind: "text"; media: MediaType }
  | { kind: "none"; media?: undefined };

/** Cursor pagination: the request takes `starting_after` and the page answers `{ items: [...], next_starting_after }`. */
export interface Pagination {
  cursor: "starting_after";
  /** Where the cursor goes: a query parameter or a property of the JSON request body. */
  in: "query" | "body";
}

export interface Operation {
  /** The operationId (after normalization always an identifier); `method + PascalCase(path)` when absent. */
  id: string;
  /**
   * The PascalCase name every per-operation generated name is built from (`use${name}`, `get${name}QueryKey`,
   * `${name}Body`): naming.ts `pascalCase` of the id (`list_items` → `ListItems`,
   * `LIST_ITEMS` → `LISTITEMS`, `_private` → `Private`), made unique in document order (`ListItems2`) because
   * two ids may differ only in what PascalCase drops (`list_items`, `listItems`).
   */
  name: string;
  method: HttpMethod;
  /** The path template, e.g. `/api/v2/campaigns/{id}`. */
  path: string;
  /** JSON pointer of the operation object (`/paths/~1api~1v2~1campaigns/get`). */
  pointer: string;
  tags: readonly string[];
  /** The first tag (orval's file, the docs' section), if any. */
  tag: string | undefined;
  /** The path segment after the API prefix (`/api/v2/lead-labels/{id}` → `lead-labels`). */
  resource: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  /** Scopes the API key needs: one scope of every group (empty when the spec documents none). Spec order. */
  requiredScopes: readonly ScopeGroup[];
  /** Path-level and operation-level parameters (an operation-level one overrides the same name and location). */
  parameters: readonly Parameter[];
  /** The same parameters by location. */
  parametersIn: Readonly<Record<ParameterLocation, readonly Parameter[]>>;
  /** Path parameter names in the order they appear in the path template. */
  pathParamNames: readonly string[];
  requestBody: RequestBody | undefined;
  /** Every response, in document order. */
  responses: readonly Response[];
  /** Every 2xx response (`200`…`299`, `2XX`), in document order. */
  successResponses: readonly Response[];
  /** "The success response": the lowest numeric 2xx status, else `2XX`. */
  success: Response | undefined;
  /** The status the success response is sent with (`success.code`, 200 when the spec documents none). */
  successStatus: number;
  /** What the success response sends. */
  successBody: SuccessBody;
  /** "The JSON body": the success response's JSON media type with a non-empty schema (`successBody` when json). */
  jsonBody: MediaType | undefined;
  /** Whether the success responses answer text (`text/*`) and no JSON: clients must not parse them as JSON. */
  answersText: boolean;
  /** Documented 4xx/5xx responses with a JSON body, by ascending status. */
  errorResponses: readonly Response[];
  pagination: Pagination | undefined;
}

/** A component schema under its (normalized, PascalCase) name. */
export interface NamedSchema {
  name: string;
  /** `#/components/schemas/<name>`. */
  ref: string;
  pointer: string;
  schema: unknown;
  title: string | undefined;
  description: string | undefined;
  /**
   * Exported by @instantly-kit/types as a type of this name: an identifier that no hand-written export uses, and
   * not itself a numeric enum (that one is exported by the enum constants under the same name).
   */
  exported: boolean;
}

export interface EnumMember {
  /** The constant's key, from the label's leading phrase (`Draft - …` → `Draft`). */
  name: string;
  value: number;
  /**
   * The short label for display: the leading clause of the spec's description (`Draft - The subsequence is in
   * draft mode` → `Draft`; `Temporarily paused for maintenance; will be…` → `Temporarily paused for maintenance`).
   */
  label: string;
  /** The spec's whole description of the code (`x-enumDescriptions`), the label when that is all there is. */
  description: string;
}

/**
 * The state a numeric enum property is in when it holds no code (`null`, or absent): a member of value `null`.
 * From the spec when an occurrence allows `null` (`type: [..., "null"]`, `null` in `enum`; its text from
 * `x-enumDescriptions.null` when given), or from the API facts the spec states only in prose (enums.ts).
 */
export interface AbsentMember {
  name: string;
  label: string;
  description: string;
}

/** A numeric enum with labels (`x-enumDescriptions`), named after where it is found (see enums.ts). */
export interface NumericEnum {
  name: string;
  /** Where it was first found, e.g. `Campaign.status` or `createSalesAgent body.agent_type`. */
  source: string;
  members: EnumMember[];
  /** The "no code" state (`null`), when the enum has one; rendered as a member of value `null`. */
  absent: AbsentMember | undefined;
  /** Other component-schema occurrences with identical values and labels: exported as aliases. */
  aliases: { name: string; source: string }[];
}

/** Every `$ref` of the document and what it resolves to (see {@link SpecModel.refs}). */
export interface RefUse {
  /** Where the `$ref` is written. */
  pointer: string;
  ref: string;
  /** The node it names after following every hop, or undefined when it does not resolve. */
  target: Located | undefined;
}

/**
 * The one model of the spec that every target (and the diff) reads: built once per run from the normalized
 * document by {@link buildModel}. Read-only: never mutate `document` or anything reachable from the model.
 */
export interface SpecModel {
  readonly document: Readonly<Record<string, unknown>>;
  /** Every operation in document order (paths in key order, methods in {@link HTTP_METHODS} order). */
  readonly operations: readonly Operation[];
  /** Every component schema, in document order. */
  readonly schemas: readonly NamedSchema[];
  /** Numeric enums with labels, named for @instantly-kit/types (never clashing with its other exports). */
  readonly enums: readonly NumericEnum[];
  operation(id: string): Operation | undefined;
  schema(name: string): NamedSchema | undefined;
  /** The node at a JSON pointer (`/components/schemas/Campaign`), undefined when there is none. */
  at(pointer: string): unknown;
  /**
   * `node` with every `$ref` followed, and where it lives; `pointer` is where `node` itself is (kept when it is not
   * a ref). Undefined for a non-object, a cycle or a dangling ref.
   */
  resolve(node: unknown, pointer?: string): Located<Record<string, unknown>> | undefined;
  /** The properties of an object schema, including those contributed by `allOf` members (through refs). */
  propertiesOf(schema: unknown): Record<string, unknown>;
  /** Every `$ref` written in the document, with its target. */
  refs(): RefUse[];
}
