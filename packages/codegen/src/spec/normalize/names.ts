// Turning free text (titles, operationIds, tags) into identifiers that every generator accepts. The naming rule
// itself lives in the model (model/naming.ts); normalization adds its spelling of `&`, and makes every name it
// produces usable as is (not reserved, not too long: see `finish`).

import { isReservedWord } from "../../emit/index.ts";
import {
  finishName as finish,
  isIdentifier as isPlainIdentifier,
  MAX_NAME_LENGTH,
  words as modelWords,
  titleTypeName,
  uniqueName,
} from "../../model/naming.ts";

export { MAX_NAME_LENGTH, uniqueName };

/** A name every target can declare as is: a plain ASCII identifier, not a reserved word, not too long. */
export function isIdentifier(name: string): boolean {
  return isPlainIdentifier(name) && name.length <= MAX_NAME_LENGTH && !isReservedWord(name);
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
  return titleTypeName(text);
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
