/**
 * `Prefer: dynamic=true` (Stoplight Prism's header): a body drawn per request instead of the static default.
 * Prism runs a faker over the schema; we reuse the realistic-data tables (realistic.ts) and the resources'
 * `realistic` metadata, which the generator only sets on properties whose schema takes those values, so the
 * body stays valid. Operations that return no resource item (or a page of them) answer their default body.
 */
import { crudResources } from "./generated/resources.gen.js";
import { IdSource, seedNumber } from "./ids.js";
import { isPlainObject } from "./merge.js";
import type { RealisticKind } from "./realistic.js";
import { withRealisticValues } from "./realistic.js";
import type { ResourceSpec } from "./resource.js";

interface BodyShape {
  /** The body is a page (`items`) of the resource's items, rather than one item. */
  page: boolean;
  idProperty: string;
  realistic: Readonly<Record<string, RealisticKind>>;
}

let shapes: Map<string, BodyShape> | undefined;

/** operationId → what its success body holds, from the generated resources (built on first use). */
function shapeOf(operationId: string): BodyShape | undefined {
  if (!shapes) {
    shapes = new Map();
    for (const resource of Object.values(crudResources) as ResourceSpec[]) {
      const base = { idProperty: resource.idProperty, realistic: resource.realistic ?? {} };
      for (const id of [resource.itemOperation, resource.get, resource.create, resource.update]) {
        if (id !== undefined && !shapes.has(id)) shapes.set(id, { ...base, page: false });
      }
      shapes.set(resource.list, { ...base, page: true });
    }
  }
  return shapes.get(operationId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `count`-th dynamic body of `operationId` (0-based, per handler): realistic names, emails, dates… of
 * another item each time, and a fresh id where the default one is a UUID. Deterministic per (seed, count).
 */
export function dynamicBody(
  operationId: string,
  body: unknown,
  count: number,
  seed: number | string = 1,
): unknown {
  const shape = shapeOf(operationId);
  if (!shape || !isPlainObject(body)) return body;
  const ids = new IdSource(`${seed}:dynamic:${operationId}:${count}`);
  const base = (seedNumber(seed) % 997) + count;
  const vary = (item: unknown, index: number): unknown => {
    if (!isPlainObject(item)) return item;
    const varied = withRealisticValues(item, shape.realistic, index) as Record<string, unknown>;
    const id = varied[shape.idProperty];
    if (!(shape.idProperty in shape.realistic) && typeof id === "string" && UUID.test(id)) {
      varied[shape.idProperty] = ids.uuid();
    }
    return varied;
  };
  if (!shape.page) return vary(body, base);
  const items = body.items;
  if (!Array.isArray(items)) return body;
  return { ...body, items: items.map((item, index) => vary(item, base * items.length + index)) };
}
