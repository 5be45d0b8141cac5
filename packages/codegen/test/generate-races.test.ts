// `generate` against what else can happen in the workspace while it runs (ADR 0034), with real processes in a
// scratch copy of the repo: a second generate swapping the same folders, a `spec:pull` replacing the spec, a bug
// (not a CliError) in a worker thread, a SIGINT/SIGTERM. A process is held at a step with
// INSTANTLY_KIT_FAULT=pause:<step> (src/fs/fault.ts) while the test does the other thing, then let go: no timing
// is guessed. Small fixture specs and the cheap targets (types, client, msw) keep it short.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { leftovers, trees } from "./generated-trees.ts";
import { CLI, fixture } from "./helpers.ts";
import { createWorkspace, type RunResult, type Workspace } from "./hostile-pipeline/workspace.ts";

const OLD = fixture("cursor-pagination.json");
const NEW = fixture("operation-docs.json");
const TIMEOUT = 600_000;
const workspaces: Workspace[] = [];

afterAll(() => {
  for (const workspace of workspaces) workspace.remove();
});

interface Started {
  child: ChildProcess;
  done: Promise<RunResult>;
  /** Resolves once stderr matches `pattern` (or the process ended: then `done` tells why). */
  stderrMatches(pattern: RegExp): Promise<void>;
}

/** Starts the CLI without waiting for it. */
function start(workspace: Workspace, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: workspace.root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root, INSTANTLY_KIT_FAULT: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    for (const waiter of waiters) waiter();
  });
  const done = new Promise<RunResult>((resolve) => {
    child.on("close", (code, signal) => {
      for (const waiter of waiters) waiter();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr: signal ? `${stderr}(${signal})` : stderr });
    });
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    done,
    stderrMatches: (pattern) =>
      new Promise((resolve) => {
        const check = () => {
          if (pattern.test(stderr) || ended()) resolve();
        };
        waiters.push(check);
        check();
      }),
  };
}

/** Held at `step` until {@link Paused.resume}. */
function startPaused(workspace: Workspace, args: string[], step: string) {
  const resumeFile = join(workspace.root, `resume-${Math.random().toString(16).slice(2)}`);
  const started = start(workspace, args, {
    INSTANTLY_KIT_FAULT: `pause:${step}`,
    INSTANTLY_KIT_FAULT_RESUME: resumeFile,
  });
  return {
    ...started,
    paused: started.stderrMatches(new RegExp(`^fault: paused at ${step}$`, "m")),
    resume: () => writeFileSync(resumeFile, ""),
  };
}

async function pulled(spec: Record<string, unknown>): Promise<Workspace> {
  const workspace = createWorkspace("ik-generate-races-");
  workspaces.push(workspace);
  await pull(workspace, spec);
  return workspace;
}

async function pull(workspace: Workspace, spec: Record<string, unknown>): Promise<void> {
  const file = workspace.writeFile("spec-source.json", JSON.stringify(spec));
  const result = await workspace.cli(["pull", "--source", file]);
  expect(result.code, result.stderr).toBe(0);
}

async function generate(workspace: Workspace, args: string[]): Promise<void> {
  const result = await workspace.cli(["generate", ...args]);
  expect(result.code, result.stderr).toBe(0);
}

const lockSha = (workspace: Workspace) =>
  (JSON.parse(readFileSync(projectPaths(workspace.root).lock, "utf8")) as { sha256: string }).sha256;

describe("two generates at once", () => {
  // The first is held between moving its old folder aside and renaming its new one in: the moment another
  // generate's rename lands in that gap and the first one's rename then fails (ENOTEMPTY).
  it.each([
    { first: ["types", "client", "--jobs", "2"], second: ["types", "client"] },
    { first: ["types"], second: ["client", "types", "--jobs", "2"] },
  ])(
    "$first.0… and $second.0…: both exit 0, every package is one complete generation, nothing is left",
    { timeout: TIMEOUT },
    async ({ first, second }) => {
      const workspace = await pulled(OLD);
      await generate(workspace, ["types", "client"]);
      const expected = trees(workspace);
      const a = startPaused(workspace, ["generate", ...first], "move in types");
      await a.paused;
      const b = start(workspace, ["generate", ...second]);
      // b either waits for a (and says so) or, without a lock, runs straight through.
      await b.stderrMatches(/^waiting for generate \(pid \d+\) to swap in its packages$/m);
      a.resume();
      const [resultA, resultB] = await Promise.all([a.done, b.done]);
      expect(resultA.code, resultA.stderr).toBe(0);
      expect(resultB.code, resultB.stderr).toBe(0);
      expect(resultA.stderr).toBe("fault: paused at move in types\n");
      expect(resultB.stderr).toBe(`waiting for generate (pid ${a.child.pid}) to swap in its packages\n`);
      expect(trees(workspace)).toEqual(expected);
      expect(leftovers(workspace)).toEqual([]);
    },
  );
});

describe("a spec:pull while generate runs", () => {
  // Held after a first target is generated; the pull then replaces spec and lock. The targets still to run in
  // that thread must not read the new spec: every package comes from the spec the run started with (the one it
  // reports). With --jobs 3, zod runs in the main thread, types then client in a worker, msw in another.
  it.each([
    ["--jobs", "1"],
    ["--jobs", "3"],
  ])("every package comes from the spec it started with (%s %s)", { timeout: TIMEOUT }, async (...jobs) => {
    const targets = ["types", "client", "msw", "zod"];
    const workspace = await pulled(OLD);
    const oldSha = lockSha(workspace);
    await generate(workspace, targets);
    const fromOld = trees(workspace);
    const run = startPaused(workspace, ["generate", ...targets, ...jobs], "generated types");
    await run.paused;
    await pull(workspace, NEW);
    expect(lockSha(workspace)).not.toBe(oldSha);
    run.resume();
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`from spec ${oldSha.slice(0, 12)} `);
    expect(trees(workspace)).toEqual(fromOld);
    expect(leftovers(workspace)).toEqual([]);
  });
});

describe("a bug (not a CliError) in a target", () => {
  // Thrown after client is generated: with --jobs 2 client runs in a worker thread, with --jobs 1 in the main one.
  it.each(["1", "2"])(
    "exits 1 with its own stack, printed as from the main thread, and changes nothing (--jobs %s)",
    { timeout: TIMEOUT },
    async (jobs) => {
      const workspace = await pulled(OLD);
      await generate(workspace, ["types", "client"]);
      const before = trees(workspace);
      await pull(workspace, NEW);
      const result = await start(workspace, ["generate", "types", "client", "--jobs", jobs], {
        INSTANTLY_KIT_FAULT: "throw:generated client",
      }).done;
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines[0]).toBe("error: Error: fault: thrown at generated client");
      expect(lines[1]).toMatch(/^ {4}at faultPoint \(.*fault\.ts:\d+:\d+\)$/);
      expect(lines.slice(1).every((line) => line.startsWith("    at "))).toBe(true);
      expect(trees(workspace)).toEqual(before);
      expect(leftovers(workspace)).toEqual([]);
    },
  );
});

describe("interrupted by a signal", () => {
  // Node's default for SIGINT/SIGTERM ends the process on the spot, like a kill: the staging folders stay. The
  // run after that may be a turbo cache hit (`//#clean:generated`, then a restore: no generate that would remove
  // them), so `clean generated all` removes them; and git ignores them meanwhile (generated code is spec text).
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s: the packages are untouched, and clean generated all leaves nothing behind",
    { timeout: TIMEOUT },
    async (signal) => {
      const workspace = await pulled(OLD);
      await generate(workspace, ["types", "client"]);
      const before = trees(workspace);
      const run = startPaused(workspace, ["generate", "types", "client", "--jobs", "1"], "generated types");
      await run.paused;
      run.child.kill(signal);
      const result = await run.done;
      expect(result.code, result.stderr).not.toBe(0);
      expect(trees(workspace)).toEqual(before);
      // What is left (if anything) and what a kill mid-swap leaves: all ignored by the repository's git.
      for (const entry of [...leftovers(workspace), ".old-generated-1234-0123456789ab"]) {
        const path = join("packages", "client", "src", entry, "x.gen.ts");
        const ignored = execFileSync("git", ["check-ignore", "--no-index", path], {
          cwd: projectPaths().root,
          encoding: "utf8",
        });
        expect(ignored.trim()).toBe(path);
      }
      const cleaned = await workspace.cli(["clean", "generated", "all"]);
      expect(cleaned.code, cleaned.stderr).toBe(0);
      expect(leftovers(workspace)).toEqual([]);
      await generate(workspace, ["types", "client"]);
      expect(trees(workspace)).toEqual(before);
    },
  );
});
