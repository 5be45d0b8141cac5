/**
 * JSON pointers (RFC 6901) and local `$ref`s: the one place the generator turns a reference into the node it
 * names. Targets and the diff ask the model ({@link SpecModel.resolve}, {@link SpecModel.at}) instead of walking
 * `#/…` strings themselves.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 6901 escaping of one reference token (`a/b~c` → `a~1b~0c`). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** A pointer from unescaped tokens: `["paths", "/a", "get"]` → `/paths/~1a/get`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join("");
}

/** The tokens of a pointer (`/paths/~1a/get` → `["paths", "/a", "get"]`); `""` is the whole document. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.split("/").slice(1).map(unescapePointerSegment);
}

/**
 * The pointer a local `$ref` names (`#/components/schemas/A%20B` → `/components/schemas/A B`), or undefined for a
 * non-local ref. The fragment is URI-encoded in a `$ref`, so it is percent-decoded first.
 */
export function refToPointer(ref: string): string | undefined {
  if (ref === "#") return "";
  if (!ref.startsWith("#/")) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/**
 * `/paths/~1api~1v2~1leads/get` → the URI fragment of that pointer (`#/paths/~1api~1v2~1leads/get`), as a `$ref`
 * or a JSON Schema validator resolves it against the document: each escaped token is percent-encoded.
 */
export function pointerToFragment(pointer: string): string {
  return `#${pointer
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")}`;
}

/** `#/components/schemas/Campaign` for a component schema name. */
export function schemaRef(name: string): string {
  return `#/components/schemas/${escapePointerSegment(name)}`;
}

/** The node at `pointer` (own keys only, array indices allowed), or undefined. */
export function nodeAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/** A node together with where it lives: `pointer` is the location after following every `$ref`. */
export interface Located<T = unknown> {
  node: T;
  pointer: string;
}

const MAX_HOPS = 32;

/**
 * Follows `$ref`s from `node` (found at `pointer`) until a node without one; undefined for a non-local, dangling
 * or cyclic chain. Normalization already removed dangling refs, so undefined here means a malformed input.
 */
export function follow(document: unknown, node: unknown, pointer: string): Located | undefined {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops >= MAX_HOPS) return undefined;
    const target = refToPointer(current.$ref);
    if (target === undefined) return undefined;
    const next = nodeAt(document, target);
    if (next === undefined) return undefined;
    current = next;
    at = target;
  }
  return { node: current, pointer: at };
}
