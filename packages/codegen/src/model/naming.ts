import { createHash } from "node:crypto";
import { isIdentifier, isReservedWord } from "../emit/index.ts";

/**
 * The one naming rule of the generator. Every generated name built from spec text (schema titles, enum labels,
 * operationIds) goes through {@link pascalCase} / {@link camelCase}; rules specific to one place (normalization
 * spells `&` as `And` before naming, enum members prefix a leading digit with `Value`) are applied around these,
 * never by a second implementation.
 */

export { isIdentifier };

/** The words of free text: runs of ASCII letters and digits (`Custom IMAP/SMTP` → `Custom`, `IMAP`, `SMTP`). */
export function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * PascalCase that keeps the inner capitals of each word: `not_sending_status` → `NotSendingStatus`,
 * `Custom IMAP/SMTP` → `CustomIMAPSMTP`, `listCampaign` → `ListCampaign`. A leading digit is kept (callers that
 * need an identifier prefix it, see {@link typeName}).
 */
export function pascalCase(text: string): string {
  return words(text).map(upperFirst).join("");
}

/** `CampaignStatus` → `campaignStatus`; a leading acronym is lowered as a whole (`AIAgentType` → `aiAgentType`). */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  const acronym = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(pascal)?.[0];
  if (acronym && acronym.length > 1) return acronym.toLowerCase() + pascal.slice(acronym.length);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A PascalCase identifier: as {@link pascalCase}, with `_` before a leading digit (`def-38` → `Def38`, `3d` → `_3d`). */
export function typeName(text: string): string {
  const name = pascalCase(text);
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

/**
 * Longest generated name. Names become file names too (orval writes a file per tag and per model, named after
 * the operation or schema, plus suffixes such as `QueryResult`): 100 leaves room under the 255-byte limit.
 */
export const MAX_NAME_LENGTH = 100;

/**
 * The last step of every name made from spec text: a reserved word gets a leading `_` (`delete` → `_delete`),
 * a name over {@link MAX_NAME_LENGTH} keeps its start plus 8 hex digits of its sha256 — deterministic, and two
 * long names that share a prefix stay distinct. Neither adds an inner `_`: orval re-cases names word by word
 * (`a_b` → `aB`), and the hooks target finds orval's functions by the operationId.
 */
export function finishName(name: string): string {
  if (name.length > MAX_NAME_LENGTH) {
    const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
    return `${name.slice(0, MAX_NAME_LENGTH - 8)}${hash}`;
  }
  return isReservedWord(name) ? `_${name}` : name;
}

/**
 * The type name of a schema titled `title`, as normalization names component schemas: {@link typeName} with `&`
 * spelled `And` (how the API itself renamed it: `Blacklist & SpamAssassin` → `BlacklistAndSpamAssassin`), then
 * {@link finishName}. The diff identifies a raw `def-N` schema by it, so both sides of a diff agree with the
 * generator.
 */
export function titleTypeName(title: string): string {
  return finishName(typeName(title.replace(/&/g, " And ")));
}
