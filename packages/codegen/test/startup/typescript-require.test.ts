// The start-up hook that makes `import ts from "typescript"` load the compiler through require()
// (src/startup/typescript-require.ts). Each case runs in a fresh Node process: module hooks are per process.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";

const hook = pathToFileURL(
  join(import.meta.dirname, "..", "..", "src", "startup", "typescript-require.ts"),
).href;
const codegen = join(import.meta.dirname, "..", "..");
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Runs an ES module (written inside packages/codegen so "typescript" resolves) and returns its stdout, parsed. */
async function run(source: string): Promise<unknown> {
  const dir = await mkdtemp(join(codegen, ".tmp-startup-"));
  dirs.push(dir);
  const file = join(dir, "probe.mjs");
  await writeFile(file, source);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [file], { timeout: 240_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

describe("loadTypescriptThroughRequire", () => {
  test("an ES-module default import of typescript is the very object require() gives, from the file the import resolves to", async () => {
    const result = await run(`
      import { createRequire } from "node:module";
      const { loadTypescriptThroughRequire } = await import(${JSON.stringify(hook)});
      loadTypescriptThroughRequire();
      const { default: imported } = await import("typescript");
      const require = createRequire(import.meta.url);
      const required = require("typescript");
      const source = imported.createSourceFile("a.ts", "const a: number = 1;", imported.ScriptTarget.Latest);
      console.log(JSON.stringify({
        resolved: import.meta.resolve("typescript"),
        real: require.resolve("typescript"),
        same: imported === required,
        cached: Object.keys(require.cache).filter((key) => key.endsWith("/typescript/lib/typescript.js")).length,
        statements: source.statements.length,
        version: imported.version === required.version,
      }));
    `);
    const { resolved, real, ...rest } = result as { resolved: string; real: string };
    // The import went through the hook: the default-export module, told which file to require.
    const url = new URL(resolved);
    expect(url.pathname.endsWith("/src/startup/typescript-default.ts")).toBe(true);
    expect(url.searchParams.get("of")).toBe(pathToFileURL(real).href);
    expect(rest).toEqual({ same: true, cached: 1, statements: 1, version: true });
  });

  test("other imports resolve as before, and require() of typescript is untouched", async () => {
    const result = await run(`
      import { createRequire } from "node:module";
      const { loadTypescriptThroughRequire } = await import(${JSON.stringify(hook)});
      loadTypescriptThroughRequire();
      const require = createRequire(import.meta.url);
      const path = await import("node:path");
      const yaml = await import("yaml");
      console.log(JSON.stringify({
        join: path.join("a", "b"),
        yaml: yaml.parse("a: 1"),
        required: require.resolve("typescript").endsWith("/typescript/lib/typescript.js"),
      }));
    `);
    expect(result).toEqual({ join: "a/b", yaml: { a: 1 }, required: true });
  });
});
