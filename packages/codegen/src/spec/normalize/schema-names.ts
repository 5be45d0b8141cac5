import { compareCodePoints } from "../../model/order.ts";
import { isIdentifier, pascalCase, uniqueName } from "./names.ts";
import {
  componentSchemas,
  escapePointer,
  forEachSchema,
  isObject,
  type JsonObject,
  SCHEMA_REF_PREFIX,
  setKey,
} from "./walk.ts";

const DEF_N = /^def-(\d+)$/;

/**
 * Rule: schemas named `def-0`, `def-1`… (the spec until 2026-06-11; the numbering shifts between
 * versions) are renamed to the PascalCase of their `title`, which is how the API itself names them
 * since 2026-06-12 ("Email Verification" → `EmailVerification`, "Inbox Placement Blacklist &
 * SpamAssassin Report" → `InboxPlacementBlacklistAndSpamAssassinReport`): generated names are the same
 * whichever era a spec comes from. Any other key that is not an identifier is PascalCased too.
 *
 * Collisions are resolved deterministically: names the document already uses are kept, then renamed
 * schemas claim their name in key order (def-N by number), a later claimant becoming `Name2`, `Name3`…
 * Every `$ref` (and discriminator mapping) is rewritten. Returns old name → new name.
 */
export function renameSchemas(document: JsonObject): Map<string, string> {
  const schemas = componentSchemas(document);
  const renames = new Map<string, string>();
  if (!schemas) return renames;

  const keys = Object.keys(schemas);
  const needsRename = (key: string) => DEF_N.test(key) || !isIdentifier(key);
  const taken = new Set(keys.filter((key) => !needsRename(key)));
  const toRename = keys.filter(needsRename).sort(byDefNumberThenName);
  for (const key of toRename) {
    const schema = schemas[key];
    const title = isObject(schema) && typeof schema.title === "string" ? schema.title : "";
    const base = pascalCase(title) || pascalCase(key) || "Schema";
    const name = uniqueName(base, taken);
    taken.add(name);
    if (name !== key) renames.set(key, name);
  }
  if (renames.size === 0) return renames;

  const renamed: JsonObject = {};
  for (const [key, value] of Object.entries(schemas)) setKey(renamed, renames.get(key) ?? key, value);
  (document.components as JsonObject).schemas = renamed;

  const byPrefix = new Map<string, string>();
  for (const [from, to] of renames) {
    byPrefix.set(SCHEMA_REF_PREFIX + escapePointer(from), SCHEMA_REF_PREFIX + escapePointer(to));
  }
  const rewrite = (ref: string): string => {
    const match = /^(#\/components\/schemas\/[^/]*)(.*)$/.exec(ref);
    const target = match ? byPrefix.get(match[1] as string) : undefined;
    return target === undefined ? ref : target + (match?.[2] ?? "");
  };
  forEachSchema(document, (schema) => {
    if (typeof schema.$ref === "string") schema.$ref = rewrite(schema.$ref);
    const discriminator = schema.discriminator;
    if (isObject(discriminator) && isObject(discriminator.mapping)) {
      for (const [value, ref] of Object.entries(discriminator.mapping)) {
        // A mapping value is a $ref or, per the spec, a bare schema name.
        if (typeof ref === "string") discriminator.mapping[value] = renames.get(ref) ?? rewrite(ref);
      }
    }
  });
  return renames;
}

function byDefNumberThenName(a: string, b: string): number {
  const na = DEF_N.exec(a)?.[1];
  const nb = DEF_N.exec(b)?.[1];
  if (na !== undefined && nb !== undefined) return Number(na) - Number(nb);
  if (na !== undefined) return -1;
  if (nb !== undefined) return 1;
  return compareCodePoints(a, b);
}
