import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./helpers/process.ts";
import { releaseScript, repoRoot } from "./helpers/repo.ts";
import { type LocalRegistry, startLocalRegistry } from "./helpers/verdaccio.ts";

// `pnpm release` end to end — changeset version, turbo build, tarball check, pnpm publish — on a scratch
// workspace with one small package (the real repo must not be versioned by a test), against a real registry.
let registry: LocalRegistry;
let workspace: string;
const name = "@instantly-kit/fixture-release";
const pkgDir = () => join(workspace, "packages", "fixture");
const manifest = () => JSON.parse(readFileSync(join(pkgDir(), "package.json"), "utf8"));

beforeAll(async () => {
  registry = await startLocalRegistry();
  workspace = mkdtempSync(join(tmpdir(), "instantly-kit-release-ws-"));
  const write = (file: string, text: string) => {
    mkdirSync(join(workspace, file, ".."), { recursive: true });
    writeFileSync(join(workspace, file), text);
  };
  write("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  write(
    "package.json",
    JSON.stringify({ name: "release-ws", private: true, packageManager: "pnpm@10.34.8" }),
  );
  write("turbo.json", JSON.stringify({ tasks: { build: { outputs: ["dist/**"] } } }));
  // changesets and turbo from the real workspace, as `pnpm exec` finds them in a real checkout.
  symlinkSync(join(repoRoot, "node_modules"), join(workspace, "node_modules"));
  const config = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8"));
  write(".changeset/config.json", JSON.stringify({ ...config, fixed: [], ignore: [] }));
  write(".changeset/answer.md", `---\n"${name}": minor\n---\n\nThe answer is now exported.\n`);
  write(
    "packages/fixture/package.json",
    JSON.stringify({
      name,
      version: "1.0.0",
      type: "module",
      files: ["dist"],
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./package.json": "./package.json",
      },
      scripts: { build: "node build.mjs" },
    }),
  );
  write(
    "packages/fixture/build.mjs",
    [
      'import { mkdirSync, writeFileSync } from "node:fs";',
      'mkdirSync("dist", { recursive: true });',
      'writeFileSync("dist/index.js", "export const answer = 42;\\n");',
      'writeFileSync("dist/index.d.ts", "export declare const answer: 42;\\n");',
      "",
    ].join("\n"),
  );
});

afterAll(async () => {
  await registry?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

function release(...args: string[]) {
  return run(process.execPath, [releaseScript, "--no-git-checks", "--registry", registry.url, ...args], {
    cwd: workspace,
    env: { ...process.env, npm_config_userconfig: registry.npmrc },
    timeoutMs: 480_000,
  });
}

async function publishedVersions(): Promise<string[]> {
  const response = await fetch(`${registry.url}/${name.replace("/", "%2f")}`);
  if (response.status === 404) return [];
  return Object.keys(((await response.json()) as { versions: object }).versions);
}

describe("pnpm release", () => {
  it("--dry-run builds and checks but versions and publishes nothing", async () => {
    const result = await release("--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("version: would apply 1 changeset(s): answer.md");
    expect(result.stdout).toContain("dry run done: nothing was written or published");
    expect(manifest().version).toBe("1.0.0");
    expect(existsSync(join(workspace, ".changeset", "answer.md"))).toBe(true);
    expect(existsSync(join(pkgDir(), "dist", "index.js"))).toBe(true); // the build did run
    expect(await publishedVersions()).toEqual([]);
  });

  it("versions with changesets, builds, and publishes the new version", async () => {
    rmSync(join(pkgDir(), "dist"), { recursive: true });
    const result = await release();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(manifest().version).toBe("1.1.0"); // minor over 1.0.0
    expect(readFileSync(join(pkgDir(), "CHANGELOG.md"), "utf8")).toContain("The answer is now exported.");
    expect(existsSync(join(workspace, ".changeset", "answer.md"))).toBe(false);
    expect(await publishedVersions()).toEqual(["1.1.0"]);
    const tarball = await fetch(`${registry.url}/${name}/-/fixture-release-1.1.0.tgz`);
    expect(tarball.status).toBe(200);
  });
});
