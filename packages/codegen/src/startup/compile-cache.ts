/**
 * Node's on-disk compile cache (`module.enableCompileCache()`, Node ≥ 22.1), switched on just before the 9 MB
 * typescript.js is required: V8 then reads the compiled code of the previous run instead of parsing the file again
 * (~0.1 s of CPU per process that loads the compiler — the types and react-query targets — measured as 1.12 → 1.02 s
 * for importing targets/react-query/syntax.ts, five alternating pairs). Turned on there and
 * not at start-up on purpose: our own type-stripped modules gain nothing from it and checking the cache for each of
 * them made a whole run slower (ADR 0028). It stays on for what the process loads afterwards (orval's lazy
 * modules, esbuild's JavaScript API), which gains a little too. The cache lives in Node's default folder (the
 * system temp folder, or `NODE_COMPILE_CACHE`), is keyed by file content and Node version, and
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off; a cold run writes it once.
 */
import module from "node:module";

export function cacheCompiledCode(): void {
  // Absent on a Node without it: nothing changes.
  module.enableCompileCache?.();
}
