import type { IndexedDocument } from "./document.ts";
import { compareEnums } from "./enums.ts";
import { DOC_KEYWORDS, STRUCTURAL_KEYWORDS, VALIDATION_KEYWORDS } from "./keywords.ts";
import { type ChangeKind, severityOf } from "./kinds.ts";
import { code } from "./markdown.ts";
import { describeSchema } from "./shape.ts";
import { type Direction, isObject, type JsonObject, jsonEqual, type Severity, show } from "./types.ts";

/** A change found inside one schema, relative to the schema's root (`location` "" = the schema itself). */
export interface Finding {
  severity: Severity;
  kind: ChangeKind;
  /** Dotted path inside the schema: `warmup.limit`, `items[]`, `tags{*}`. */
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

/** Reports a finding at one location: its severity comes from the kind and the scope's direction. */
type At = (kind: ChangeKind, detail: string) => void;

/** `request:Lead` — a component schema compared in one direction. */
export function componentKey(direction: Direction, name: string): string {
  return `${direction}:${name}`;
}

type TypeSet = { any: true } | { any: false; kinds: Set<string> };

/**
 * Walks an old and a new schema side by side, judging each difference by what it does to the TypeScript type
 * openapi-typescript emits for the schema (README: What an API change means). Shared component schemas (a
 * `$ref` to the same name on both sides) are not walked inline: they are queued and compared once per
 * direction, and the walker records which operation/schema reached them so changes can be reported once with
 * the operations they affect.
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
      emitAt(scope, location)("schema-reference-changed", `now uses schema ${newName} instead of ${oldName}`);
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
    // "properties added", not "every property removed": openapi-typescript emits an intersection, whose
    // members a reader sees as one object. Only when both sides compose the same refs at the same positions are
    // the branches compared pairwise (so a change inside a shared branch stays reported once, on the branch).
    const pairable = this.sameAllOfShape(oldInput.allOf, newInput.allOf);
    const oldSchema = pairable ? oldInput : flattenAllOf(this.oldDoc, oldInput);
    const newSchema = pairable ? newInput : flattenAllOf(this.newDoc, newInput);
    const at = emitAt(scope, location);
    const oldUnion = unionOf(oldSchema);
    const newUnion = unionOf(newSchema);
    if (
      oldUnion.branches.length > 1 ||
      newUnion.branches.length > 1 ||
      oldUnion.composed ||
      newUnion.composed
    ) {
      // A plain schema is its own only branch: its documentation stays here, the rest is compared as a branch.
      this.compareAnnotations(unionOuter(oldSchema, oldUnion), unionOuter(newSchema, newUnion), at);
      this.compareUnions(oldUnion, newUnion, scope, location);
      return;
    }
    this.compareAnnotations(oldSchema, newSchema, at);
    if (pairable) {
      const olds = oldInput.allOf as unknown[];
      const news = newInput.allOf as unknown[];
      olds.forEach((branch, index) => {
        this.compare(branch, news[index], scope, join(location, `allOf[${index}]`));
      });
      return;
    }
    const oldTypes = typeSet(oldSchema);
    const newTypes = typeSet(newSchema);
    // A type change shows both shapes (and, for a value now wrapped in an object, where it went).
    compareTypes(oldTypes, newTypes, scope.direction, (kind, detail) =>
      at(
        kind,
        kind === "integer-number-changed" ? detail : `${detail}${this.shapeChange(oldSchema, newSchema)}`,
      ),
    );
    compareEnums(oldSchema, newSchema, scope.direction, at);
    if (couldBe(oldTypes, "object") && couldBe(newTypes, "object")) {
      this.compareProperties(oldSchema, newSchema, scope, location);
      this.compareIndexSignatures(oldSchema, newSchema, scope, location);
    }
    if (couldBe(oldTypes, "array") && couldBe(newTypes, "array")) {
      if (oldSchema.items !== undefined || newSchema.items !== undefined) {
        this.compare(oldSchema.items ?? {}, newSchema.items ?? {}, scope, join(location, "[]"));
      }
      if (!jsonEqual(oldSchema.prefixItems, newSchema.prefixItems)) {
        at("tuple-changed", "tuple items (prefixItems) changed");
      }
    }
  }

  /** Documentation (patch), validation-only keywords (minor) and anything unknown (patch), one finding each. */
  private compareAnnotations(oldSchema: JsonObject, newSchema: JsonObject, at: At): void {
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
        validation.push(`${key} ${code(show(oldSchema[key]))} → ${code(show(newSchema[key]))}`);
      } else other.push(key);
    }
    if (validation.length > 0) at("validation-changed", validation.join(", "));
    if (docs.length > 0) at("docs-changed", `${docs.join(", ")} changed`);
    if (other.length > 0) at("annotation-changed", `${other.join(", ")} changed`);
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
    const removed = Object.keys(oldProps).filter((name) => !Object.hasOwn(newProps, name));
    const added = Object.keys(newProps).filter((name) => !Object.hasOwn(oldProps, name));
    // A property removed and another added with the same schema (and the same requiredness) is a rename.
    const renamed = new Map<string, string>();
    for (const from of removed) {
      const to = added.find(
        (name) =>
          ![...renamed.values()].includes(name) &&
          oldRequired.has(from) === newRequired.has(name) &&
          jsonEqual(oldProps[from], newProps[name]),
      );
      if (to !== undefined) renamed.set(from, to);
    }
    const renamedTo = new Set(renamed.values());
    for (const name of new Set([...Object.keys(oldProps), ...Object.keys(newProps)])) {
      const at = emitAt(scope, join(location, name));
      const inOld = Object.hasOwn(oldProps, name);
      const inNew = Object.hasOwn(newProps, name);
      if (!inNew) {
        const to = renamed.get(name);
        if (to !== undefined) {
          at(request ? "request-field-renamed" : "response-property-renamed", `renamed to ${code(to)}`);
        } else
          at(
            request ? "request-field-removed" : "response-property-removed",
            request ? "field removed" : "property removed",
          );
        continue;
      }
      if (!inOld) {
        if (renamedTo.has(name)) continue;
        const required = newRequired.has(name);
        if (!request) at("response-property-added", `${required ? "required" : "optional"} property added`);
        else if (required) at("request-required-field-added", "required field added");
        else at("request-optional-field-added", "optional field added");
        continue;
      }
      const wasRequired = oldRequired.has(name);
      const isRequired = newRequired.has(name);
      if (wasRequired !== isRequired) {
        if (request) {
          if (isRequired) at("request-field-made-required", "field made required");
          else at("request-field-made-optional", "field made optional");
        } else if (isRequired) at("response-property-made-required", "property made required");
        else at("response-property-made-optional", "property made optional");
      }
      this.compare(oldProps[name], newProps[name], scope, join(location, name));
    }
  }

  /**
   * `additionalProperties` as openapi-typescript types it: absent or `false` → no index signature (and
   * `Record<string, never>` for an object without properties), `true` / `{}` → `[key: string]: unknown`,
   * a schema → `[key: string]: T`. Callers may send more keys when a signature appears or widens; readers lose
   * `x[key]` when one disappears, and a keyless object's values (`never`) become readable values.
   */
  private compareIndexSignatures(
    oldSchema: JsonObject,
    newSchema: JsonObject,
    scope: Scope,
    location: string,
  ): void {
    const before = indexSignature(oldSchema);
    const after = indexSignature(newSchema);
    const at = emitAt(scope, location);
    if (before.kind === "typed" && after.kind === "typed") {
      this.compare(before.schema, after.schema, scope, join(location, "{*}"));
      return;
    }
    const open = (signature: IndexSignature) => signature.kind === "unknown" || signature.kind === "typed";
    if (!open(before) && !open(after)) {
      // absent ↔ false: the same type; the API accepts or rejects other keys (validation only).
      if (
        describeAdditional(oldSchema.additionalProperties) !==
        describeAdditional(newSchema.additionalProperties)
      ) {
        at(
          "additional-properties-changed",
          `additionalProperties ${describeAdditional(oldSchema.additionalProperties)} → ${describeAdditional(newSchema.additionalProperties)}`,
        );
      }
      return;
    }
    if (before.kind === after.kind) return;
    const detail = `index signature ${before.label} → ${after.label}`;
    if (scope.direction === "request") {
      // Widening: nothing → any signature, or a typed one → unknown. Anything else drops keys callers wrote.
      const widened = !open(before) || after.kind === "unknown";
      at(widened ? "request-index-signature-widened" : "request-index-signature-narrowed", detail);
    } else {
      // Readers lose nothing when a signature appears on an object that has declared properties.
      const added = before.kind === "none" && open(after);
      at(added ? "response-index-signature-added" : "response-index-signature-changed", detail);
    }
  }

  /**
   * oneOf/anyOf as the TypeScript union openapi-typescript emits: `null` branches are nullability, a
   * one-branch union is its branch, and a plain schema is a one-branch union — so `type: [null, number]` and
   * `oneOf: [number, null]` are the same, and an array wrapped into `oneOf: [array, string]` is a branch added.
   * Branches are paired by the component they reference, then each inline branch with the one it differs least
   * from (a reordered union is no change).
   */
  private compareUnions(oldUnion: Union, newUnion: Union, scope: Scope, location: string): void {
    const at = emitAt(scope, location);
    compareNullability(oldUnion.nullable, newUnion.nullable, scope.direction, at);
    const olds = oldUnion.branches;
    const news = newUnion.branches;
    if (olds.length === 1 && news.length === 1) {
      this.compare(olds[0], news[0], scope, location);
      return;
    }
    const keyword = newUnion.keyword ?? oldUnion.keyword ?? "anyOf";
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
    for (const [i, j] of pairs) {
      this.compare(olds[i], news[j], scope, join(location, `(${describeSchema(this.newDoc, news[j])})`));
    }
    for (const i of unmatchedOld) {
      // A branch fewer narrows the union: callers lose a way to send, readers' checks of it stop compiling.
      const kind = keyword === "oneOf" ? "oneOf-branch-removed" : "anyOf-branch-removed";
      at(kind, `union member ${code(describeSchema(this.oldDoc, olds[i]))} removed`);
    }
    for (const j of unmatchedNew) {
      const kind = keyword === "oneOf" ? "oneOf-branch-added" : "anyOf-branch-added";
      at(kind, `union member ${code(describeSchema(this.newDoc, news[j]))} added`);
    }
  }

  /** `: now `{ items: X[] }` (was `X[]`): read `.items`` — what a reader or caller changes. */
  private shapeChange(oldSchema: JsonObject, newSchema: JsonObject): string {
    const before = describeSchema(this.oldDoc, oldSchema);
    const after = describeSchema(this.newDoc, newSchema);
    // Plain primitives are already said by the type change (`type string → integer`).
    if (before === after || (/^[a-z| ]+$/.test(before) && /^[a-z| ]+$/.test(after))) return "";
    const properties = isObject(newSchema.properties) ? Object.entries(newSchema.properties) : [];
    const moved = properties.find(([, schema]) => describeSchema(this.newDoc, schema) === before);
    const hint = moved ? `: read ${code(`.${moved[0]}`)}` : "";
    return `: now ${code(after)} (was ${code(before)})${hint}`;
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
}

/** A reporter for one location of a scope: the kind's severity in the scope's direction. */
function emitAt(scope: Scope, location: string): At {
  return (kind, detail) =>
    scope.emit({ severity: severityOf(kind, scope.direction), kind, location, detail });
}

interface Union {
  keyword: "oneOf" | "anyOf" | undefined;
  /** Whether the schema itself is a oneOf/anyOf (a one-branch union of a plain schema is not). */
  composed: boolean;
  branches: unknown[];
  nullable: boolean;
}

/** A schema as the union openapi-typescript makes of it: its non-null branches, and whether null is one. */
function unionOf(schema: JsonObject): Union {
  const keyword = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : undefined;
  if (!keyword) {
    const types = typeSet(schema);
    const branch = Object.fromEntries(
      Object.entries(withoutNull(schema)).filter(([key]) => !isDocKeyword(key)),
    );
    return { keyword, composed: false, branches: [branch], nullable: !types.any && types.kinds.has("null") };
  }
  const list = schema[keyword] as unknown[];
  const isNull = (branch: unknown) => isObject(branch) && isNullSchema(branch);
  const outer = typeSet({ ...schema, [keyword]: undefined } as JsonObject);
  return {
    keyword,
    composed: true,
    branches: list.filter((branch) => !isNull(branch)),
    nullable: list.some(isNull) || schema.nullable === true || (!outer.any && outer.kinds.has("null")),
  };
}

function isDocKeyword(key: string): boolean {
  return DOC_KEYWORDS.has(key) || key === "example" || key === "examples";
}

/** What is compared at the union's own level: a plain schema's documentation, a composed schema itself. */
function unionOuter(schema: JsonObject, union: Union): JsonObject {
  if (union.composed) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => isDocKeyword(key)));
}

function isNullSchema(schema: JsonObject): boolean {
  if (schema.type === "null") return true;
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((value) => value === null))
    return true;
  return Object.hasOwn(schema, "const") && schema.const === null;
}

/** The schema with `null` taken out of its type, nullable flag and enum (nullability is compared apart). */
function withoutNull(schema: JsonObject): JsonObject {
  const { nullable: _nullable, ...rest } = schema;
  const copy: JsonObject = { ...rest };
  if (Array.isArray(copy.type)) {
    const types = copy.type.filter((type) => type !== "null");
    copy.type = types.length === 1 ? (types[0] as string) : types;
  }
  if (Array.isArray(copy.enum)) copy.enum = copy.enum.filter((value) => value !== null);
  return copy;
}

type IndexSignature =
  | { kind: "none"; label: string }
  | { kind: "keyless"; label: string }
  | { kind: "unknown"; label: string }
  | { kind: "typed"; label: string; schema: JsonObject };

function indexSignature(schema: JsonObject): IndexSignature {
  const value = schema.additionalProperties;
  if (isObject(value) && Object.keys(value).length > 0)
    return { kind: "typed", label: "typed", schema: value };
  if (value === true || isObject(value)) return { kind: "unknown", label: "`[key: string]: unknown`" };
  const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  return properties.length === 0
    ? { kind: "keyless", label: "none (`Record<string, never>`)" }
    : { kind: "none", label: "none" };
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
  if (value === undefined) return "absent";
  if (value === true || (isObject(value) && Object.keys(value).length === 0)) return "allowed (any value)";
  return "typed";
}

export function join(location: string, segment: string): string {
  if (location === "") return segment;
  if (segment.startsWith("[") || segment.startsWith("{") || segment.startsWith("("))
    return `${location}${segment}`;
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
  if (!kinds) return { any: true };
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

function compareNullability(oldNull: boolean, newNull: boolean, direction: Direction, at: At): void {
  const request = direction === "request";
  if (oldNull && !newNull) {
    if (request) at("request-null-removed", "no longer accepts null");
    else at("response-null-removed", "no longer null");
  } else if (!oldNull && newNull) {
    if (request) at("request-null-allowed", "now accepts null");
    else at("response-made-nullable", "made nullable");
  }
}

function compareTypes(oldTypes: TypeSet, newTypes: TypeSet, direction: Direction, at: At): void {
  const request = direction === "request";
  const detail = `type ${typeLabel(oldTypes)} → ${typeLabel(newTypes)}`;
  if (oldTypes.any || newTypes.any) {
    if (oldTypes.any && newTypes.any) return;
    if (request) at(oldTypes.any ? "request-type-narrowed" : "request-type-widened", detail);
    else at("response-type-changed", detail);
    return;
  }
  compareNullability(oldTypes.kinds.has("null"), newTypes.kinds.has("null"), direction, at);
  // integer and number are one TypeScript type: switching is validation-only.
  const tsKinds = (types: Set<string>) =>
    new Set([...types].filter((t) => t !== "null").map((t) => (t === "integer" ? "number" : t)));
  const oldTs = tsKinds(oldTypes.kinds);
  const newTs = tsKinds(newTypes.kinds);
  const removed = [...oldTs].filter((t) => !newTs.has(t));
  const added = [...newTs].filter((t) => !oldTs.has(t));
  if (removed.length === 0 && added.length === 0) {
    const rawOld = [...oldTypes.kinds].filter((t) => t !== "null").sort();
    const rawNew = [...newTypes.kinds].filter((t) => t !== "null").sort();
    if (!jsonEqual(rawOld, rawNew)) at("integer-number-changed", detail);
    return;
  }
  if (!request) at("response-type-changed", detail);
  else at(removed.length > 0 ? "request-type-narrowed" : "request-type-widened", detail);
}

function typeLabel(types: TypeSet): string {
  return types.any ? "any" : [...types.kinds].sort().join("|") || "any";
}
