/**
 * Spec text in generated Markdown (docs/api.md): a table cell must stay one cell of one row, and text must stay
 * text — no link, image, HTML tag, heading or emphasis can come from the spec. Markdown has no string type, so
 * everything that could mean something is backslash-escaped (CommonMark allows a backslash before any ASCII
 * punctuation) and line terminators become spaces.
 */

// Every sequence ECMAScript (and so a Markdown renderer reading JS strings) treats as a line terminator.
const LINE_TERMINATORS = /\r\n|[\n\r\u2028\u2029]/g;
// ASCII punctuation CommonMark lets a backslash escape; escaping all of it is simpler than knowing which matters.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Text as plain Markdown inline text on one line: every punctuation character escaped. */
export function markdownText(text: string): string {
  return text.replace(LINE_TERMINATORS, " ").replace(PUNCTUATION, (char) => `\\${char}`);
}

/**
 * Text as an inline code span on one line, inside a table cell. A backtick fence one longer than the longest
 * run of backticks inside (padded with spaces when the text starts or ends with one); `|` is escaped as `\|`,
 * which GitHub-flavoured tables require even inside code spans (the `\` is not shown).
 */
export function markdownCode(text: string): string {
  const flat = text.replace(LINE_TERMINATORS, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat.replaceAll("|", "\\|")}${pad}${fence}`;
}

/** A heading's text: one line, escaped like {@link markdownText}. */
export function markdownHeading(level: number, text: string): string {
  return `${"#".repeat(level)} ${markdownText(text)}`;
}
