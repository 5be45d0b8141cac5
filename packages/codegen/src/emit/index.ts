/**
 * The one escaping layer between spec text and generated code: every string that comes from the spec and lands
 * in generated TypeScript goes through the function for its context — a comment ({@link jsdoc},
 * {@link lineComment}), a string or JSON literal ({@link stringLiteral}, {@link jsonLiteral}), a template
 * literal ({@link templateText}), an identifier/key ({@link identifier}, {@link propertyKey}) or generated Markdown
 * ({@link markdownText}, {@link markdownCode}, {@link markdownHeading}: docs/api.md).
 * Code built with the TypeScript compiler API (ts.factory) is escaped by the printer and needs none of this.
 */
export { jsdoc, lineComment, unescapeBlockText } from "./comments.ts";
export { identifier, isIdentifier, isReservedWord, propertyKey } from "./identifiers.ts";
export { jsonLiteral, stringLiteral, templateText } from "./literals.ts";
export { markdownCode, markdownHeading, markdownText } from "./markdown.ts";
