// The built package: valid Node ESM (the real `node` imports it), and a main entry a browser can load
// (no Node built-ins anywhere in its import graph — the server lives in the ./node entry).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Every bare specifier imported from `entry` through its relative imports. */
function importGraph(entry: string): { files: string[]; external: Set<string> } {
  const files: string[] = [];
  const external = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(file, "utf8");
    const statics = source.matchAll(/^(?:import\b|export\s*(?:\*|\{))[^;]*?\bfrom\s*["']([^"']+)["']/gms);
    const dynamics = source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
    for (const [, specifier] of [...statics, ...dynamics]) {
      if (!specifier) continue;
      if (specifier.startsWith(".")) queue.push(resolve(dirname(file), specifier));
      else external.add(specifier);
    }
  }
  return { files, external };
}

describe("built output", () => {
  it("main entry imports only msw and our types package (the scopes of each operation), nothing from Node", () => {
    const { files, external } = importGraph(join(dist, "index.js"));
    expect(files.length).toBeGreaterThan(5);
    expect([...external].filter((name) => NODE_BUILTINS.has(name))).toEqual([]);
    expect([...external].sort()).toEqual(["@instantly-kit/types", "msw"]);
  });

  it("the ./node entry is where node:http lives", () => {
    expect(importGraph(join(dist, "node.js")).external).toContain("node:http");
  });

  it("loads in plain Node ESM and answers a request through getResponse", async () => {
    const script = `
      const { handlers, operationSpecs } = await import(${JSON.stringify(join(dist, "index.js"))});
      const { getResponse } = await import("msw");
      const response = await getResponse(handlers, new Request("https://api.instantly.ai/api/v2/campaigns/abc"));
      console.log(JSON.stringify({ count: handlers.length, operations: Object.keys(operationSpecs).length, status: response.status }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
    });
    const result = JSON.parse(stdout);
    expect(result.count).toBe(result.operations);
    expect(result.status).toBe(200);
  });
});
