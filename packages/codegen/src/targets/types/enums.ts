import { jsdoc, propertyKey, stringLiteral } from "../../emit/index.ts";
import { enumExportNames, type NumericEnum } from "../../model/index.ts";

/**
 * Readable constants for the spec's numeric enums (the model names them, see model/enums.ts). The API documents
 * codes such as campaign status `-99` "Account Suspended" only in `x-enumDescriptions`; we emit, per enum:
 *   `CampaignStatus` (`as const` object + value union type), `isCampaignStatus()` (type guard),
 *   `CampaignStatusLabels` + `campaignStatusLabel()` (short labels), `CampaignStatusDescriptions` +
 *   `campaignStatusDescription()` (the spec's whole text).
 * `as const` objects rather than TS enums: erasable, tree-shakeable, and literal-typed. Label and description
 * functions never throw: a code the spec does not know yet gives `"Unknown (7)"` (../enum-runtime.ts), typed
 * `string`; a known code gives its literal text. The "no code" state, when the model finds one, is a member of
 * value `null` (key `"null"` in the maps, `String(null)`).
 */

/** One entry per code of the maps, keyed by the code's string form (what `enumText` looks up). */
function textEntries(numericEnum: NumericEnum, text: "label" | "description"): string[] {
  const entries = numericEnum.members.map(
    (member) => `  ${stringLiteral(String(member.value))}: ${stringLiteral(member[text])},`,
  );
  if (numericEnum.absent) entries.unshift(`  "null": ${stringLiteral(numericEnum.absent[text])},`);
  return entries;
}

function renderEnum(numericEnum: NumericEnum): string {
  const { name, members, absent } = numericEnum;
  const names = enumExportNames(name);
  // With a "no code" member, an absent property (`undefined`) reads as that state.
  const codeType = absent ? "number | null | undefined" : "number";
  const keys = `\`\${${name}}\``;
  const example = members[0];
  const exampleCode = example ? String(example.value) : "null";
  const textFunction = (fn: string, map: string, what: string) => {
    // On both overloads: an editor shows the doc of the overload a call resolved to (a known code or any number).
    const doc = jsdoc(
      [
        `The ${what} of a \`${name}\` code${absent ? ` (\`null\` or \`undefined\`: ${stringLiteral(absent.label)})` : ""}.`,
        'A code the spec does not document gives `"Unknown (<code>)"` instead of throwing; a known code is typed as its literal text.',
      ],
      example
        ? [
            `@example\n${fn}(${name}.${example.name}); // ${stringLiteral(example[what === "short label" ? "label" : "description"])}`,
          ]
        : [],
    );
    return [
      doc,
      `export function ${fn}<Code extends ${name}>(code: Code): (typeof ${map})[\`\${Code}\`];`,
      doc,
      `export function ${fn}(code: ${codeType}): string;`,
      `export function ${fn}(code: ${codeType}): string {`,
      `  return enumText(${map}, code);`,
      "}",
    ];
  };
  const lines = [
    jsdoc(
      [
        `${numericEnum.source}: the codes of the spec's \`x-enumDescriptions\`, by name.`,
        `Labels: \`${names.label}(code)\`; whole descriptions: \`${names.description}(code)\`; narrowing: \`${names.guard}(value)\`.`,
      ],
      example ? [`@example\nif (value === ${name}.${example.name}) { … } // ${exampleCode}`] : [],
    ),
    `export const ${name} = {`,
    ...(absent ? [`  ${jsdoc([absent.description])}`, `  ${propertyKey(absent.name)}: null,`] : []),
    ...members.flatMap((member) => [
      `  ${jsdoc([member.description])}`,
      `  ${propertyKey(member.name)}: ${member.value},`,
    ]),
    "} as const;",
    jsdoc([
      `A \`${name}\` code (${numericEnum.source})${absent ? `, or \`null\`: ${stringLiteral(absent.label)}` : ""}.`,
    ]),
    `export type ${name} = (typeof ${name})[keyof typeof ${name}];`,
    jsdoc(
      [
        `Whether \`value\` is a \`${name}\` code the spec documents${absent ? " (or `null`)" : ""}: narrows an API value before a \`switch\`.`,
      ],
      [`@example\nif (${names.guard}(value)) ${names.label}(value);`],
    ),
    `export function ${names.guard}(value: unknown): value is ${name} {`,
    `  return isEnumCode(${names.labels}, value);`,
    "}",
    jsdoc([`The short label of each \`${name}\` code (the leading clause of the spec's description).`]),
    `export const ${names.labels} = {`,
    ...textEntries(numericEnum, "label"),
    `} as const satisfies Record<${keys}, string>;`,
    jsdoc([`The spec's whole description of each \`${name}\` code.`]),
    `export const ${names.descriptions} = {`,
    ...textEntries(numericEnum, "description"),
    `} as const satisfies Record<${keys}, string>;`,
    ...textFunction(names.label, names.labels, "short label"),
    ...textFunction(names.description, names.descriptions, "whole description"),
  ];
  for (const alias of numericEnum.aliases) {
    const aliasNames = enumExportNames(alias.name);
    const same = (what: string) => jsdoc([`${alias.source}: the same as \`${what}\`.`]);
    lines.push(
      same(name),
      `export const ${alias.name} = ${name};`,
      same(name),
      `export type ${alias.name} = ${name};`,
      same(names.guard),
      `export const ${aliasNames.guard} = ${names.guard};`,
      same(names.labels),
      `export const ${aliasNames.labels} = ${names.labels};`,
      same(names.label),
      `export const ${aliasNames.label} = ${names.label};`,
      same(names.descriptions),
      `export const ${aliasNames.descriptions} = ${names.descriptions};`,
      same(names.description),
      `export const ${aliasNames.description} = ${names.description};`,
    );
  }
  return lines.join("\n");
}

export function renderEnums(enums: readonly NumericEnum[]): string {
  if (enums.length === 0) return "export {};\n";
  return `import { enumText, isEnumCode } from "../enum-runtime.js";\n\n${enums.map(renderEnum).join("\n\n")}\n`;
}
