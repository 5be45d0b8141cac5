// Loaded on demand by validation.ts (a separate chunk): the operation table and the zod schemas of every
// operation, which grow with the spec.
import { operationSchemas } from "@instantly-kit/zod/operations";
import { InstantlyValidationError, type ValidationViolation } from "./errors.js";
import { operationIds } from "./generated/operation-ids.gen.js";
import type { Redactor } from "./redact.js";
import { describeIssues, type SchemaLike, sampleOf, violationsOf } from "./violations.js";

/** The schemas of one operation, as `@instantly-kit/zod/operations` describes them. */
interface OperationSchemas {
  readonly body?: SchemaLike;
  readonly responses: { readonly [status: number]: SchemaLike };
}

const table = operationSchemas as unknown as Readonly<Record<string, OperationSchemas | undefined>>;

function lookup(method: string, path: string) {
  const operation = operationIds[path]?.[method];
  const schemas = operation ? table[operation] : undefined;
  return operation && schemas ? { operation, schemas } : undefined;
}

/** The request body's mismatches, or undefined. An absent body is left to the types (and the API). */
export function checkRequest(
  method: string,
  path: string,
  body: unknown,
  redact: Redactor,
  samples: boolean,
): InstantlyValidationError | undefined {
  const found = lookup(method, path);
  const schema = found?.schemas.body;
  if (!found || !schema || body === undefined) return undefined;
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  return new InstantlyValidationError({
    operation: found.operation,
    method,
    path,
    side: "request",
    violations: violationsOf(result.error.issues, body, redact, samples),
  });
}

/**
 * The mismatches of a 2xx response body (`data` as parsed; `undefined` for an empty body), or undefined.
 * An operation documenting no JSON 2xx body (CSV download, 204) is not checked; a 2xx status it does not
 * document, when it documents others, is a violation of its own.
 */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  data: unknown,
  redact: Redactor,
  samples: boolean,
): InstantlyValidationError | undefined {
  if (status < 200 || status > 299 || method === "HEAD") return undefined;
  const found = lookup(method, path);
  if (!found) return undefined;
  const { responses } = found.schemas;
  const schema = responses[status];
  let violations: ValidationViolation[];
  let shapes: string[];
  if (schema) {
    const result = schema.safeParse(data);
    if (result.success) return undefined;
    ({ violations, shapes } = describeIssues(result.error.issues, data, redact, samples));
  } else {
    const documented = Object.keys(responses).filter((code) => code.startsWith("2"));
    if (documented.length === 0) return undefined;
    violations = [
      {
        path: "$",
        expected: `a body of status ${documented.join(" or ")}`,
        got: `status ${status}`,
        count: 1,
        ...(samples ? { sample: sampleOf(data, redact) } : {}),
      },
    ];
    shapes = [`$ status ${status}`];
  }
  const error = new InstantlyValidationError({
    operation: found.operation,
    method,
    path,
    side: "response",
    status,
    violations,
  });
  shapesByError.set(
    error,
    shapes.map((shape) => `${error.at} ${shape}`),
  );
  return error;
}

const shapesByError = new WeakMap<InstantlyValidationError, readonly string[]>();

/**
 * What `warn` reports once per operation: each kind of mismatch of a response (`response 200
 * $.items[*].status one of 1, 2 number`), without the values found.
 */
export function shapesOf(error: InstantlyValidationError): readonly string[] {
  return shapesByError.get(error) ?? [];
}
