import { CliError, quoteForMessage } from "../errors.ts";

/**
 * Paths are the one kind of spec text we refuse rather than escape. Every target carries them into code (string
 * literals, template literals in orval's request functions, query keys, route tables), and a path is data with
 * a grammar: RFC 3986 path characters (`unreserved / pct-encoded / sub-delims / ":" / "@"` and `/`) plus
 * OpenAPI's `{name}` templates. A backtick, `${`, a quote, a backslash, whitespace, a line terminator, `<` or a
 * non-ASCII character cannot be in a URL path (it would be percent-encoded), so a spec that has one is broken or
 * hostile — either way no request could use it as written. Template names become parameter names in generated
 * functions (orval camel-cases them), so they are plain names; `${` is refused too (see below). The hostile characters a valid path CAN hold
 * (`*`, `/`, `'`, `$`, `(`, `;`, `=`…) are escaped by every target (test/hostile-pipeline.test.ts).
 */
const LITERAL = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const TEMPLATE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Why `path` is not a valid OpenAPI path template, or undefined if it is one. */
export function pathTemplateProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return "it does not start with /";
  // `$` is a valid path character, but `${` reads as a template-literal placeholder to every generator that
  // builds URLs with template literals: orval escapes it and silently drops the parameter. Encode it (%24).
  if (path.includes("${"))
    return "`$` right before a `{parameter}` reads as `${` (percent-encode the $ as %24)";
  for (const part of path.split(/(\{[^{}]*\})/)) {
    const template = /^\{(.*)\}$/s.exec(part);
    if (template) {
      if (!TEMPLATE_NAME.test(template[1] as string)) {
        return `parameter ${quoteForMessage(template[1] as string)} is not a plain name (letters, digits, _ . -)`;
      }
    } else if (!LITERAL.test(part)) {
      const bad = [...part].find((char) => !LITERAL.test(char)) ?? part;
      return `${quoteForMessage(bad)} is not a URL path character (percent-encode it)`;
    }
  }
  return undefined;
}

/** Refuses, in one line naming the path, a document with a path that is not a valid path template. */
export function checkPathTemplates(raw: Record<string, unknown>, source: string): void {
  const paths = raw.paths;
  if (typeof paths !== "object" || paths === null) return;
  for (const path of Object.keys(paths)) {
    const problem = pathTemplateProblem(path);
    if (problem) throw new CliError(`${source}: path ${quoteForMessage(path)} is refused: ${problem}`);
  }
}
