// The sequence is pinned: the property tests' default seeds (zod-unique-items.test.ts, the hostile pipeline's)
// draw their cases from it, so a change to it would quietly swap the cases a green run stands for.
import { describe, expect, it } from "vitest";
import { seededRandom } from "./seeded-random.ts";

const first = (seed: number, count = 3) => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => next());
};

describe("seededRandom", () => {
  it("draws mulberry32's sequence for a seed", () => {
    expect(first(20261127)).toEqual([0.5312688171397895, 0.17145229317247868, 0.6793673252686858]);
    expect(first(0)).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
  });

  it("takes the seed as an unsigned 32-bit integer", () => {
    expect(first(-1)).toEqual(first(2 ** 32 - 1));
    expect(first(2 ** 32 + 5)).toEqual(first(5));
  });

  it("stays in [0, 1)", () => {
    expect(first(7, 1000).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
