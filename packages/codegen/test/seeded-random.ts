// The tests' one seeded random source (mulberry32: tiny, fast, and a sequence fixed by its seed), so that a
// generated case is reproduced from the seed its failure names. msw's src/ids.ts has its own copy: runtime code of
// another package, which the tests do not import from.

/** Numbers in [0, 1), the same sequence for the same seed (taken as an unsigned 32-bit integer). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
