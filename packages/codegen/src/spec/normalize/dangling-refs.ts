import { forEachSchema, isObject, type Json, type JsonObject, unescapePointer } from "./walk.ts";

/**
 * Rule: a local `$ref` that points nowhere (published versions have had `#/components/schemas/def-38`
 * with no such schema) must not block an update. The reference is dropped, leaving its siblings:
 * usually `{}`, a schema that accepts anything, which generators type as `unknown`. One warning per
 * missing target names it and every JSON pointer that used it, so the lock and the pull output show it.
 */
export function replaceDanglingRefs(document: JsonObject, warnings: string[]): void {
  const users = new Map<string, string[]>();
  forEachSchema(document, (schema, pointer) => {
    const ref = schema.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#") || resolvePointer(document, ref) !== undefined)
      return;
    delete schema.$ref;
    const list = users.get(ref) ?? [];
    list.push(pointer);
    users.set(ref, list);
  });
  for (const [ref, pointers] of users) {
    warnings.push(
      `dangling $ref ${ref} (no such schema) is typed as unknown; used at ${pointers.length} place${pointers.length === 1 ? "" : "s"}: ${pointers.join(", ")}`,
    );
  }
}

/** The value a local reference (`#/a/b~1c`) points to, or undefined. */
export function resolvePointer(document: JsonObject, ref: string): Json | undefined {
  if (ref === "#") return document;
  if (!ref.startsWith("#/")) return undefined;
  let node: Json | undefined = document;
  for (const raw of ref.slice(2).split("/")) {
    const token = unescapePointer(decodeURIComponent(raw));
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}
