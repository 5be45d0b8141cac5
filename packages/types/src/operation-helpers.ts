import type { operations } from "./generated/openapi.gen.js";

/**
 * Helpers keyed by operationId, so apps write `RequestBody<"createLeadLabel">` instead of
 * `paths["/api/v2/lead-labels"]["post"]["requestBody"]["content"]["application/json"]`.
 * Each is one indexed access plus one small conditional on a single operation: no mapping over the
 * whole `operations` interface, so using them costs the type-checker next to nothing.
 */

/** Every operationId of the API. */
export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON request body of an operation (`never` if it takes none). */
export type RequestBody<Id extends OperationId> = JsonContent<NonNullable<operations[Id]["requestBody"]>>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | "2XX";
type Responses<Id extends OperationId> = operations[Id]["responses"];

/** The JSON body of an operation's 2xx response(s). */
export type ResponseBody<Id extends OperationId> = JsonContent<
  Responses<Id>[keyof Responses<Id> & SuccessStatus]
>;

type Parameters<Id extends OperationId> = operations[Id]["parameters"];

/** The query parameters of an operation (`never` if it takes none). */
export type QueryParams<Id extends OperationId> = NonNullable<Parameters<Id>["query"]>;

/** The path parameters of an operation (`never` if it takes none). */
export type PathParams<Id extends OperationId> = NonNullable<Parameters<Id>["path"]>;

/**
 * The JSON bodies of an operation's documented 4xx/5xx responses, as one union (`never` if it documents
 * none). The hooks type `error.body` with it: `InstantlyError<ErrorBody<"getCampaign">>`.
 */
export type ErrorBody<Id extends OperationId> = JsonContent<
  Responses<Id>[Exclude<keyof Responses<Id>, SuccessStatus>]
>;
