// Turning free text (titles, operationIds, tags) into identifiers that every generator accepts.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Words of a free-text name. `&` is spelled `And` because that is how the API itself renamed it
 * (`Blacklist & SpamAssassin` → `BlacklistAndSpamAssassin`): the normalized names of old and new
 * versions then agree.
 */
function words(text: string): string[] {
  return text
    .replace(/&/g, " And ")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * PascalCase that keeps the inner capitals of each word: "API Key" → "APIKey",
 * "SuperSearch Enrichment" → "SuperSearchEnrichment", "def-38" → "Def38".
 */
export function pascalCase(text: string): string {
  const name = words(text).map(upperFirst).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * A valid identifier that reads like the original: an already-valid name is kept as is; otherwise
 * the first word keeps its case and the next ones are capitalised
 * (`listInboxPlacementBlacklist&SpamAssassinReport` → `listInboxPlacementBlacklistAndSpamAssassinReport`).
 */
export function toIdentifier(text: string): string {
  if (isIdentifier(text)) return text;
  const [first = "", ...rest] = words(text);
  const name = first + rest.map(upperFirst).join("");
  if (name === "") return "_";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `name`, or `name2`, `name3`… — the first one not in `taken`. Deterministic for a given order of calls. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
