/**
 * Spec text inside generated comments. A comment is the one context where escaping is easy to forget and
 * costly to get wrong: `*\/` ends a block comment, and any line terminator (including U+2028/U+2029, which
 * JavaScript treats as line breaks) ends a line comment — the rest of the "comment" is then code.
 */

// Every sequence ECMAScript treats as a line terminator (CRLF first so it becomes one break).
const LINE_TERMINATORS = /\r\n|[\n\r\u2028\u2029]/g;

/** `*\/` can never close a block comment once its slash is escaped; `\` is doubled so the escape reads back. */
function escapeBlockText(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("*/", "*\\/");
}

/** Reverses {@link escapeBlockText} (used by tests to prove the text round-trips). */
export function unescapeBlockText(text: string): string {
  return text.replace(/\\(\\|\/)/g, "$1");
}

/**
 * A JSDoc block (`/** … *\/`) with one paragraph per entry. Lines keep their breaks (as JSDoc lines) and
 * their content escaped; a line starting with `@` is not a tag from the spec (only `tags` entries are), so its
 * `@` is escaped as JSDoc allows (`\@`). Empty input gives "" so callers can emit docs conditionally.
 */
export function jsdoc(paragraphs: readonly (string | undefined)[], tags: readonly string[] = []): string {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined || paragraph.trim() === "") continue;
    if (lines.length > 0) lines.push("");
    for (const line of paragraph.trim().split(LINE_TERMINATORS)) {
      lines.push(escapeBlockText(line.trimEnd()).replace(/^(\s*)@/, "$1\\@"));
    }
  }
  for (const tag of tags)
    lines.push(...tag.split(LINE_TERMINATORS).map((line) => escapeBlockText(line.trimEnd())));
  if (lines.length === 0) return "";
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ["/**", ...lines.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"].join("\n");
}

/** A `//` comment on one line: line terminators become spaces, so nothing after them can become code. */
export function lineComment(text: string): string {
  return `// ${text.replace(LINE_TERMINATORS, " ")}`;
}
