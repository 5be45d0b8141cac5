// The ES-module face of the TypeScript compiler for `import ts from "typescript"`: the CommonJS module the import
// resolved to (`?of=<url>`), loaded by `require()`. See typescript-require.ts for why.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cacheCompiledCode } from "./compile-cache.ts";

const of = new URL(import.meta.url).searchParams.get("of");
if (!of) throw new Error(`${import.meta.url}: no ?of=<url of typescript.js>`);
// The compiled code of typescript.js from an earlier run, if any (compile-cache.ts).
cacheCompiledCode();
const ts: unknown = createRequire(import.meta.url)(fileURLToPath(of));
export default ts;
