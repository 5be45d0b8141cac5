/**
 * The one model of the spec. {@link buildModel} reads the normalized document once per run; every target (and the
 * diff) reads the model instead of the JSON: operations with their parameters, bodies, responses, "the success
 * response", pagination, scopes and docs; named schemas; numeric enums with labels. `$ref`/JSON-pointer
 * resolution ({@link SpecModel.resolve}, {@link SpecModel.at}), naming ({@link pascalCase}, {@link camelCase}) and
 * ordering ({@link compareCodePoints}) exist here and nowhere else.
 *
 * The interface is append-only: other modules depend on these names.
 */
import { collectNumericEnums } from "./enums.ts";
import { collectOperations } from "./operations.ts";
import { follow, isObject, type JsonObject, nodeAt, pointerOf } from "./pointer.ts";
import { collectSchemas, RESERVED_TYPE_NAMES } from "./schemas.ts";
import type { NamedSchema, NumericEnum, Operation, RefUse, SpecModel } from "./types.ts";

export { enumExportNames, isNumericEnumSchema, labelFunctionName, shortLabel } from "./enums.ts";
export {
  camelCase,
  finishName,
  isIdentifier,
  MAX_NAME_LENGTH,
  pascalCase,
  titleTypeName,
  typeName,
  uniqueName,
  words,
} from "./naming.ts";
export { isJsonMediaType, isSuccessStatus, pathParamNames, resourceOf } from "./operations.ts";
export { compareCodePoints, sortedBy } from "./order.ts";
export {
  escapePointerSegment,
  isObject,
  type JsonObject,
  type Located,
  pointerOf,
  pointerSegments,
  pointerToFragment,
  refToPointer,
  schemaRef,
  unescapePointerSegment,
} from "./pointer.ts";
export { RESERVED_TYPE_NAMES } from "./schemas.ts";
export { parseScopes } from "./scopes.ts";
export * from "./types.ts";

/** The properties of an object schema, own over inherited from `allOf` members (through refs). */
function propertiesOf(
  document: JsonObject,
  schema: unknown,
  seen = new Set<unknown>(),
): Record<string, unknown> {
  const found = follow(document, schema, "");
  if (!found || !isObject(found.node) || seen.has(found.node)) return {};
  seen.add(found.node);
  const node = found.node;
  const own = isObject(node.properties) ? node.properties : {};
  const inherited: Record<string, unknown> = {};
  if (Array.isArray(node.allOf)) {
    for (const member of node.allOf) Object.assign(inherited, propertiesOf(document, member, seen));
  }
  return { ...inherited, ...own };
}

function collectRefs(document: JsonObject): RefUse[] {
  const uses: RefUse[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, `${pointer}/${index}`);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      // A `$ref` key holding a string is a reference (a property *named* `$ref` sits under `properties`, whose
      // value is a schema object, not a string).
      if (key === "$ref" && typeof value === "string") {
        uses.push({ pointer: pointer, ref: value, target: follow(document, node, pointer) });
      } else visit(value, `${pointer}${pointerOf(key)}`);
    }
  };
  visit(document, "");
  return uses;
}

const built = new WeakMap<object, SpecModel>();

/**
 * The model of a normalized document. Built once per document object (a second call returns the same model), so
 * every target of one run shares it. The document must not be mutated afterwards.
 */
export function buildModel(document: Record<string, unknown>): SpecModel {
  const cached = built.get(document);
  if (cached) return cached;
  const resolve = (node: unknown, pointer = "") => {
    const found = follow(document, node, pointer);
    return found && isObject(found.node) ? { node: found.node, pointer: found.pointer } : undefined;
  };
  const resolver = {
    document,
    resolve,
    propertiesOf: (schema: unknown) => propertiesOf(document, schema),
  };
  const operations: readonly Operation[] = collectOperations(resolver);
  const schemas: readonly NamedSchema[] = collectSchemas(document);
  // Only the types target (and the diff) read the enums, and finding them walks every schema of the document:
  // built on first use, so `generate client`, `react-query` and `msw` never pay for it.
  let enums: readonly NumericEnum[] | undefined;
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  const byName = new Map(schemas.map((schema) => [schema.name, schema]));
  let refs: RefUse[] | undefined;
  const model: SpecModel = {
    document,
    operations,
    schemas,
    get enums() {
      const exportedSchemas = schemas.filter((schema) => schema.exported).map((schema) => schema.name);
      enums ??= collectNumericEnums(document, operations, [...RESERVED_TYPE_NAMES, ...exportedSchemas]);
      return enums;
    },
    operation: (id) => byId.get(id),
    schema: (name) => byName.get(name),
    at: (pointer) => nodeAt(document, pointer),
    resolve,
    propertiesOf: resolver.propertiesOf,
    refs: () => {
      refs ??= collectRefs(document);
      return refs;
    },
  };
  built.set(document, model);
  return model;
}
