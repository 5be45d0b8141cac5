import { jsdoc, jsonLiteral, stringLiteral as literal, propertyKey as objectKey } from "../../emit/index.ts";
import { compareCodePoints } from "../../model/index.ts";
import { exportDoc } from "../operation-docs.ts";
import { handlerName, responseMockName } from "../operation-exports.ts";
import { GENERATED_BANNER } from "../target.ts";
import { REALISTIC_KINDS } from "./mock-data.ts";
import type { MockOperation, MockResource } from "./mock-operations.ts";
import type { RequestRule } from "./request-rules.ts";

/** Mock values computed at generate time, keyed by operationId. */
export interface MockValues {
  success: Map<string, unknown>;
  /** operationId → status → index into `errorBodies` (identical error bodies are emitted once). */
  errors: Map<string, Map<number, number>>;
  errorBodies: unknown[];
}

/** `listLeadLabel` → `getListLeadLabelResponseMock` / `getListLeadLabelMockHandler` (orval's names). */
export { handlerName, responseMockName };

function docComment(text: string): string {
  return jsdoc([text]);
}

/** A mock body as a TypeScript expression, pretty-printed (one property per line) for people reading it. */
function valueLiteral(value: unknown): string {
  return jsonLiteral(value);
}

function bodyType(operation: MockOperation): string {
  if (operation.body === "none") return "undefined";
  if (operation.body === "text") return "string";
  return `operations[${literal(operation.operationId)}]["responses"][${operation.status}]["content"][${literal(operation.contentType ?? "application/json")}]`;
}

function compareRoutes(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const l = left[index] ?? "";
    const r = right[index] ?? "";
    const lParam = l.startsWith("{");
    const rParam = r.startsWith("{");
    if (lParam !== rParam) return lParam ? 1 : -1;
    if (l !== r) return compareCodePoints(l, r);
  }
  return left.length - right.length;
}

/** `, examples: { 200: { "ok": () => (…) } }` for an operation with named examples; nothing otherwise. */
function examplesLiteral(operation: MockOperation): string {
  if (operation.examples.size === 0) return "";
  const statuses = [...operation.examples].map(([status, named]) => {
    const entries = [...named].map(([name, value]) => `${literal(name)}: () => (${valueLiteral(value)})`);
    return `${status}: { ${entries.join(", ")} }`;
  });
  return `, examples: { ${statuses.join(", ")} }`;
}

export function renderOperations(operations: MockOperation[], values: MockValues): string {
  const lines = [
    GENERATED_BANNER,
    'import type { operations, PathParams, RequestBody } from "@instantly-kit/types";',
    'import type { OperationSpec } from "../operation.js";',
    "",
    "// Documented error bodies (the spec's examples, made valid), shared by every operation that documents them.",
  ];
  values.errorBodies.forEach((body, index) => {
    lines.push(`const errorBody${index} = () => (${valueLiteral(body)});`);
  });
  lines.push(
    "",
    "/** Every operation of the spec: route, success status and body kind, documented errors. */",
  );
  lines.push("export const operationSpecs = {");
  for (const operation of operations) {
    const errors = [...(values.errors.get(operation.operationId) ?? new Map<number, number>())]
      .map(([status, index]) => `${status}: errorBody${index}`)
      .join(", ");
    const summary = operation.source.summary;
    if (summary) lines.push(`  ${docComment(`${operation.method} ${operation.path} — ${summary}`)}`);
    lines.push(
      `  ${objectKey(operation.operationId)}: { operationId: ${literal(operation.operationId)}, method: ${literal(operation.method)}, path: ${literal(operation.path)}, status: ${operation.status}, body: ${literal(operation.body)}${operation.contentType ? `, contentType: ${literal(operation.contentType)}` : ""}, requestBody: ${operation.requestBody}, requiredBody: [${operation.requiredBody.map(literal).join(", ")}], errors: { ${errors} }${examplesLiteral(operation)} },`,
    );
  }
  lines.push("} as const satisfies Record<string, OperationSpec>;", "");
  lines.push("export type MockOperationId = keyof typeof operationSpecs;", "");
  lines.push("/** The success body of each operation, as @instantly-kit/types declares it. */");
  lines.push("export interface SuccessBodies {");
  for (const operation of operations)
    lines.push(`  ${objectKey(operation.operationId)}: ${bodyType(operation)};`);
  lines.push("}", "");
  lines.push(
    "/** What an override's resolver receives: the JSON request body (`await body()`) and the path parameters (text, as sent). */",
  );
  lines.push("export interface RequestTypes {");
  for (const operation of operations) {
    const id = literal(operation.operationId);
    const body = operation.source.requestBody?.json ? `RequestBody<${id}>` : "undefined";
    const params =
      operation.source.parametersIn.path.length > 0
        ? `{ [K in keyof PathParams<${id}>]: string }`
        : "Record<string, never>";
    lines.push(`  ${objectKey(operation.operationId)}: { body: ${body}; params: ${params} };`);
  }
  lines.push("}", "");
  lines.push("/** The error statuses each operation documents. */");
  lines.push("export interface ErrorStatuses {");
  for (const operation of operations) {
    const statuses = [...(values.errors.get(operation.operationId)?.keys() ?? [])];
    lines.push(
      `  ${objectKey(operation.operationId)}: ${statuses.length > 0 ? statuses.join(" | ") : "never"};`,
    );
  }
  lines.push("}", "");
  const ordered = [...operations].sort(
    (a, b) =>
      compareRoutes(a.path, b.path) ||
      compareCodePoints(a.method, b.method) ||
      compareCodePoints(a.operationId, b.operationId),
  );
  lines.push(
    "/** The order handlers are registered in: literal path segments before parameters at the same position. */",
  );
  lines.push("export const routeOrder: readonly MockOperationId[] = [");
  for (const operation of ordered) lines.push(`  ${literal(operation.operationId)},`);
  lines.push("];", "");
  return lines.join("\n");
}

export function renderResponses(operations: MockOperation[], values: MockValues): string {
  const lines = [
    GENERATED_BANNER,
    'import { type DeepPartial, deepMerge } from "../merge.js";',
    'import type { SuccessBodies } from "./operations.gen.js";',
    "",
  ];
  for (const operation of operations) {
    if (operation.body === "none") continue;
    const type = `SuccessBodies[${literal(operation.operationId)}]`;
    lines.push(
      exportDoc(
        operation.source,
        "responseMock",
        responseMockName(operation),
        `Default ${operation.status} body of \`${operation.operationId}\`; \`overrides\` are merged over it.`,
      ),
    );
    lines.push(
      `export const ${responseMockName(operation)} = (overrides?: DeepPartial<${type}>): ${type} =>`,
      `  deepMerge<${type}>(${valueLiteral(values.success.get(operation.operationId))}, overrides);`,
      "",
    );
  }
  return lines.join("\n");
}

export function renderHandlers(operations: MockOperation[]): string {
  const lines = [
    GENERATED_BANNER,
    'import { createOperationHandler, type HandlerOptions, type MockOverride, type OperationHandler } from "../handler.js";',
    'import { type MockOperationId, operationSpecs, type RequestTypes, type SuccessBodies } from "./operations.gen.js";',
    "import {",
    ...operations.filter((op) => op.body !== "none").map((op) => `  ${responseMockName(op)},`),
    '} from "./responses.gen.js";',
    "",
    "const noBody = (): undefined => undefined;",
    "",
  ];
  for (const operation of operations) {
    const type = `SuccessBodies[${literal(operation.operationId)}]`;
    const request = `RequestTypes[${literal(operation.operationId)}]`;
    const typeArguments = `${type}, ${request}["body"], ${request}["params"]`;
    const defaultBody = operation.body === "none" ? "noBody" : responseMockName(operation);
    lines.push(
      exportDoc(
        operation.source,
        "mockHandler",
        handlerName(operation),
        `MSW handler for \`${operation.operationId}\`: answers ${operation.status} with the default body, or \`override\`.`,
      ),
    );
    lines.push(
      `export const ${handlerName(operation)} = (override?: MockOverride<${typeArguments}>, options?: HandlerOptions): OperationHandler =>`,
      `  createOperationHandler<${typeArguments}>(operationSpecs[${literal(operation.operationId)}], ${defaultBody}, override, options);`,
      "",
    );
  }
  lines.push("/** The default body of every operation (bodiless ones: `undefined`). */");
  lines.push("export const defaultBodies: { readonly [K in MockOperationId]: () => SuccessBodies[K] } = {");
  for (const operation of operations) {
    lines.push(
      `  ${objectKey(operation.operationId)}: ${operation.body === "none" ? "noBody" : responseMockName(operation)},`,
    );
  }
  lines.push("};", "");
  return lines.join("\n");
}

export function renderResources(resources: MockResource[]): string {
  const lines = [
    GENERATED_BANNER,
    'import type { ResourceSpec } from "../resource.js";',
    'import type { SuccessBodies } from "./operations.gen.js";',
    "",
    "/** CRUD resources derived from the spec's paths (collection + `/{id}` item path), served by `createMockApi`. */",
    "export const crudResources = {",
  ];
  for (const resource of resources) {
    const optional = (key: string, value: string | undefined) => (value ? `, ${key}: ${literal(value)}` : "");
    lines.push(
      `  ${objectKey(resource.name)}: { name: ${literal(resource.name)}, collectionPath: ${literal(resource.collectionPath)}, idParam: ${literal(resource.idParam)}, idProperty: ${literal(resource.idProperty)}, create: ${literal(resource.create)}, list: ${literal(resource.list)}, listIn: ${literal(resource.listIn)}${optional("get", resource.get)}${optional("update", resource.update)}${optional("remove", resource.remove)}, itemOperation: ${literal(resource.itemOperation)}, itemProperties: [${resource.itemProperties.map(literal).join(", ")}], realistic: ${jsonLiteral(resource.realistic, "")}, references: ${jsonLiteral(resource.references, "")} },`,
    );
  }
  lines.push("} as const satisfies Record<string, ResourceSpec>;", "");
  lines.push("export type ResourceName = keyof typeof crudResources;", "");
  lines.push(
    "/** What a `realistic` property holds: `realisticValue` (../realistic.ts) gives each kind its values. */",
    `export type RealisticKind = ${REALISTIC_KINDS.map(literal).join(" | ")};`,
    "",
  );
  lines.push("/** The item type of each resource. */");
  lines.push("export interface ResourceItems {");
  for (const resource of resources) {
    lines.push(`  ${objectKey(resource.name)}: SuccessBodies[${literal(resource.itemOperation)}];`);
  }
  if (resources.length === 0) lines.push("  [name: string]: never;");
  lines.push("}", "");
  return lines.join("\n");
}

/**
 * What the request validator checks per operation (body, path and query parameters) and the component schemas
 * they refer to, by JSON pointer: plain data, with only the validation keywords of each schema.
 */
export function renderValidation(
  rules: Map<string, RequestRule>,
  defs: Map<string, unknown>,
  items: Map<string, unknown> = new Map(),
): string {
  const lines = [
    GENERATED_BANNER,
    'import type { RequestRule, SchemaNode } from "../validate.js";',
    "",
    "/** Schemas that request rules refer to (`{ $ref: pointer }`), by JSON pointer. */",
    "export const schemaDefs: Readonly<Record<string, SchemaNode>> = {",
  ];
  for (const [pointer, schema] of [...defs].sort(([a], [b]) => compareCodePoints(a, b))) {
    lines.push(`  ${literal(pointer)}: ${jsonLiteral(schema, "")},`);
  }
  lines.push("};", "");
  lines.push("/** The body and parameter schemas of each operation that takes any. */");
  lines.push("export const requestRules: Readonly<Record<string, RequestRule>> = {");
  for (const [operationId, rule] of [...rules].sort(([a], [b]) => compareCodePoints(a, b))) {
    lines.push(`  ${objectKey(operationId)}: ${jsonLiteral(rule, "")},`);
  }
  lines.push("};", "");
  lines.push(
    "/** The item schema of each CRUD resource (what `mock:serve --data` items are checked against). */",
  );
  lines.push("export const itemSchemas: Readonly<Record<string, SchemaNode>> = {");
  for (const [name, schema] of [...items].sort(([a], [b]) => compareCodePoints(a, b))) {
    lines.push(`  ${objectKey(name)}: ${jsonLiteral(schema, "")},`);
  }
  lines.push("};", "");
  return lines.join("\n");
}

export function renderIndex(): string {
  return [
    GENERATED_BANNER,
    'export * from "./handlers.gen.js";',
    'export * from "./operations.gen.js";',
    'export * from "./resources.gen.js";',
    'export * from "./responses.gen.js";',
    "",
  ].join("\n");
}
