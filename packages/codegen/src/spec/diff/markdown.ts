/**
 * Spec text (property, parameter and enum names, paths) quoted in diff messages, which end up in the changelog
 * Markdown. A name may hold backticks, line breaks or Markdown syntax: it is put on one line and in a code span
 * whose fence is longer than any backtick run inside it (CommonMark), so it can neither end the span early nor
 * break the list item it sits in.
 */
export function code(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  // A space inside the fence keeps a leading/trailing backtick from joining it (CommonMark strips one space).
  const pad = flat.startsWith("`") || flat.endsWith("`") || /^ .* $/.test(flat) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Line breaks (and other vertical space) as single spaces: a Markdown list item is one line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\v\f]+/g, " ");
}
