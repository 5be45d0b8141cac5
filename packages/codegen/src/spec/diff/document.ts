import { buildModel, isObject, refToPointer, type SpecModel, titleTypeName } from "../../model/index.ts";
import type { JsonObject } from "./types.ts";

export interface IndexedOperation {
  /** `GET /api/v2/leads`: operations are matched across versions by method + path. */
  key: string;
  method: string;
  path: string;
  operationId: string;
  /** The operation object as written (documentation fields, security, request body, responses). */
  operation: JsonObject;
  /** Path-item parameters merged with the operation's own (the model's merge: the operation's win). */
  parameters: JsonObject[];
}

/**
 * One side of a diff, read from the one model of the spec (model/): operations by method + path, component
 * schemas by identity, and `$ref` resolution — the diff resolves nothing and names nothing itself.
 * A component schema's identity is its name; a raw `def-N` key (an un-normalized document) is identified by
 * the name normalization would give it (the model's `titleTypeName` of its title), because `def-N` numbering shifts
 * between versions.
 */
export class IndexedDocument {
  readonly model: SpecModel;
  readonly operations = new Map<string, IndexedOperation>();
  /** schema identity → schema */
  readonly schemas = new Map<string, JsonObject>();
  /** JSON pointer of a component schema → its identity */
  private readonly identityByPointer = new Map<string, string>();

  constructor(document: unknown) {
    this.model = buildModel(isObject(document) ? document : {});
    for (const schema of this.model.schemas) {
      if (!isObject(schema.schema)) continue;
      const identity =
        /^def-\d+$/.test(schema.name) && schema.title ? titleTypeName(schema.title) : schema.name;
      this.schemas.set(identity, schema.schema);
      this.identityByPointer.set(schema.pointer, identity);
    }
    for (const op of this.model.operations) {
      const operation = this.model.at(op.pointer);
      const method = op.method.toUpperCase();
      const key = `${method} ${op.path}`;
      this.operations.set(key, {
        key,
        method,
        path: op.path,
        operationId: op.id,
        operation: isObject(operation) ? operation : {},
        parameters: op.parameters.flatMap((parameter) => {
          const node = this.model.at(parameter.pointer);
          return isObject(node) ? [node] : [];
        }),
      });
    }
  }

  /** The identity of the component schema a `$ref` points at, or undefined for other refs. */
  componentOf(ref: string): string | undefined {
    const pointer = refToPointer(ref);
    return pointer === undefined ? undefined : this.identityByPointer.get(pointer);
  }

  /** Follow `$ref`s until a non-ref object; undefined when dangling or cyclic. */
  resolve(node: JsonObject): JsonObject | undefined {
    return this.model.resolve(node)?.node;
  }

  /** The root of the document (its top-level documentation fields). */
  get root(): JsonObject {
    return this.model.document as JsonObject;
  }
}

export function parameterKey(parameter: JsonObject): string {
  return `${String(parameter.in)}:${String(parameter.name)}`;
}
