// Test helpers that read the normalized spec directly, independently of the generator's own model, so the
// tests check the generated mocks against the spec rather than against the generator's view of it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";

type Schema = Record<string, unknown>;

export const specFile = fileURLToPath(new URL("../../../spec/openapi.json", import.meta.url));
export const spec = JSON.parse(readFileSync(specFile, "utf8")) as Schema & {
  paths: Record<string, Record<string, Schema>>;
};

const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv2020) => Ajv2020;

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** The lowest documented 2xx status. */
  status: number;
  successContentType: string | undefined;
  /** JSON pointer of the success schema, for JSON responses. */
  successPointer: string | undefined;
  errorStatuses: number[];
  operation: Schema;
}

const escapeSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export const specOperations: SpecOperation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, operation]) => typeof operation?.operationId === "string")
    .map(([method, operation]) => {
      const responses = operation.responses as Record<
        string,
        { content?: Record<string, { schema?: Schema }> }
      >;
      const codes = Object.keys(responses)
        .map(Number)
        .sort((a, b) => a - b);
      const status = codes.find((code) => code >= 200 && code < 300) ?? 200;
      const content = responses[String(status)]?.content ?? {};
      const successContentType = Object.keys(content)[0];
      const schema = successContentType ? content[successContentType]?.schema : undefined;
      const isJson = successContentType?.includes("json") && schema && Object.keys(schema).length > 0;
      return {
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        status,
        successContentType,
        successPointer: isJson
          ? `/paths/${escapeSegment(path)}/${method}/responses/${status}/content/${escapeSegment(successContentType ?? "")}/schema`
          : undefined,
        errorStatuses: codes.filter(
          (code) => code >= 400 && responses[String(code)]?.content?.["application/json"],
        ),
        operation,
      };
    }),
);

/** The spec's validator: JSON Schema 2020-12 with formats, every `$ref` resolved inside the spec. */
export function createValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(spec, "spec");
  return (pointer: string, value: unknown): string | undefined => {
    const fragment = pointer
      .split("/")
      .map((segment) => encodeURIComponent(segment))
      .join("/");
    const validate = ajv.getSchema(`spec#${fragment}`) ?? ajv.compile({ $ref: `spec#${fragment}` });
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}

export function errorPointer(operation: SpecOperation, status: number): string {
  const method = operation.method.toLowerCase();
  return `/paths/${escapeSegment(operation.path)}/${method}/responses/${status}/content/application~1json/schema`;
}

/** A URL for the operation with every path parameter filled in. */
export function urlFor(operation: SpecOperation, base = "https://api.instantly.ai"): string {
  return base + operation.path.replace(/\{[^}]+\}/g, "sample-id");
}

/** The schema at a JSON pointer of the spec, following one `$ref`. */
export function resolveSchema(pointer: string | undefined): Schema | undefined {
  if (!pointer) return undefined;
  const at = (path: string) =>
    path
      .split("/")
      .slice(1)
      .reduce<unknown>(
        (node, raw) => (node as Schema | undefined)?.[raw.replaceAll("~1", "/").replaceAll("~0", "~")],
        spec,
      ) as Schema | undefined;
  const node = at(pointer);
  return typeof node?.$ref === "string" ? at(node.$ref.slice(1)) : node;
}
