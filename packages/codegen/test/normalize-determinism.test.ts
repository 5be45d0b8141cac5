// Same meaning in → same bytes out: normalizing twice, or normalizing a document whose keys were
// shuffled (at every level), must give identical bytes — the lock's sha256 depends on it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize, serializeSpec } from "../src/spec/normalize/index.ts";
import { fixture, SPECS_DIR } from "./helpers.ts";

/** A deterministic pseudo-random generator, so a failure can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deep copy whose object keys are inserted in a random order (arrays keep theirs: they are ordered data). */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = shuffleKeys((value as Record<string, unknown>)[key], random);
  return out;
}

const bytes = (raw: unknown) => serializeSpec(normalize(raw).document);

describe("normalize is deterministic", () => {
  const inputs: [string, () => unknown][] = [
    ["alias-enums fixture", () => fixture("alias-enums.json")],
    ["def-n-schemas fixture", () => fixture("def-n-schemas.json")],
    ["newest real spec", () => JSON.parse(readFileSync(join(SPECS_DIR, "latest.json"), "utf8"))],
    [
      "oldest real spec (def-N, BOM)",
      () =>
        JSON.parse(readFileSync(join(SPECS_DIR, "2025-06-18_315a749.json"), "utf8").replace(/^\uFEFF/, "")),
    ],
  ];

  it.each(inputs)("%s: twice → same bytes", (_name, load) => {
    expect(bytes(load())).toBe(bytes(load()));
  });

  it.each(inputs)("%s: idempotent (normalizing the output changes nothing)", (_name, load) => {
    const once = bytes(load());
    expect(bytes(JSON.parse(once))).toBe(once);
  });

  it.each(inputs)("%s: keys shuffled at every level → same bytes", (_name, load) => {
    const raw = load();
    const shuffled = shuffleKeys(raw, mulberry32(42));
    // The shuffle really changed the serialized input…
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(raw));
    // …and not the output.
    expect(bytes(shuffled)).toBe(bytes(raw));
  });
});
