import { jsdoc, propertyKey, stringLiteral } from "../../emit/index.ts";
import { labelFunctionName, type NumericEnum } from "../../model/index.ts";

/**
 * Readable constants for the spec's numeric enums (the model names them, see model/enums.ts). The API documents
 * codes such as campaign status `-99` "Account Suspended" only in `x-enumDescriptions`; we emit, per enum:
 *   `CampaignStatus` (`as const` object + value union type), `CampaignStatusLabels`, `campaignStatusLabel()`.
 * `as const` objects rather than TS enums: erasable, tree-shakeable, and literal-typed.
 */

function renderEnum(numericEnum: NumericEnum): string {
  const { name, members } = numericEnum;
  const labels = `${name}Labels`;
  const lines = [
    jsdoc([`${numericEnum.source} — codes and labels from the spec's \`x-enumDescriptions\`.`]),
    `export const ${name} = {`,
    ...members.map((member) => `  ${propertyKey(member.name)}: ${member.value},`),
    "} as const;",
    `export type ${name} = (typeof ${name})[keyof typeof ${name}];`,
    `/** The spec's description of each \`${name}\` code. */`,
    `export const ${labels} = {`,
    ...members.map((member) => `  ${stringLiteral(String(member.value))}: ${stringLiteral(member.label)},`),
    `} as const satisfies Record<${name}, string>;`,
    `/** The label of a \`${name}\` code, e.g. for display. */`,
    `export const ${labelFunctionName(name)} = (value: ${name}): (typeof ${labels})[${name}] => ${labels}[value];`,
  ];
  for (const alias of numericEnum.aliases) {
    lines.push(
      jsdoc([`${alias.source} — the same codes as \`${name}\`.`]),
      `export const ${alias.name} = ${name};`,
      `export type ${alias.name} = ${name};`,
      `export const ${alias.name}Labels = ${labels};`,
      `export const ${labelFunctionName(alias.name)} = ${labelFunctionName(name)};`,
    );
  }
  return lines.join("\n");
}

export function renderEnums(enums: readonly NumericEnum[]): string {
  if (enums.length === 0) return "export {};\n";
  return `${enums.map(renderEnum).join("\n\n")}\n`;
}
