// The generator's bundle (src/bundle/build.ts) and the launcher the repository's scripts call
// (bin/instantly-kit.mjs): the bundle runs only when it was built from exactly the sources beside it, it
// generates byte for byte what the sources generate, and a killed or concurrent build never leaves anything that
// runs stale or half-written code. Each case works on a private copy of the package (src/, bin/,
// package.json; node_modules linked), so the real dist/ is never touched.
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  BUNDLE_MANIFEST,
  bundleManifest,
  freshBundleEntry,
  sourceFingerprint,
} from "../../src/bundle/fresh.mjs";
import { ownerTag } from "../../src/fs/owner.ts";
import { serializeLock, sha256 } from "../../src/spec/lock.ts";
import { FIXTURES } from "../helpers.ts";

const codegen = join(import.meta.dirname, "..", "..");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A private copy of packages/codegen (src/, bin/, package.json) with its own dist/, in a temporary repo layout
 * whose node_modules (the package's and the root's) link to the real ones, so that packages resolve as they do
 * for the real generator. Outside the checkout: other suites copy packages/codegen while this one runs.
 */
function packageCopy(): string {
  const layout = mkdtempSync(join(tmpdir(), "ik-bundle-"));
  dirs.push(layout);
  const dir = join(layout, "packages", "codegen");
  for (const entry of ["src", "bin", "package.json"]) {
    cpSync(join(codegen, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(codegen, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(codegen, "..", "..", "node_modules"), join(layout, "node_modules"));
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const build = (dir: string) => node([join(dir, "src", "bundle", "build.ts")]);
const launch = (dir: string, args: string[], env: Record<string, string> = {}) =>
  node([join(dir, "bin", "instantly-kit.mjs"), ...args], { env });

/** Marks the built bundle's usage line, so a run shows whether the bundle (marked) or the sources answered. */
function markBundle(dir: string): void {
  const entry = join(dir, "dist", "cli.mjs");
  const text = readFileSync(entry, "utf8");
  expect(text).toContain("usage: instantly-kit");
  writeFileSync(entry, text.replace("usage: instantly-kit", "usage (bundle): instantly-kit"));
  // As a build of these sources that printed this would have listed it.
  const manifest = join(dir, "dist", BUNDLE_MANIFEST);
  const { source } = JSON.parse(readFileSync(manifest, "utf8"));
  writeFileSync(manifest, JSON.stringify(bundleManifest(join(dir, "dist"), source)));
}

async function usageLine(dir: string, env: Record<string, string> = {}): Promise<string> {
  const run = await launch(dir, ["no-such-command"], env);
  expect(run.code).toBe(2);
  return run.stderr.trim();
}

describe("bin/instantly-kit.mjs", () => {
  test("runs the bundle only while it was built from exactly the sources beside it", async () => {
    const dir = packageCopy();
    // Never built: the sources answer.
    expect(await usageLine(dir)).toMatch(/^error: usage: instantly-kit </);

    const built = await build(dir);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, "dist", "bundle.json"), "utf8"));
    expect(written.source).toBe(sourceFingerprint(join(dir, "src")));
    expect(Object.keys(written.files)).toEqual(
      readdirSync(join(dir, "dist"))
        .filter((name) => name !== "bundle.json")
        .sort(),
    );
    markBundle(dir);
    expect(await usageLine(dir)).toMatch(/^error: usage \(bundle\): instantly-kit </);
    // The escape hatch for debugging: the sources, whatever dist/ holds.
    expect(await usageLine(dir, { INSTANTLY_KIT_FROM_SOURCE: "1" })).toMatch(
      /^error: usage: instantly-kit </,
    );

    // Any change under src/ makes the bundle stale: an edit, a new file, a removed file.
    const changes: Array<[string, () => void]> = [
      ["an edited module", () => appendFileSync(join(dir, "src", "errors.ts"), "\n")],
      ["a new file", () => writeFileSync(join(dir, "src", "notes.txt"), "x")],
      ["a removed file", () => rmSync(join(dir, "src", "notes.txt"))],
    ];
    let previous = sourceFingerprint(join(dir, "src"));
    for (const [what, change] of changes) {
      change();
      const now = sourceFingerprint(join(dir, "src"));
      expect(now, what).not.toBe(previous);
      previous = now;
      expect(freshBundleEntry(dir), what).toBeUndefined();
      expect(await usageLine(dir), what).toMatch(/^error: usage: instantly-kit </);
    }

    // Rebuilt: the bundle runs again (unmarked: it is the new one).
    expect((await build(dir)).code).toBe(0);
    expect(freshBundleEntry(dir)).toBe(join(dir, "dist", "cli.mjs"));
    expect(await usageLine(dir)).toMatch(/^error: usage: instantly-kit </);
    expect(readdirSync(dir).filter((name) => name.startsWith(".dist-"))).toEqual([]);
  });

  test("a bundle file changed, missing or listed outside dist/ (a torn restore) never runs the bundle", async () => {
    const dir = packageCopy();
    expect((await build(dir)).code).toBe(0);
    markBundle(dir);
    const dist = join(dir, "dist");
    const manifest = JSON.parse(readFileSync(join(dist, BUNDLE_MANIFEST), "utf8"));
    const chunk = Object.keys(manifest.files).find((name) => name.startsWith("chunk-")) as string;
    const original = readFileSync(join(dist, chunk));
    const entry = readFileSync(join(dist, "cli.mjs"));
    const torn: Array<[string, () => void, () => void]> = [
      [
        "a chunk changed",
        () => appendFileSync(join(dist, chunk), "\n"),
        () => writeFileSync(join(dist, chunk), original),
      ],
      ["a chunk missing", () => rmSync(join(dist, chunk)), () => writeFileSync(join(dist, chunk), original)],
      [
        "the entry changed",
        () => appendFileSync(join(dist, "cli.mjs"), "\n"),
        () => writeFileSync(join(dist, "cli.mjs"), entry),
      ],
    ];
    for (const [what, tear, mend] of torn) {
      tear();
      expect(freshBundleEntry(dir), what).toBeUndefined();
      expect(await usageLine(dir), what).toMatch(/^error: usage: instantly-kit </);
      mend();
      expect(await usageLine(dir), `${what}, mended`).toMatch(/^error: usage \(bundle\): instantly-kit </);
    }
    // A file the manifest does not list (a leftover of an older bundle restored over) changes nothing.
    writeFileSync(join(dist, "chunk-LEFTOVER.mjs"), "throw new Error('never imported');\n");
    expect(await usageLine(dir)).toMatch(/^error: usage \(bundle\): instantly-kit </);
    // A manifest naming a file outside dist/ is refused.
    const outside = createHash("sha256")
      .update(readFileSync(join(dir, "package.json")))
      .digest("hex");
    const escaping = { ...manifest, files: { ...manifest.files, "../package.json": outside } };
    writeFileSync(join(dist, BUNDLE_MANIFEST), JSON.stringify(escaping));
    expect(freshBundleEntry(dir)).toBeUndefined();
  });

  test("a manifest that is missing, unreadable or of other sources never runs the bundle", async () => {
    const dir = packageCopy();
    expect((await build(dir)).code).toBe(0);
    markBundle(dir);
    const manifest = join(dir, "dist", "bundle.json");
    const good = readFileSync(manifest, "utf8");
    for (const bad of [
      "",
      "{",
      "null",
      "[]",
      '{"source":1}',
      '{"source":"0"}',
      `{"source":"${"f".repeat(64)}"}`,
    ]) {
      writeFileSync(manifest, bad);
      expect(await usageLine(dir), JSON.stringify(bad)).toMatch(/^error: usage: instantly-kit </);
    }
    rmSync(manifest);
    expect(await usageLine(dir)).toMatch(/^error: usage: instantly-kit </);
    writeFileSync(manifest, good);
    expect(await usageLine(dir)).toMatch(/^error: usage \(bundle\): instantly-kit </);
  });

  test("generates byte for byte what the sources generate, for every target", async () => {
    const dir = packageCopy();
    expect((await build(dir)).code).toBe(0);
    const root = mkdtempSync(join(tmpdir(), "ik-bundle-root-"));
    dirs.push(root);
    const spec = readFileSync(join(FIXTURES, "react-query-operations.json"));
    mkdirSync(join(root, "spec"));
    writeFileSync(join(root, "spec", "openapi.json"), spec);
    writeFileSync(
      join(root, "spec", "openapi.lock.json"),
      serializeLock({
        source: "fixture",
        sha256: sha256(spec),
        pulledAt: "2026-01-01T00:00:00.000Z",
        counts: { paths: 0, operations: 0, schemas: 0 },
        warnings: [],
      }),
    );
    const targets = ["types", "client", "msw", "react-query", "zod"];
    for (const target of targets)
      mkdirSync(join(root, "packages", target, "src", "generated"), { recursive: true });

    // `generate all`, as the repository runs it: one process per side (each start from source type-strips the
    // generator's ~120 modules), every target through the same code as the bundle's worker threads.
    const outputs = async (env: Record<string, string>) => {
      const hashes: Record<string, string> = {};
      const run = await launch(dir, ["generate", "all"], { INSTANTLY_KIT_ROOT: root, ...env });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      for (const target of targets) {
        const generated = join(root, "packages", target, "src", "generated");
        for (const entry of readdirSync(generated, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const path = join(entry.parentPath, entry.name);
          hashes[`${target}${path.slice(generated.length)}`] = createHash("sha256")
            .update(readFileSync(path))
            .digest("hex");
        }
      }
      return hashes;
    };
    const fromSource = await outputs({ INSTANTLY_KIT_FROM_SOURCE: "1" });
    const fromBundle = await outputs({});
    expect(Object.keys(fromSource).length).toBeGreaterThanOrEqual(targets.length);
    expect(fromBundle).toEqual(fromSource);
  });
});

describe("src/bundle/build.ts", () => {
  /** dist/ is absent, or a complete bundle of the current sources that runs: never anything in between. */
  async function expectNothingHalfBuilt(dir: string, what: string): Promise<void> {
    const dist = join(dir, "dist");
    if (existsSync(dist)) {
      expect(freshBundleEntry(dir), `${what}: dist/ without a fresh manifest`).toBeDefined();
      expect(existsSync(join(dist, "typescript-default.mjs")), what).toBe(true);
    }
    expect(await usageLine(dir), what).toMatch(/^error: usage/);
  }

  test("a build killed at any moment leaves the previous bundle or none, and the next build completes", async () => {
    const dir = packageCopy();
    // Killed while there is no bundle yet, then while a previous bundle is in place: at growing delays, so the
    // kill lands before, during and after esbuild's work and the swap.
    for (const delayMs of [0, 25, 50, 100, 200, 400, 800, 1600]) {
      const child: ChildProcess = spawn(process.execPath, [join(dir, "src", "bundle", "build.ts")], {
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", resolve)); // it may finish before the kill
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill("SIGKILL");
      await exited;
      await expectNothingHalfBuilt(dir, `killed after ${delayMs} ms`);
    }
    expect((await build(dir)).code).toBe(0);
    // The staging directories the killed builds left are gone.
    expect(readdirSync(dir).filter((name) => name.startsWith(".dist-"))).toEqual([]);
    expect(freshBundleEntry(dir)).toBe(join(dir, "dist", "cli.mjs"));
  });

  test("a build removes the staging folders of this host's dead builds, never another host's (src/fs/owner.ts)", async () => {
    const dir = packageCopy();
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid as number;
    const host = ownerTag().split(".")[0] as string;
    const other = host === "0badc0de" ? "deadbeef" : "0badc0de";
    const removed = [`.dist-${host}.${dead}-aBc123`, `.dist-${dead}-aBc123`];
    const kept = [`.dist-${other}.${dead}-aBc123`, `.dist-${host}.${process.pid}-aBc123`];
    for (const name of [...removed, ...kept]) mkdirSync(join(dir, name, "chunks"), { recursive: true });
    expect((await build(dir)).code).toBe(0);
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith(".dist-"))
        .sort(),
    ).toEqual([...kept].sort());
  });

  test("two builds at once: both finish and dist/ is one complete bundle", async () => {
    const dir = packageCopy();
    const [a, b] = await Promise.all([build(dir), build(dir)]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, "", 0, ""]);
    await expectNothingHalfBuilt(dir, "two builds");
    expect(readdirSync(dir).filter((name) => name.startsWith(".dist-"))).toEqual([]);
  });
});
