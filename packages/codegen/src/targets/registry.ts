import type { Target } from "./target.ts";

/**
 * Every target, by the name `generate` takes, which is also its folder under packages/. Adding a target = adding
 * a folder under targets/ and a line here. Targets load lazily: `clean` and the argument check load none.
 */
export const TARGETS: Record<string, () => Promise<Target>> = {
  types: async () => (await import("./types/index.ts")).typesTarget,
  client: async () => (await import("./client/index.ts")).clientTarget,
  "react-query": async () => (await import("./react-query/index.ts")).reactQueryTarget,
  msw: async () => (await import("./msw/index.ts")).mswTarget,
  zod: async () => (await import("./zod/index.ts")).zodTarget,
};

export const TARGET_NAMES = Object.keys(TARGETS);

/**
 * How `generate all` spreads targets over threads. Targets in one unit run in one thread, one after the other:
 * react-query and zod both run orval, whose modules (and the TypeScript compiler their post-processing uses) a
 * thread then loads once instead of twice. `cost` is CPU seconds on the pinned spec, measured (ADR 0034); it only
 * balances the threads, so a stale number costs time, never output.
 */
export const WORK_UNITS: readonly { targets: readonly string[]; cost: number }[] = [
  { targets: ["react-query", "zod"], cost: 6.5 },
  { targets: ["types"], cost: 1.5 },
  { targets: ["msw"], cost: 1.5 },
  { targets: ["client"], cost: 0.2 },
];
