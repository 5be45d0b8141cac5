// After `turbo run build`, a package's src/generated/ holds exactly what the lock produces and its dist/
// exactly what src/ compiles to — also when turbo restores them from its cache. Turbo restores a cache hit
// on top of what is on disk (it never deletes), so without the `clean:*` tasks switching from one spec to
// another and back left the other spec's files in src/generated/ and dist/ (and `files: ["dist"]` would
// publish them). Real turbo, two real specs with different tag sets, on a scratch copy of the repo.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./helpers/process.ts";
import { repoRoot } from "./helpers/repo.ts";
import { copyWorkspaceLayout } from "./helpers/workspace-copy.ts";

const SPECS = join(repoRoot, "..", "shared", "specs");
// The oldest and the newest era: the newer has tags (so react-query files) the older lacks.
const OLD_SPEC = join(SPECS, "2025-06-18_315a749.json");
const NEW_SPEC = join(SPECS, "2026-08-21_ef81935.json");
const PACKAGES = ["types", "zod", "client", "msw", "react-query"]; // react-query and what it builds on

let root: string;

beforeAll(() => {
  root = copyWorkspaceLayout();
  for (const file of ["turbo.json", "pnpm-lock.yaml", ".gitignore"])
    cpSync(join(repoRoot, file), join(root, file));
  // A real copy of the generator (the layout links it): run from the copy it finds the copy's root by
  // itself, so no task of this test can write into the real checkout.
  unlinkSync(join(root, "packages", "codegen"));
  cpSync(join(repoRoot, "packages", "codegen"), join(root, "packages", "codegen"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !source.includes(`${join("codegen", "test")}`),
  });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function pullAndBuild(spec: string): Promise<string> {
  const pulled = await run(
    process.execPath,
    [join(root, "packages", "codegen", "src", "cli.ts"), "pull", "--source", spec],
    {
      cwd: root,
      // A fixed pulledAt: pulling a spec again then writes the same lock bytes, as checking out the branch
      // that has it would — so turbo, which hashes the lock, sees the spec it already cached.
      env: { ...process.env, INSTANTLY_KIT_ROOT: root, SOURCE_DATE_EPOCH: "1767225600" },
      timeoutMs: 480_000,
    },
  );
  expect(pulled.code, pulled.stderr).toBe(0);
  // Through pnpm, as `pnpm build` does: turbo needs the package manager's binary.
  const built = await run(
    "npx",
    [
      "--yes",
      "pnpm@10.34.8",
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=@instantly-kit/react-query...",
      "--output-logs=hash-only",
    ],
    {
      cwd: root,
      env: { ...process.env, INSTANTLY_KIT_ROOT: root, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
      timeoutMs: 600_000,
    },
  );
  expect(built.code, built.stdout + built.stderr).toBe(0);
  return built.stdout;
}

/** Every file of the packages' src/generated/ and dist/ (path → sha256). */
function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  for (const name of PACKAGES) {
    walk(join(root, "packages", name, "src", "generated"));
    walk(join(root, "packages", name, "dist"));
  }
  return out;
}

/** dist/ is what src/ compiles to: one .js and one .d.ts per source module, nothing else. */
function expectDistMatchesSrc(files: Record<string, string>): void {
  for (const name of PACKAGES) {
    const prefix = `packages/${name}/`;
    const modules = (folder: string, pattern: RegExp) =>
      Object.keys(files)
        .filter((file) => file.startsWith(`${prefix}${folder}/`) && pattern.test(file))
        .map((file) => file.slice(prefix.length + folder.length + 1).replace(pattern, ""))
        .sort();
    const sources = modules("src", /\.tsx?$/);
    expect(sources.length, name).toBeGreaterThan(0);
    expect(modules("dist", /\.js$/), `${name}: dist/*.js`).toEqual(sources);
    expect(modules("dist", /\.d\.ts$/), `${name}: dist/*.d.ts`).toEqual(sources);
  }
}

/**
 * Every generate and build task of the run was a cache hit (turbo's `--output-logs=hash-only` lines): the one
 * root `generate:packages` task (ADR 0034), the packages' builds, and the generator's bundle that the generation
 * depends on (ADR 0033).
 */
function expectAllRestored(log: string): void {
  const statuses = [...log.matchAll(/^(\S+?):(generate:packages|build): cache (\w+)/gm)].map(
    (m) => `${m[1]}:${m[2]} ${m[3]}`,
  );
  expect(statuses.sort()).toEqual(
    [
      "@instantly-kit/codegen:build hit",
      "//:generate:packages hit",
      ...PACKAGES.map((name) => `@instantly-kit/${name}:build hit`),
    ].sort(),
  );
}

describe("switching specs back and forth with a warm turbo cache", () => {
  it("leaves exactly the current spec's generated files and their compiled copies", async () => {
    // src/ files are walked only under src/generated: add the hand-written sources for the dist check.
    const withSources = (files: Record<string, string>) => {
      const all = { ...files };
      for (const name of PACKAGES) {
        const src = join(root, "packages", name, "src");
        const walk = (dir: string): void => {
          for (const entry of readdirSync(dir)) {
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) walk(path);
            else if (!/\.test(-d)?\.tsx?$/.test(entry)) all[relative(root, path)] ??= "source";
          }
        };
        walk(src);
      }
      return all;
    };

    await pullAndBuild(OLD_SPEC); // cache miss: generated and built from scratch
    const old = outputs();
    expectDistMatchesSrc(withSources(old));
    await pullAndBuild(NEW_SPEC); // cache miss
    const next = outputs();
    expectDistMatchesSrc(withSources(next));
    // The two specs really differ in which files exist (else this test could not fail).
    const onlyNew = Object.keys(next).filter((file) => !(file in old));
    expect(onlyNew.filter((file) => file.includes("react-query/src/generated/")).length).toBeGreaterThan(0);
    expect(onlyNew.filter((file) => file.includes("react-query/dist/generated/")).length).toBeGreaterThan(0);

    // The cache is warm for both specs now: generate and build are restored, not run.
    expectAllRestored(await pullAndBuild(OLD_SPEC));
    expect(outputs()).toEqual(old);
    expectAllRestored(await pullAndBuild(NEW_SPEC));
    expect(outputs()).toEqual(next);
  }, 1_500_000);

  it("a package's own build script (without turbo) leaves no stale file in dist/", async () => {
    // Run after the spec switches above: the scratch copy is generated and built. A leftover of another
    // build (a module since removed from src/) must not survive `pnpm --filter <pkg> build`.
    const dist = join(root, "packages", "types", "dist");
    const stale = [join(dist, "stale-module.js"), join(dist, "generated", "stale-module.d.ts")];
    for (const file of stale) writeFileSync(file, "export {};\n");
    const built = await run("npx", ["--yes", "pnpm@10.34.8", "--filter", "@instantly-kit/types", "build"], {
      cwd: root,
      env: { ...process.env, INSTANTLY_KIT_ROOT: root },
      timeoutMs: 300_000,
    });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    for (const file of stale) expect(existsSync(file), file).toBe(false);
    expect(existsSync(join(dist, "index.js"))).toBe(true);
  }, 600_000);
});
