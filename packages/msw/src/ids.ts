/** mulberry32: a tiny seeded PRNG, so ids of created items are the same in every run with the same seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedNumber(seed: number | string): number {
  if (typeof seed === "number") return seed;
  let hash = 2166136261;
  for (let index = 0; index < seed.length; index++) hash = Math.imul(hash ^ seed.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** Deterministic UUIDs (version 4 layout) and an ever-increasing clock, restartable with `reset()`. */
export class IdSource {
  readonly #seed: number;
  #random: () => number;
  #tick = 0;
  static readonly EPOCH = Date.parse("2026-01-01T00:00:00.000Z");

  constructor(seed: number | string = 1) {
    this.#seed = seedNumber(seed);
    this.#random = mulberry32(this.#seed);
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.#random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** One second later than the previous call: creation order is visible in timestamps. */
  now(): string {
    this.#tick += 1;
    return new Date(IdSource.EPOCH + this.#tick * 1000).toISOString();
  }

  reset(): void {
    this.#random = mulberry32(this.#seed);
    this.#tick = 0;
  }
}
