import type { IndexedDocument } from "./document.ts";
import { compareEnums } from "./enums.ts";
import { DOC_KEYWORDS, STRUCTURAL_KEYWORDS, VALIDATION_KEYWORDS } from "./keywords.ts";
import { type Direction, isObject, type JsonObject, jsonEqual, type Severity, show } from "./types.ts";

/** A change found inside one schema, relative to the schema's root (`location` "" = the schema itself). */
export interface Finding {
  severity: Severity;
  kind: string;
  /** Dotted path inside the schema: `warmup.limit`, `items[]`, `tags{*}`, `anyOf[1]`. */
  location: string;
  detail: string;
}

/** Who is walking: an operation (request body, parameter, response) or a shared component schema. */
export type Owner = { kind: "operation"; key: string } | { kind: "schema"; key: string };

export interface Scope {
  direction: Direction;
  owner: Owner;
  emit: (finding: Finding) => void;
}

/** `request:Lead` — a component schema compared in one direction. */
export function componentKey(direction: Direction, name: string): string {
  return `${direction}:${name}`;
}

type TypeSet = { any: true } | { any: false; kinds: Set<string> };

/**
 * Walks an old and a new schema side by side. Shared component schemas (a `$ref` to the same name on both
 * sides) are not walked inline: they are queued and compared once per direction, and the walker records
 * which operation/schema reached them so changes can be reported once with the operations they affect.
 */
export class SchemaComparer {
  /** componentKey → owners (operation keys or component keys) that reference it directly. */
  readonly references = new Map<string, Set<string>>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  /** Pairs of non-shared refs being walked: stops recursion through cycles of inline refs. */
  private readonly inProgress = new Set<string>();

  readonly oldDoc: IndexedDocument;
  readonly newDoc: IndexedDocument;

  constructor(oldDoc: IndexedDocument, newDoc: IndexedDocument) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  /** The next component (direction + name) still to compare, in first-reached order. */
  nextQueued(): string | undefined {
    return this.queue.shift();
  }

  reach(key: string, owner: Owner): void {
    const ownerKey = owner.kind === "operation" ? `op:${owner.key}` : owner.key;
    let owners = this.references.get(key);
    if (!owners) {
      owners = new Set();
      this.references.set(key, owners);
    }
    owners.add(ownerKey);
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.queue.push(key);
    }
  }

  compare(oldNode: unknown, newNode: unknown, scope: Scope, location = ""): void {
    const oldRaw = isObject(oldNode) ? oldNode : {};
    const newRaw = isObject(newNode) ? newNode : {};
    const oldRef = typeof oldRaw.$ref === "string" ? oldRaw.$ref : undefined;
    const newRef = typeof newRaw.$ref === "string" ? newRaw.$ref : undefined;
    const oldName = oldRef ? this.oldDoc.componentOf(oldRef) : undefined;
    const newName = newRef ? this.newDoc.componentOf(newRef) : undefined;
    if (oldName !== undefined && oldName === newName) {
      this.reach(componentKey(scope.direction, oldName), scope.owner);
      return;
    }
    if (oldName !== newName && oldName !== undefined && newName !== undefined) {
      scope.emit({
        severity: "patch",
        kind: "schema-reference-changed",
        location,
        detail: `now uses schema ${newName} instead of ${oldName}`,
      });
    }
    if (!oldRef && !newRef) {
      // Most of a spec does not change between versions: an identical subtree without refs has nothing to
      // report (with refs it must still be walked, to record which operations reach which schemas).
      if (jsonEqual(oldRaw, newRaw) && !containsRef(oldRaw)) return;
      this.compareResolved(oldRaw, newRaw, scope, location);
      return;
    }
    // A ref on one side only, or to different schemas: compare what they point at, once per pair.
    const guard = `${scope.direction}|${oldRef ?? ""}|${newRef ?? ""}|${scope.owner.key}`;
    if (this.inProgress.has(guard)) return;
    this.inProgress.add(guard);
    try {
      const oldSchema = oldRef ? (this.oldDoc.resolve(oldRaw) ?? {}) : oldRaw;
      const newSchema = newRef ? (this.newDoc.resolve(newRaw) ?? {}) : newRaw;
      this.compareResolved(oldSchema, newSchema, scope, location);
    } finally {
      this.inProgress.delete(guard);
    }
  }

  private compareResolved(oldInput: JsonObject, newInput: JsonObject, scope: Scope, location: string): void {
    // `$ref: X` rewritten as `allOf: [{$ref: X}, {extra properties}]` (a real edit in this spec) must read as
    // "properties added", not "every property removed": unless both sides compose the same branches (same
    // refs at the same positions, compared pairwise below), allOf is flattened into one object on both sides.
    const pairable = this.sameAllOfShape(oldInput.allOf, newInput.allOf);
    const oldSchema = pairable ? oldInput : flattenAllOf(this.oldDoc, oldInput);
    const newSchema = pairable ? newInput : flattenAllOf(this.newDoc, newInput);
    const at = (finding: Omit<Finding, "location">) => scope.emit({ ...finding, location });
    this.compareAnnotations(oldSchema, newSchema, at);
    const oldTypes = typeSet(oldSchema);
    const newTypes = typeSet(newSchema);
    compareTypes(oldTypes, newTypes, oldSchema, newSchema, scope.direction, at);
    compareEnums(oldSchema, newSchema, scope.direction, at);
    if (couldBe(oldTypes, "object") && couldBe(newTypes, "object")) {
      this.compareProperties(oldSchema, newSchema, scope, location);
      this.compareAdditionalProperties(oldSchema, newSchema, scope, location);
    }
    if (couldBe(oldTypes, "array") && couldBe(newTypes, "array")) {
      if (oldSchema.items !== undefined || newSchema.items !== undefined) {
        this.compare(oldSchema.items ?? {}, newSchema.items ?? {}, scope, join(location, "[]"));
      }
      if (!jsonEqual(oldSchema.prefixItems, newSchema.prefixItems)) {
        at({ severity: "major", kind: "tuple-changed", detail: "tuple items (prefixItems) changed" });
      }
    }
    for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
      this.compareVariants(keyword, oldSchema[keyword], newSchema[keyword], scope, location);
    }
  }

  /** Documentation (patch), validation-only keywords (minor) and anything unknown (patch), one finding each. */
  private compareAnnotations(
    oldSchema: JsonObject,
    newSchema: JsonObject,
    at: (finding: Omit<Finding, "location">) => void,
  ): void {
    const docs: string[] = [];
    const validation: string[] = [];
    const other: string[] = [];
    // `example: x` (3.0 style) and `examples: [x]` (3.1, what the 3.0 → 3.1 upgrade writes) say the same.
    if (!jsonEqual(exampleValues(oldSchema), exampleValues(newSchema))) docs.push("examples");
    for (const key of new Set([...Object.keys(oldSchema), ...Object.keys(newSchema)])) {
      if (STRUCTURAL_KEYWORDS.has(key) || key === "example" || key === "examples") continue;
      if (jsonEqual(oldSchema[key], newSchema[key])) continue;
      if (DOC_KEYWORDS.has(key)) docs.push(key);
      else if (VALIDATION_KEYWORDS.has(key)) {
        validation.push(`${key} ${show(oldSchema[key])} → ${show(newSchema[key])}`);
      } else other.push(key);
    }
    if (validation.length > 0) {
      at({ severity: "minor", kind: "validation-changed", detail: validation.join(", ") });
    }
    if (docs.length > 0)
      at({ severity: "patch", kind: "docs-changed", detail: `${docs.join(", ")} changed` });
    if (other.length > 0) {
      at({ severity: "patch", kind: "annotation-changed", detail: `${other.join(", ")} changed` });
    }
  }

  private compareProperties(
    oldSchema: JsonObject,
    newSchema: JsonObject,
    scope: Scope,
    location: string,
  ): void {
    const oldProps = isObject(oldSchema.properties) ? oldSchema.properties : {};
    const newProps = isObject(newSchema.properties) ? newSchema.properties : {};
    const oldRequired = requiredSet(oldSchema);
    const newRequired = requiredSet(newSchema);
    const request = scope.direction === "request";
    for (const name of new Set([...Object.keys(oldProps), ...Object.keys(newProps)])) {
      const where = join(location, name);
      const emit = (finding: Omit<Finding, "location">) => scope.emit({ ...finding, location: where });
      const inOld = Object.hasOwn(oldProps, name);
      const inNew = Object.hasOwn(newProps, name);
      // readOnly fields are never sent: in requests they do not exist for the caller.
      const oldReadOnly = inOld && this.isReadOnly(this.oldDoc, oldProps[name]);
      const newReadOnly = inNew && this.isReadOnly(this.newDoc, newProps[name]);
      if (!inNew) {
        if (request && oldReadOnly) continue;
        emit(
          request
            ? { severity: "major", kind: "request-field-removed", detail: "field removed" }
            : { severity: "major", kind: "response-property-removed", detail: "property removed" },
        );
        continue;
      }
      if (!inOld) {
        if (request && newReadOnly) continue;
        const required = newRequired.has(name);
        emit(
          request
            ? required
              ? { severity: "major", kind: "request-required-field-added", detail: "required field added" }
              : { severity: "minor", kind: "request-optional-field-added", detail: "optional field added" }
            : {
                severity: "minor",
                kind: "response-property-added",
                detail: `${required ? "required" : "optional"} property added`,
              },
        );
        continue;
      }
      if (request && oldReadOnly && newReadOnly) continue;
      const wasRequired = oldRequired.has(name);
      const isRequired = newRequired.has(name);
      if (wasRequired !== isRequired && !(request && (oldReadOnly || newReadOnly))) {
        if (request) {
          emit(
            isRequired
              ? { severity: "major", kind: "request-field-made-required", detail: "field made required" }
              : { severity: "minor", kind: "request-field-made-optional", detail: "field made optional" },
          );
        } else {
          emit(
            isRequired
              ? {
                  severity: "minor",
                  kind: "response-property-made-required",
                  detail: "property made required",
                }
              : {
                  severity: "major",
                  kind: "response-property-made-optional",
                  detail: "property made optional",
                },
          );
        }
      }
      this.compare(oldProps[name], newProps[name], scope, where);
    }
  }

  private compareAdditionalProperties(
    oldSchema: JsonObject,
    newSchema: JsonObject,
    scope: Scope,
    location: string,
  ): void {
    const oldAp = oldSchema.additionalProperties;
    const newAp = newSchema.additionalProperties;
    if (isObject(oldAp) && isObject(newAp)) {
      this.compare(oldAp, newAp, scope, join(location, "{*}"));
      return;
    }
    const before = describeAdditional(oldAp);
    const after = describeAdditional(newAp);
    if (before !== after) {
      scope.emit({
        severity: "minor",
        kind: "additional-properties-changed",
        location,
        detail: `additionalProperties ${before} → ${after}`,
      });
    }
  }

  /**
   * anyOf/oneOf/allOf branches are paired by the component they reference, then by position. A branch more in
   * a union widens it (relaxing for requests, a new case for responses); a branch fewer narrows it.
   */
  private compareVariants(
    keyword: "anyOf" | "oneOf" | "allOf",
    oldList: unknown,
    newList: unknown,
    scope: Scope,
    location: string,
  ): void {
    const olds = Array.isArray(oldList) ? oldList : [];
    const news = Array.isArray(newList) ? newList : [];
    if (olds.length === 0 && news.length === 0) return;
    const pairs: [number, number][] = [];
    const unmatchedNew = new Set(news.map((_, index) => index));
    const unmatchedOld: number[] = [];
    const newNames = news.map((branch) => this.branchName(this.newDoc, branch));
    olds.forEach((branch, index) => {
      const name = this.branchName(this.oldDoc, branch);
      const match = name === undefined ? -1 : newNames.findIndex((n, j) => n === name && unmatchedNew.has(j));
      if (match >= 0) {
        pairs.push([index, match]);
        unmatchedNew.delete(match);
      } else unmatchedOld.push(index);
    });
    // Inline branches: each old one pairs with the unmatched inline new branch it differs least from (a
    // reordered union is then no change at all); ties keep positional order.
    for (const index of [...unmatchedOld]) {
      let best: { j: number; cost: number } | undefined;
      for (const j of unmatchedNew) {
        if (newNames[j] !== undefined) continue;
        const cost = this.distance(olds[index], news[j], scope.direction);
        if (!best || cost < best.cost) best = { j, cost };
      }
      if (!best) continue;
      pairs.push([index, best.j]);
      unmatchedNew.delete(best.j);
      unmatchedOld.splice(unmatchedOld.indexOf(index), 1);
    }
    for (const [i, j] of pairs) this.compare(olds[i], news[j], scope, join(location, `${keyword}[${j}]`));
    const request = scope.direction === "request";
    const allOf = keyword === "allOf";
    for (const i of unmatchedOld) {
      scope.emit({
        // A branch fewer narrows the union: callers lose a way to send, readers' checks of it stop compiling.
        severity: "major",
        kind: `${keyword}-branch-removed`,
        location,
        detail: `${keyword} branch ${this.branchLabel(this.oldDoc, olds[i], i)} removed`,
      });
    }
    for (const j of unmatchedNew) {
      scope.emit({
        severity: allOf || !request ? "major" : "minor",
        kind: `${keyword}-branch-added`,
        location,
        detail: `${keyword} branch ${this.branchLabel(this.newDoc, news[j], j)} added`,
      });
    }
  }

  /** How different two schemas are (weighted count of findings), measured by a throwaway comparer. */
  private distance(oldBranch: unknown, newBranch: unknown, direction: Direction): number {
    const weights: Record<Severity, number> = { major: 100, minor: 10, patch: 1 };
    let cost = 0;
    new SchemaComparer(this.oldDoc, this.newDoc).compare(oldBranch, newBranch, {
      direction,
      owner: { kind: "schema", key: "distance" },
      emit: (finding) => {
        cost += weights[finding.severity];
      },
    });
    return cost;
  }

  private sameAllOfShape(oldList: unknown, newList: unknown): boolean {
    if (!Array.isArray(oldList) || !Array.isArray(newList) || oldList.length !== newList.length) return false;
    return oldList.every(
      (branch, index) =>
        this.branchName(this.oldDoc, branch) === this.branchName(this.newDoc, newList[index]),
    );
  }

  private branchName(doc: IndexedDocument, branch: unknown): string | undefined {
    return isObject(branch) && typeof branch.$ref === "string" ? doc.componentOf(branch.$ref) : undefined;
  }

  private branchLabel(doc: IndexedDocument, branch: unknown, index: number): string {
    return this.branchName(doc, branch) ?? `#${index}`;
  }

  private isReadOnly(doc: IndexedDocument, node: unknown): boolean {
    const schema = isObject(node) ? doc.resolve(node) : undefined;
    return schema?.readOnly === true;
  }
}

/**
 * One object schema from `allOf` branches (refs resolved): properties merged, required lists united, other
 * keywords taken from the schema itself first, then from the branches in order.
 */
export function flattenAllOf(doc: IndexedDocument, schema: JsonObject, depth = 0): JsonObject {
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const { allOf, ...own } = schema;
  const merged: JsonObject = {};
  const properties: JsonObject = {};
  const required = new Set<string>();
  for (const part of [...(allOf as unknown[]), own]) {
    const resolved = isObject(part) ? doc.resolve(part) : undefined;
    if (!resolved) continue;
    const branch = flattenAllOf(doc, resolved, depth + 1);
    for (const [key, value] of Object.entries(branch)) {
      if (key === "properties" && isObject(value)) Object.assign(properties, value);
      else if (key === "required" && Array.isArray(value)) {
        for (const name of value) if (typeof name === "string") required.add(name);
      } else if (part === own || !Object.hasOwn(own, key)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required].sort();
  return merged;
}

/** A schema's example values from `example` and `examples`, deduplicated and in a stable order. */
function exampleValues(schema: JsonObject): string[] {
  const values = Array.isArray(schema.examples) ? [...schema.examples] : [];
  if (schema.example !== undefined) values.push(schema.example);
  return [...new Set(values.map((value) => JSON.stringify(value)))].sort();
}

function containsRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsRef);
  if (!isObject(node)) return false;
  if (typeof node.$ref === "string") return true;
  return Object.values(node).some(containsRef);
}

function requiredSet(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : []);
}

function describeAdditional(value: unknown): string {
  if (value === false) return "false (closed)";
  if (value === undefined || value === true || (isObject(value) && Object.keys(value).length === 0)) {
    return "allowed (any value)";
  }
  return "typed";
}

export function join(location: string, segment: string): string {
  if (location === "") return segment;
  if (segment.startsWith("[") || segment.startsWith("{")) return `${location}${segment}`;
  return `${location}.${segment}`;
}

/**
 * The JSON types a schema admits. `nullable: true` (OpenAPI 3.0) and `null` in an enum count as `null`, so
 * `nullable: true` and `type: [T, "null"]` compare equal. A schema without `type` admits anything, unless its
 * shape says otherwise (properties → object, items → array).
 */
export function typeSet(schema: JsonObject): TypeSet {
  let kinds: Set<string> | undefined;
  if (typeof schema.type === "string") kinds = new Set([schema.type]);
  else if (Array.isArray(schema.type)) kinds = new Set(schema.type.filter((t) => typeof t === "string"));
  else if (isObject(schema.properties) || isObject(schema.additionalProperties)) kinds = new Set(["object"]);
  else if (schema.items !== undefined) kinds = new Set(["array"]);
  else if (Array.isArray(schema.enum) && schema.enum.length > 0) kinds = new Set(schema.enum.map(jsonType));
  if (!kinds) {
    // Untyped: only `null` can still be recorded (so nullable-only edits are seen on untyped schemas too).
    return { any: true };
  }
  if (schema.nullable === true) kinds.add("null");
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) kinds.add("null");
  return { any: false, kinds };
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

function couldBe(types: TypeSet, kind: string): boolean {
  return types.any || types.kinds.has(kind) || (kind === "number" && types.kinds.has("integer"));
}

function compareTypes(
  oldTypes: TypeSet,
  newTypes: TypeSet,
  oldSchema: JsonObject,
  newSchema: JsonObject,
  direction: Direction,
  at: (finding: Omit<Finding, "location">) => void,
): void {
  const request = direction === "request";
  if (oldTypes.any || newTypes.any) {
    if (oldTypes.any && newTypes.any) return;
    // Both admit anything when composed (anyOf/oneOf) — the branches are compared instead.
    if (hasComposition(oldSchema) || hasComposition(newSchema)) return;
    const detail = `type ${typeLabel(oldTypes)} → ${typeLabel(newTypes)}`;
    if (request) {
      at(
        oldTypes.any
          ? { severity: "major", kind: "request-type-narrowed", detail }
          : { severity: "minor", kind: "request-type-widened", detail },
      );
    } else at({ severity: "major", kind: "response-type-changed", detail });
    return;
  }
  const oldNull = oldTypes.kinds.has("null");
  const newNull = newTypes.kinds.has("null");
  if (oldNull && !newNull) {
    at(
      request
        ? { severity: "major", kind: "request-null-removed", detail: "no longer accepts null" }
        : { severity: "minor", kind: "response-null-removed", detail: "no longer null" },
    );
  } else if (!oldNull && newNull) {
    at(
      request
        ? { severity: "minor", kind: "request-null-allowed", detail: "now accepts null" }
        : { severity: "major", kind: "response-made-nullable", detail: "made nullable" },
    );
  }
  // integer and number are one TypeScript type: switching is validation-only.
  const tsKinds = (types: Set<string>) =>
    new Set([...types].filter((t) => t !== "null").map((t) => (t === "integer" ? "number" : t)));
  const oldTs = tsKinds(oldTypes.kinds);
  const newTs = tsKinds(newTypes.kinds);
  const removed = [...oldTs].filter((t) => !newTs.has(t));
  const added = [...newTs].filter((t) => !oldTs.has(t));
  const detail = `type ${typeLabel(oldTypes)} → ${typeLabel(newTypes)}`;
  if (removed.length === 0 && added.length === 0) {
    const rawOld = [...oldTypes.kinds].filter((t) => t !== "null").sort();
    const rawNew = [...newTypes.kinds].filter((t) => t !== "null").sort();
    if (!jsonEqual(rawOld, rawNew)) at({ severity: "minor", kind: "integer-number-changed", detail });
    return;
  }
  if (!request) at({ severity: "major", kind: "response-type-changed", detail });
  else if (removed.length > 0) at({ severity: "major", kind: "request-type-narrowed", detail });
  else at({ severity: "minor", kind: "request-type-widened", detail });
}

function hasComposition(schema: JsonObject): boolean {
  return Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.allOf);
}

function typeLabel(types: TypeSet): string {
  return types.any ? "any" : [...types.kinds].sort().join("|") || "any";
}
