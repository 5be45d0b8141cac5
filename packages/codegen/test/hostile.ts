// Spec text that tries to leave its context in generated code: shared by the escaping tests.

// Hostile fragments: every way text can leave its context in TypeScript/JavaScript.
export const FRAGMENTS = [
  "*/",
  "/*",
  "`",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder in plain spec text is the attack tested
  "${globalThis.pwned = 1}",
  '"',
  "'",
  "\\",
  "\\u002a/",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u2029",
  "</script>",
  "<!--",
  "😀",
  "\ud800",
  "@deprecated",
  "__proto__",
  "\u0000",
  "x".repeat(5000),
];

/** Seeded, deterministic strings made of hostile fragments and plain text. */
export function* hostileStrings(count: number): Generator<string> {
  let state = 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state;
  };
  yield* FRAGMENTS;
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const length = 1 + (next() % 6);
    for (let j = 0; j < length; j++) {
      parts.push(next() % 3 === 0 ? "text " : (FRAGMENTS[next() % FRAGMENTS.length] as string).slice(0, 40));
    }
    yield parts.join("");
  }
}
