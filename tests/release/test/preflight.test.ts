import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preflightProblems } from "../../../scripts/release/preflight.ts";
import { run } from "./helpers/process.ts";
import { releaseScript } from "./helpers/repo.ts";
import { type LocalRegistry, startLocalRegistry } from "./helpers/verdaccio.ts";

// Given → want, worked out by hand from what npm and TypeScript do with such a manifest.
describe("preflightProblems", () => {
  const good = {
    name: "@instantly-kit/x",
    version: "1.0.0",
    files: ["package.json", "dist/index.js", "dist/index.d.ts"],
    manifest: {
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./package.json": "./package.json",
      },
      types: "./dist/index.d.ts",
      dependencies: { "openapi-fetch": "0.17.0", "@instantly-kit/types": "1.0.0" },
    },
  };

  it("accepts a complete package", () => {
    expect(preflightProblems(good)).toEqual([]);
  });

  it("names every export target missing from the tarball", () => {
    const problems = preflightProblems({ ...good, files: ["package.json"] });
    expect(problems).toEqual([
      '@instantly-kit/x@1.0.0: exports["."]["types"] points to ./dist/index.d.ts, which is not in the tarball',
      '@instantly-kit/x@1.0.0: exports["."]["default"] points to ./dist/index.js, which is not in the tarball',
      '@instantly-kit/x@1.0.0: "types" points to ./dist/index.d.ts, which is not in the tarball',
    ]);
  });

  it("rejects ranges only a workspace can resolve", () => {
    const manifest = {
      ...good.manifest,
      dependencies: { a: "workspace:*", b: "catalog:" },
      peerDependencies: { c: "link:../c" },
    };
    expect(preflightProblems({ ...good, manifest })).toEqual([
      '@instantly-kit/x@1.0.0: dependencies.a is "workspace:*", which only resolves inside the workspace',
      '@instantly-kit/x@1.0.0: dependencies.b is "catalog:", which only resolves inside the workspace',
      '@instantly-kit/x@1.0.0: peerDependencies.c is "link:../c", which only resolves inside the workspace',
    ]);
  });

  it("rejects a types condition TypeScript would never reach, and a missing exports map", () => {
    const late = { exports: { ".": { default: "./dist/index.js", types: "./dist/index.d.ts" } } };
    expect(preflightProblems({ ...good, manifest: late })).toEqual([
      '@instantly-kit/x@1.0.0: exports["."] lists "types" after "default", so TypeScript never sees it',
    ]);
    expect(preflightProblems({ ...good, manifest: {} })).toEqual([
      '@instantly-kit/x@1.0.0: no "exports" map',
    ]);
  });
});

// The real script, on a throwaway workspace of broken packages, against a real registry: it must refuse
// before publishing anything.
describe("pnpm release refuses broken packages", () => {
  let registry: LocalRegistry;
  let workspace: string;

  beforeAll(async () => {
    registry = await startLocalRegistry();
    workspace = mkdtempSync(join(tmpdir(), "instantly-kit-broken-ws-"));
    writeFileSync(join(workspace, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    writeFileSync(
      join(workspace, "package.json"),
      JSON.stringify({ name: "broken-ws", private: true, packageManager: "pnpm@10.34.8" }),
    );
    const pkg = (dir: string, manifest: Record<string, unknown>, files: Record<string, string>) => {
      mkdirSync(join(workspace, "packages", dir, "dist"), { recursive: true });
      writeFileSync(join(workspace, "packages", dir, "package.json"), JSON.stringify(manifest, null, 2));
      for (const [file, text] of Object.entries(files))
        writeFileSync(join(workspace, "packages", dir, file), text);
    };
    const base = (name: string) => ({
      name: `@instantly-kit/${name}`,
      version: "9.9.9",
      type: "module",
      files: ["dist"],
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./package.json": "./package.json",
      },
    });
    // Built into dist/ but `files` forgets it: the source folder looks fine, the tarball has no code.
    pkg(
      "no-dist",
      { ...base("fixture-no-dist"), files: ["README.md"] },
      {
        "dist/index.js": "export const x = 1;\n",
        "dist/index.d.ts": "export declare const x: number;\n",
        "README.md": "no dist\n",
      },
    );
    // exports points at a file the build never wrote.
    pkg(
      "bad-exports",
      {
        ...base("fixture-bad-exports"),
        exports: { ".": { types: "./dist/index.d.ts", default: "./dist/main.js" } },
      },
      { "dist/index.js": "export const x = 1;\n", "dist/index.d.ts": "export declare const x: number;\n" },
    );
    // A local range pnpm does not rewrite.
    pkg(
      "local-range",
      {
        ...base("fixture-local-range"),
        dependencies: { "@instantly-kit/fixture-no-dist": "file:../no-dist" },
      },
      {
        "dist/index.js": "export const x = 1;\n",
        "dist/index.d.ts": "export declare const x: number;\n",
      },
    );
  });

  afterAll(async () => {
    await registry?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("lists every problem, exits non-zero, and publishes nothing", async () => {
    const result = await run(
      process.execPath,
      [releaseScript, "--skip-version", "--skip-build", "--no-git-checks", "--registry", registry.url],
      { cwd: workspace, env: { ...process.env, npm_config_userconfig: registry.npmrc } },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      '@instantly-kit/fixture-no-dist@9.9.9: exports["."]["default"] points to ./dist/index.js, which is not in the tarball',
    );
    expect(result.stderr).toContain(
      '@instantly-kit/fixture-bad-exports@9.9.9: exports["."]["default"] points to ./dist/main.js, which is not in the tarball',
    );
    expect(result.stderr).toContain(
      '@instantly-kit/fixture-local-range@9.9.9: dependencies.@instantly-kit/fixture-no-dist is "file:../no-dist"',
    );
    expect(result.stderr).toMatch(/^error: \d+ problem\(s\) in the packed packages; nothing was published$/m);
    expect(result.stdout).not.toContain("release: publish");
    for (const name of ["fixture-no-dist", "fixture-bad-exports", "fixture-local-range"]) {
      const response = await fetch(`${registry.url}/@instantly-kit%2f${name}`);
      expect(response.status, name).toBe(404);
    }
  });

  it("rejects bad arguments with one line", async () => {
    const result = await run(process.execPath, [releaseScript, "--registry", "not a url"], {
      cwd: workspace,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: --registry needs an http(s) URL, got "not a url"');
  });
});
