// Start data for the mock server (`mock:serve --data <file.json>`): items per resource, checked before serving.
import { itemSchemas, schemaDefs } from "./generated/validation.gen.js";
import { isPlainObject } from "./merge.js";
import type { MockApi } from "./mock-api.js";
import { RequestValidator, violationMessage } from "./validate.js";

/**
 * Seeds `api` with `data` — `{ "<resource>": [partial items] | <count> }` — or throws one line naming the first
 * problem: not an object, an unknown resource (the known ones listed), an entry that is not a list of objects or
 * a count, a repeated id, or an item that, filled in, breaks the resource's item schema (path, expected, got).
 * On a throw `api` may hold part of the data: the server is not started with it (startMockServer seeds a fresh
 * api before listening).
 */
export function seedData(api: MockApi, data: unknown): void {
  if (!isPlainObject(data)) throw new Error("data must be a JSON object of resource name → items");
  const known = new Set<string>(api.resources);
  const validator = new RequestValidator(schemaDefs);
  const entries = Object.entries(data);
  for (const [name, items] of entries) {
    if (!known.has(name)) {
      throw new Error(`data: unknown resource '${name}' (known: ${[...known].sort().join(", ")})`);
    }
    const count = typeof items === "number" && Number.isSafeInteger(items) && items >= 0 && items <= 10_000;
    if (!count && !(Array.isArray(items) && items.every(isPlainObject))) {
      throw new Error(`data.${name} must be a list of item objects or a count from 0 to 10000`);
    }
  }
  for (const [name, items] of entries) {
    let seeded: unknown[];
    try {
      seeded = api.seed(name as Parameters<MockApi["seed"]>[0], items as number);
    } catch (error) {
      throw new Error(`data.${name}: ${(error as Error).message}`);
    }
    const schema = itemSchemas[name];
    if (schema === undefined) continue;
    seeded.forEach((item, index) => {
      const violations = validator.violations(schema, item, `data.${name}[${index}]`);
      if (violations.length > 0) {
        throw new Error(violationMessage(violations).replace(/^Invalid request: /, "invalid item: "));
      }
    });
  }
}
