/** Identifier helpers shared by the targets: generated names must be valid, stable and readable. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

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

/** A string literal for generated code (JSON escaping is valid TypeScript). */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** An object key for generated code: bare when it is an identifier, quoted otherwise. */
export function objectKey(key: string): string {
  return isIdentifier(key) ? key : literal(key);
}
