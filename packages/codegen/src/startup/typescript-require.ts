/**
 * Makes `import ts from "typescript"` in ES modules (openapi-typescript's, ours in watch/ and scopes/) load the
 * compiler the way `require()` does. typescript.js is a 9 MB CommonJS file without `"type"` in its package.json:
 * imported as an ES module, Node reads it as a string, runs its module-syntax detection over all of it, then its
 * CommonJS export lexer, before compiling it — about half a second of CPU per process that loads it (the types
 * target, every run) for names nobody imports: every importer takes the default export only.
 *
 * A resolve hook (Node's synchronous module hooks, `module.registerHooks`) answers an ES-module import of the bare
 * name "typescript" with {@link ./typescript-default.ts}, whose default export is `require()` of the very file the
 * import would have loaded (its URL travels in the query), so every importer keeps its own copy of the compiler
 * and gets the same object as before. A named import from "typescript" would fail to link — loudly, at start-up.
 * Without `registerHooks` (Node < 22.15) nothing changes.
 */
import module from "node:module";
import { extname } from "node:path";

// Beside this module: src/startup/typescript-default.ts from source, dist/typescript-default.mjs in the bundle
// (whose modules all sit at dist/'s root; src/bundle/build.ts).
const OWN_EXTENSION = extname(new URL(import.meta.url).pathname);
const DEFAULT_EXPORT = new URL(`./typescript-default${OWN_EXTENSION}`, import.meta.url).href;

export function loadTypescriptThroughRequire(): void {
  if (typeof module.registerHooks !== "function") return;
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      if (specifier !== "typescript" || !context.conditions.includes("import")) return resolved;
      return { url: `${DEFAULT_EXPORT}?of=${encodeURIComponent(resolved.url)}`, shortCircuit: true };
    },
  });
}
