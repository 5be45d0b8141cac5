import { isIdentifier, pascalCase, toIdentifier, uniqueName } from "./names.ts";
import { forEachOperation, isObject, type JsonObject } from "./walk.ts";

/**
 * Rule: operationIds and tags become valid identifiers (they turn into function, hook and file
 * names). Valid ones are untouched; others are rewritten readably with `&` spelled `And` — exactly the
 * rename the API made on 2026-06-12, so `listInboxPlacementBlacklist&SpamAssassinReport` (old) and
 * `listInboxPlacementBlacklistAndSpamAssassinReport` (new) normalize to the same name.
 * An operation without an id gets `<method><PascalCase(path)>` (`getApiV2OauthClientsAuthorized`).
 * Two operations may not end up sharing an id: a rewritten id that collides gets `2`, `3`… in
 * path/method order. Tags that end up equal are the same tag.
 */
export function sanitizeIdentifiers(document: JsonObject): void {
  const taken = new Set<string>();
  forEachOperation(document, (operation) => {
    if (typeof operation.operationId === "string" && isIdentifier(operation.operationId)) {
      taken.add(operation.operationId);
    }
  });
  forEachOperation(document, (operation, path, method) => {
    const id = operation.operationId;
    if (typeof id === "string" && isIdentifier(id)) return;
    // No operationId (real versions have had some): every generator would invent its own name; one
    // name for all of them, spelled as orval would (method + path), keeps the packages consistent.
    const wanted = typeof id === "string" && id.trim() !== "" ? toIdentifier(id) : method + pascalCase(path);
    const name = uniqueName(wanted, taken);
    taken.add(name);
    operation.operationId = name;
  });
  forEachOperation(document, (operation) => {
    if (Array.isArray(operation.tags)) {
      operation.tags = dedupe(
        operation.tags.map((tag) => (typeof tag === "string" ? toIdentifier(tag) : tag)),
      );
    }
  });
  if (Array.isArray(document.tags)) {
    const seen = new Set<string>();
    document.tags = document.tags.filter((tag) => {
      if (!isObject(tag) || typeof tag.name !== "string") return true;
      tag.name = toIdentifier(tag.name);
      if (seen.has(tag.name)) return false;
      seen.add(tag.name);
      return true;
    });
  }
}

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}
