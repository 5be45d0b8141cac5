import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { quoteForMessage } from "../../errors.ts";
import type { SpecModel } from "../../model/index.ts";
import type { Target } from "../target.ts";
import { MockDataBuilder } from "./mock-data.ts";
import { mockOperations, mockResources } from "./mock-operations.ts";
import {
  type MockValues,
  renderHandlers,
  renderIndex,
  renderOperations,
  renderResources,
  renderResponses,
  renderValidation,
} from "./render.ts";
import { requestRules } from "./request-rules.ts";
import { SchemaChecker } from "./schema-check.ts";
import { renderStateful } from "./stateful.ts";

/**
 * A default list body is one complete page: with the example's `next_starting_after` kept, an infinite query
 * over the stateless handlers would fetch the same page forever. Kept when the schema requires it.
 */
function asLastPage(value: unknown, valid: (page: unknown) => boolean): unknown {
  if (typeof value !== "object" || value === null || !("next_starting_after" in value) || !("items" in value))
    return value;
  const { next_starting_after: _cursor, ...page } = value as Record<string, unknown>;
  return valid(page) ? page : value;
}

/**
 * Computes every mock body once, at generate time: the runtime package ships plain data (no faker, no
 * validator), and the data is checked here against the same JSON Schema validator the tests use.
 */
export function buildMockValues(model: SpecModel): { values: MockValues; invalid: string[] } {
  const checker = new SchemaChecker(model);
  const builder = new MockDataBuilder(model, checker);
  const operations = mockOperations(model);
  const values: MockValues = { success: new Map(), errors: new Map(), errorBodies: [] };
  const errorIndex = new Map<string, number>();
  const invalid: string[] = [];
  const builtErrors = new Map<string, { value: unknown; valid: boolean }>();
  for (const operation of operations) {
    if (operation.schemaPointer && operation.body !== "none") {
      const { value, valid } = builder.build(operation.schemaPointer);
      values.success.set(
        operation.operationId,
        asLastPage(value, (page) => checker.check(operation.schemaPointer ?? "", page)),
      );
      if (!valid) invalid.push(`${operation.operationId} ${operation.status}`);
    }
    const errors = new Map<number, number>();
    for (const error of operation.errors) {
      // Most operations document the same error schemas: build each distinct one once.
      const schemaKey = JSON.stringify(model.at(error.schemaPointer));
      let built = builtErrors.get(schemaKey);
      if (!built) {
        built = builder.build(error.schemaPointer);
        builtErrors.set(schemaKey, built);
      }
      const { value, valid } = built;
      if (!valid) invalid.push(`${operation.operationId} ${error.status}`);
      const key = JSON.stringify(value);
      let index = errorIndex.get(key);
      if (index === undefined) {
        index = values.errorBodies.push(value) - 1;
        errorIndex.set(key, index);
      }
      errors.set(error.status, index);
    }
    values.errors.set(operation.operationId, errors);
  }
  return { values, invalid };
}

/** Writes the generated files for `model` into `outDir`; returns the mocks that failed their schema (none expected). */
export async function generateMsw(model: SpecModel, outDir: string): Promise<{ invalid: string[] }> {
  const operations = mockOperations(model);
  const resources = mockResources(model, operations);
  const { values, invalid } = buildMockValues(model);
  const { rules, defs, items } = requestRules(model, operations, resources);
  const files: Record<string, string> = {
    "operations.gen.ts": renderOperations(operations, values),
    "responses.gen.ts": renderResponses(operations, values),
    "handlers.gen.ts": renderHandlers(operations),
    "resources.gen.ts": renderResources(resources),
    "stateful.gen.ts": renderStateful(model, operations, resources),
    "validation.gen.ts": renderValidation(rules, defs, items),
    "index.gen.ts": renderIndex(),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(outDir, name), text);
  return { invalid };
}

/** @instantly-kit/msw: operation table, default mock bodies, per-operation handler factories, CRUD resources. */
export const mswTarget: Target = {
  packageName: "@instantly-kit/msw",
  packageDir: "msw",
  async generate({ model, outDir }) {
    const { invalid } = await generateMsw(model, outDir);
    if (invalid.length > 0) {
      // Never ship a mock that fails its own schema silently: the test suite would flag it, say it here too.
      // operationIds are spec text: quoted, so one cannot break the warning over lines or drive the terminal.
      const named = invalid.map((entry) => quoteForMessage(entry)).join(", ");
      process.stderr.write(`warning: ${invalid.length} mock bodies do not validate: ${named}\n`);
    }
  },
};
