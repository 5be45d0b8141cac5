import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { run } from "./helpers/process.ts";
import { repoRoot, workspaceProjects } from "./helpers/repo.ts";

// The set-up the README promises: two commands on a machine with Node + npm only, plain `pnpm` afterwards,
// a fresh clone's install without warnings, and .ci/run running exactly the README's test command.

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const ciRun = readFileSync(join(repoRoot, ".ci", "run"), "utf8");
const pinned = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).packageManager as string;

/** The lines of the README's ```sh blocks, comments dropped. */
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((match) => (match[1] ?? "").split("\n"))
  .map((line) => line.replace(/\s+#.*$/, "").trim())
  .filter((line) => line && !line.startsWith("#"));

/** The command after a `# <n>.` comment of the set-up block. */
function setupStep(n: number): string {
  const match = new RegExp(`^# ${n}\\. .*\\n(.+)$`, "m").exec(readme);
  if (!match?.[1]) throw new Error(`README has no set-up step ${n}`);
  return match[1].trim();
}

describe("README and .ci/run", () => {
  it("step 1 installs the pinned pnpm, then uses plain pnpm", () => {
    expect(pinned).toMatch(/^pnpm@10\.\d+\.\d+$/);
    expect(setupStep(1)).toBe(`npm install --global ${pinned} && pnpm install && pnpm sync`);
  });

  it("step 2 also installs the pinned pnpm (it works alone on a fresh machine), and .ci/run runs it as it is", () => {
    const test = setupStep(2);
    expect(test).toBe(`npm install --global ${pinned} && pnpm install --frozen-lockfile && pnpm test`);
    expect(ciRun).toContain(`(${test}) 2>&1`);
  });

  it("every shell command in the README is plain pnpm (no npx start-up per command)", () => {
    expect(shellLines.length).toBeGreaterThan(10);
    expect(shellLines.filter((line) => line.includes("npx "))).toEqual([]);
  });

  it("the day-to-day flows cover every app, not only the dashboard", () => {
    for (const task of ["typecheck", "test", "build"]) {
      expect(shellLines).toContain(`pnpm --filter './apps/*' ${task}`);
    }
    expect(shellLines.some((line) => line.startsWith("pnpm new:app "))).toBe(true);
  });
});

describe("pnpm from npm", () => {
  it("`npm install --global <packageManager>` gives a pnpm that runs the pinned version in the repo", async () => {
    const prefix = mkdtempSync(join(tmpdir(), "instantly-kit-pnpm-"));
    try {
      const install = await run(
        "npm",
        ["install", "--global", "--no-fund", "--no-audit", "--prefix", prefix, pinned],
        {
          cwd: prefix,
          timeoutMs: 170_000,
        },
      );
      expect(install.code, install.stderr).toBe(0);
      const version = await run(join(prefix, "bin", "pnpm"), ["--version"], {
        cwd: repoRoot,
        timeoutMs: 300_000,
      });
      expect(version.code, version.stderr).toBe(0);
      expect(`pnpm@${version.stdout.trim()}`).toBe(pinned);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});

describe("the Node 22 every script runs on (ADR 0001)", () => {
  // Where app teams work: pnpm installs, of the root's optional dependencies, the one package whose os/cpu match the
  // machine, and links its `node` into node_modules/.bin. The `node` package this replaced asked npm, in a
  // preinstall, for a per-platform package that for Apple silicon did not exist at its version.
  const PLATFORMS = [
    ["linux", "x64"],
    ["linux", "arm64"],
    ["darwin", "x64"],
    ["darwin", "arm64"],
    ["win32", "x64"],
  ] as const;
  interface LockedPackage {
    os?: string | string[];
    cpu?: string | string[];
    hasBin?: boolean;
  }
  const lock = parseYaml(readFileSync(join(repoRoot, "pnpm-lock.yaml"), "utf8")) as {
    importers: Record<string, { optionalDependencies?: Record<string, { version: string }> }>;
    packages: Record<string, LockedPackage>;
  };
  const optional = Object.entries(lock.importers["."]?.optionalDependencies ?? {});
  const runtimeFor = (os: string, cpu: string) =>
    optional.filter(([name, { version }]) => {
      const locked = lock.packages[`${name}@${version}`];
      return (
        locked?.hasBin === true &&
        [locked.os ?? []].flat().includes(os) &&
        [locked.cpu ?? []].flat().includes(cpu)
      );
    });

  it("the lockfile resolves exactly one Node binary package per platform, all one Node 22 version", () => {
    const found = PLATFORMS.map(([os, cpu]) => ({ platform: `${os}-${cpu}`, packages: runtimeFor(os, cpu) }));
    expect(found.filter(({ packages }) => packages.length !== 1)).toEqual([]);
    const versions = new Set(found.map(({ packages }) => packages[0]?.[1].version));
    expect(versions.size).toBe(1);
    expect([...versions][0]).toMatch(/^22\.\d+\.\d+$/);
  });

  it("node_modules/.bin/node is this machine's package, at the locked version", async () => {
    const [[name, { version }] = ["(none)", { version: "(none)" }]] = runtimeFor(
      process.platform,
      process.arch,
    );
    const bin = join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? "node.cmd" : "node");
    const result = await run(bin, ["-p", "process.version"], { cwd: repoRoot, timeoutMs: 60_000 });
    expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    expect(result.stdout.trim()).toBe(`v${version}`);
    // Nothing to build: an install runs no script for it (no npm call, no warnings, no Node-major-keyed cache).
    const manifest = JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8"));
    expect(Object.keys(manifest.scripts ?? {}).filter((script) => /install/.test(script))).toEqual([]);
  });
});

describe("a fresh clone installs without warnings", () => {
  const workspaceDirs = workspaceProjects();
  const tracked = new Set(
    execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean),
  );

  // pnpm links bins at install time, before anything is built: a bin pointing into dist/ (or any file a fresh
  // clone lacks) is the `Failed to create bin … ENOENT` warning.
  it("every bin of every workspace package is a committed file", () => {
    expect(workspaceDirs.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const dir of workspaceDirs) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
      const bins: Record<string, string> =
        typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
      for (const target of Object.values(bins)) {
        const path = join(dir, target).replaceAll("\\", "/");
        if (!tracked.has(path)) missing.push(path);
      }
    }
    expect(missing).toEqual([]);
  });

  it("`pnpm install --frozen-lockfile` on a clone prints no warning", async () => {
    const clone = mkdtempSync(join(tmpdir(), "instantly-kit-clone-"));
    try {
      execFileSync("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone]);
      // From the store (what this machine already has); the warnings looked for are the same online.
      // As typed in a shell: without the npm_config_* variables the pnpm running this test exports (npx would
      // warn about pnpm-only ones such as `catalog`, which no fresh clone sees), and without the node_modules/.bin
      // folders it puts first on PATH — the workspace's own Node 22 (ADR 0001) among them: pnpm keys its cache of
      // a package's install scripts by the Node major that ran them, and a fresh machine's store has only the
      // system Node's (when Node 22 came from the `node` package, whose preinstall is npm's warnings about pnpm's
      // settings, a fresh CI machine failed here and a used one did not).
      const env: Record<string, string | undefined> = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
      );
      env.PATH = (process.env.PATH ?? "")
        .split(delimiter)
        .filter((dir) => !dir.split(sep).includes("node_modules"))
        .join(delimiter);
      const install = await run("npx", ["--yes", pinned, "install", "--frozen-lockfile", "--offline"], {
        cwd: clone,
        env,
        timeoutMs: 590_000,
      });
      const output = `${install.stdout}\n${install.stderr}`;
      expect(install.code, output).toBe(0);
      const warnings = output
        .split("\n")
        .filter((line) => /\bWARN\b|warn|ENOENT|Failed to create bin|deprecated/i.test(line));
      expect(warnings).toEqual([]);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 600_000);
});
