/**
 * The runtime behind the generated enum helpers (generated/enums.gen.ts): `isCampaignStatus(x)`,
 * `campaignStatusLabel(code)`, `campaignStatusDescription(code)`. Hand-written once here so every generated
 * helper is a one-line call, and tested in test/enum-runtime.test.ts.
 *
 * Codes are looked up by their string form (`String(-99)` → `"-99"`, `String(null)` → `"null"`), exactly the
 * keys of the generated `…Labels`/`…Descriptions` maps, and only as own keys: `"constructor"` or `"__proto__"` is
 * never a code.
 */

/** What a label or description function returns for a code the spec this package was generated from does not know. */
export function unknownEnumLabel(code: unknown): string {
  return `Unknown (${String(code)})`;
}

/** Whether `value` is a code of the map (a number, or `null` when the enum has a "no code" member). */
export function isEnumCode(texts: Readonly<Record<string, string>>, value: unknown): boolean {
  return (typeof value === "number" || value === null) && Object.hasOwn(texts, String(value));
}

/**
 * The text of `code` in `texts`; `undefined` reads as `null` (an absent property is the "no code" state when the
 * enum has one); any other code the map does not have gives {@link unknownEnumLabel} — never a throw: the API
 * adds codes before the spec (and this package) knows them.
 */
export function enumText(texts: Readonly<Record<string, string>>, code: number | null | undefined): string {
  const value = code === undefined ? null : code;
  return isEnumCode(texts, value) ? (texts[String(value)] as string) : unknownEnumLabel(code);
}
