import { isIdentifier, propertyKey, stringLiteral } from "../emit/index.ts";

/** Identifier helpers shared by the targets: generated names must be valid, stable and readable. */

export { isIdentifier };

/** `not_sending_status` → `NotSendingStatus`, `Custom IMAP/SMTP` → `CustomIMAPSMTP`, `listCampaign` → `ListCampaign`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

/** `CampaignStatus` → `campaignStatus`; a leading acronym is lowered as a whole (`AIAgentType` → `aiAgentType`). */
export function camelCase(pascal: string): string {
  const acronym = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(pascal)?.[0];
  if (acronym && acronym.length > 1) return acronym.toLowerCase() + pascal.slice(acronym.length);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A string literal for generated code (see emit/literals.ts). */
export const literal = stringLiteral;

/** An object key for generated code (see emit/identifiers.ts). */
export const objectKey = propertyKey;
