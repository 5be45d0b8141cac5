// Turning free text (titles, operationIds, tags) into identifiers that every generator accepts. The naming rule
// itself lives in the model (model/naming.ts); normalization adds its spelling of `&`, and makes every name it
// produces usable as is (not reserved, not too long: see `finish`).
import { createHash } from "node:crypto";
import { isReservedWord } from "../../emit/index.ts";
import {
  isIdentifier as isPlainIdentifier,
  words as modelWords,
  typeName,
  uniqueName,
} from "../../model/naming.ts";

export { uniqueName };

/**
 * Longest generated name. Names become file names too (orval writes a file per tag and per model, named after
 * the operation or schema, plus suffixes such as `QueryResult`): 100 leaves room under the 255-byte limit.
 */
export const MAX_NAME_LENGTH = 100;

/** A name every target can declare as is: a plain ASCII identifier, not a reserved word, not too long. */
export function isIdentifier(name: string): boolean {
  return isPlainIdentifier(name) && name.length <= MAX_NAME_LENGTH && !isReservedWord(name);
}

/**
 * The last step of every name made from spec text: a reserved word gets a leading `_` (`delete` → `_delete`),
 * a name over {@link MAX_NAME_LENGTH} keeps its start plus 8 hex digits of its sha256 — deterministic, and two
 * long names that share a prefix stay distinct. Neither adds an inner `_`: orval re-cases names word by word
 * (`a_b` → `aB`), and the hooks target finds orval's functions by the operationId.
 */
function finish(name: string): string {
  if (name.length > MAX_NAME_LENGTH) {
    const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
    return `${name.slice(0, MAX_NAME_LENGTH - 8)}${hash}`;
  }
  return isReservedWord(name) ? `_${name}` : name;
}

/**
 * Words of a free-text name. `&` is spelled `And` because that is how the API itself renamed it
 * (`Blacklist & SpamAssassin` → `BlacklistAndSpamAssassin`): the normalized names of old and new
 * versions then agree.
 */
function words(text: string): string[] {
  return modelWords(text.replace(/&/g, " And "));
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * PascalCase that keeps the inner capitals of each word: "API Key" → "APIKey",
 * "SuperSearch Enrichment" → "SuperSearchEnrichment", "def-38" → "Def38".
 */
export function pascalCase(text: string): string {
  return finish(typeName(text.replace(/&/g, " And ")));
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
  return finish(/^[0-9]/.test(name) ? `_${name}` : name);
}
