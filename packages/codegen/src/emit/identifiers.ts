import { stringLiteral } from "./literals.ts";

/**
 * Names that reach generated code as identifiers. They are built from spec text by the naming rules; this is
 * the last gate: anything that is not a plain identifier (or is a reserved word) is refused rather than emitted,
 * because an identifier cannot be escaped — only quoted, where the syntax allows it (see {@link propertyKey}).
 */

// Reserved words of ECMAScript/TypeScript that cannot name a `const`/`type`/`function`.
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with implements interface let package private protected public static yield await any boolean never number object string symbol undefined unknown bigint type".split(
    " ",
  ),
);

/** A plain ASCII identifier: what our naming rules produce and every tool downstream handles. */
const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name);
}

/** A reserved word of ECMAScript/TypeScript: it cannot name a generated `const`, `type` or `function`. */
export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

/** `name` if it can declare a binding (`export const name`), else an error that names the offending text. */
export function identifier(name: string): string {
  if (!isIdentifier(name) || isReservedWord(name)) {
    throw new Error(`cannot use ${stringLiteral(name.slice(0, 80))} as a generated identifier`);
  }
  return name;
}

/**
 * An object literal key: bare when it is an identifier, a string literal otherwise — and `__proto__` as a
 * computed key, because in an object literal a plain `__proto__:` sets the prototype instead of a property.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return isIdentifier(key) ? key : stringLiteral(key);
}
