/**
 * The one ordering rule of generated output: Unicode code points, independent of the machine's locale
 * (`localeCompare` orders `getAIAgent`/`getAccount` differently under different ICU data and locales, and
 * generated files must be byte-identical everywhere).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.codePointAt(index) as number;
    const y = b.codePointAt(index) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) index++; // a surrogate pair: both strings had the same one
  }
  return a.length - b.length;
}

/** Sorts a copy of `items` by the code points of `key(item)`. */
export function sortedBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareCodePoints(key(a), key(b)));
}
