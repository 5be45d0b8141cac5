// `generate` against what else can happen in the workspace while it runs (ADR 0034), with real processes in a
// scratch copy of the repo: a second generate swapping the same folders, a `spec:pull` replacing the spec, a bug
// (not a CliError) in a worker thread, a SIGINT/SIGTERM/SIGHUP. A process is held at a step with
// INSTANTLY_KIT_FAULT=pause:<step> (src/fs/fault.ts) while the test does the other thing, then let go: no timing
// is guessed. Small fixture specs and the cheap targets (types, client, msw) keep it short; react-query (orval) only
// where a target of the other thread is the point.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { leftovers, type Tree, trees } from "./generated-trees.ts";
import { type Started, start, startPaused } from "./held-process.ts";
import { fixture } from "./helpers.ts";
import {
  copyWorkspace,
  createWorkspace,
  type PackageDir,
  type Workspace,
} from "./hostile-pipeline/workspace.ts";

const OLD = fixture("cursor-pagination.json");
const NEW = fixture("operation-docs.json");
const TIMEOUT = 600_000;
const workspaces: Workspace[] = [];

afterAll(() => {
  for (const workspace of workspaces) workspace.remove();
});

async function pulled(spec: Record<string, unknown>): Promise<Workspace> {
  const workspace = createWorkspace("ik-generate-races-");
  workspaces.push(workspace);
  await pull(workspace, spec);
  return workspace;
}

/**
 * A workspace of its own with OLD pulled and `targets` generated: a copy of one made once per list of targets (the
 * first caller makes it), so each test starts from that state without pulling and generating it again.
 */
const templates = new Map<string, Promise<Workspace>>();
async function generatedFromOld(targets: string[]): Promise<Workspace> {
  const key = targets.join(" ");
  let template = templates.get(key);
  if (!template) {
    template = pulled(OLD).then(async (workspace) => {
      await generate(workspace, targets);
      return workspace;
    });
    templates.set(key, template);
  }
  const workspace = copyWorkspace(await template, "ik-generate-races-");
  workspaces.push(workspace);
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
      const workspace = await generatedFromOld(["types", "client"]);
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
    const workspace = await generatedFromOld(targets);
    const oldSha = lockSha(workspace);
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
      const workspace = await generatedFromOld(["types", "client"]);
      const before = trees(workspace);
      await pull(workspace, NEW);
      // From source: the stack's frames are checked against the source files (the bundle's would be dist/ chunks).
      const result = await start(workspace, ["generate", "types", "client", "--jobs", jobs], {
        INSTANTLY_KIT_FAULT: "throw:generated client",
        INSTANTLY_KIT_FROM_SOURCE: "1",
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
  // SIGINT/SIGTERM/SIGHUP (src/fs/interrupt.ts): before the swap, the run is undone — threads stopped, staging
  // folders removed — and no package changes; once the swap has begun (lock held, renames under way) it is
  // finished first, so every package is the new tree, never absent (a signal between a package's two renames)
  // and never a mix. Either way: one line, exit 128 + the signal's number, nothing left behind. The process is
  // held at a step and sent the signal; one held in the swap is let go only once it has taken the signal (it says
  // so on stderr: `fault: received <signal>`, with a fault set only).
  const TARGETS = ["types", "client", "msw"];
  const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const STEPS = [
    // types is generated in the main thread (--jobs 1): the run abandons it there.
    { step: "generated types", jobs: "1", swapped: false },
    // With --jobs 2, msw is generated in a worker thread (types and client in the main one): it is terminated.
    { step: "generated msw", jobs: "2", swapped: false },
    // types is already swapped in, client not yet: stopping here would leave a mix.
    { step: "move aside client", jobs: "1", swapped: true },
    // client's old tree is moved aside, its new one not yet in: stopping here would leave it absent.
    { step: "move in client", jobs: "1", swapped: true },
  ];
  let workspace: Workspace;
  let old: Record<string, Tree | "absent">;
  let fresh: Record<string, Tree | "absent">;
  const generatedDir = (name: PackageDir) => join(workspace.packageDir(name), "src", "generated");
  const saved = () => join(workspace.root, "old-trees");

  const restoreOld = () => {
    for (const name of TARGETS as PackageDir[]) {
      rmSync(generatedDir(name), { recursive: true, force: true });
      cpSync(join(saved(), name), generatedDir(name), { recursive: true });
    }
    expect(trees(workspace)).toEqual(old);
  };

  // One workspace: the old spec's trees, saved; then the new spec pulled and generated once (what a run that
  // completes gives). Each case puts the old trees back and runs against the new spec.
  beforeAll(async () => {
    workspace = await pulled(OLD);
    await generate(workspace, TARGETS);
    old = trees(workspace);
    for (const name of TARGETS as PackageDir[])
      cpSync(generatedDir(name), join(saved(), name), { recursive: true });
    await pull(workspace, NEW);
    await generate(workspace, TARGETS);
    fresh = trees(workspace);
    for (const name of TARGETS) expect(fresh[name], name).not.toEqual(old[name]);
  }, TIMEOUT);

  it.each(
    (["SIGINT", "SIGTERM", "SIGHUP"] as const).flatMap((signal) =>
      STEPS.filter((s) => signal === "SIGTERM" || s.jobs === "1").map((s) => ({ signal, ...s })),
    ),
  )(
    "$signal at $step (--jobs $jobs): exits 128 + n with one line, the packages all old or all new, nothing left",
    { timeout: TIMEOUT },
    async ({ signal, step, jobs, swapped }) => {
      restoreOld();
      const run = startPaused(workspace, ["generate", ...TARGETS, "--jobs", jobs], step);
      await run.paused;
      run.child.kill(signal);
      if (swapped) {
        await run.stderrMatches(new RegExp(`^fault: received ${signal}$`, "m"));
        run.resume();
      }
      const result = await run.done;
      expect(result.code, result.stderr).toBe(CODES[signal]);
      expect(result.stdout).toBe("");
      const faults = [`fault: paused at ${step}`, `fault: received ${signal}`];
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines.slice(0, 2)).toEqual(faults);
      expect(lines.slice(2)).toEqual([
        swapped
          ? `error: generate interrupted (${signal}): the swap had begun, so it was finished first: 3 packages (types, client, msw) updated`
          : `error: generate interrupted (${signal}): no package changed`,
      ]);
      expect(trees(workspace)).toEqual(swapped ? fresh : old);
      expect(leftovers(workspace)).toEqual([]);
    },
  );

  it("a second signal during the swap is ignored: the first one's exit, one line, every package new", {
    timeout: TIMEOUT,
  }, async () => {
    restoreOld();
    const run = startPaused(workspace, ["generate", ...TARGETS, "--jobs", "1"], "move in client");
    await run.paused;
    run.child.kill("SIGINT");
    await run.stderrMatches(/^fault: received SIGINT$/m);
    run.child.kill("SIGTERM");
    await run.stderrMatches(/^fault: ignored SIGTERM$/m);
    run.resume();
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    expect(
      result.stderr
        .trimEnd()
        .split("\n")
        .filter((line) => !line.startsWith("fault: ")),
    ).toEqual([
      "error: generate interrupted (SIGINT): the swap had begun, so it was finished first: 3 packages (types, client, msw) updated",
    ]);
    expect(trees(workspace)).toEqual(fresh);
    expect(leftovers(workspace)).toEqual([]);
  });

  it("a signal while waiting for another generate's lock ends the wait: no package changed by it, the lock left to its owner", {
    timeout: TIMEOUT,
  }, async () => {
    restoreOld();
    const first = startPaused(workspace, ["generate", ...TARGETS, "--jobs", "1"], "move in types");
    await first.paused;
    const second = start(workspace, ["generate", ...TARGETS, "--jobs", "1"]);
    await second.stderrMatches(/^waiting for generate \(pid \d+\) to swap in its packages$/m);
    second.child.kill("SIGINT");
    const result = await second.done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toBe(
      `waiting for generate (pid ${first.child.pid}) to swap in its packages\nerror: generate interrupted (SIGINT): no package changed\n`,
    );
    const lock = JSON.parse(readFileSync(join(workspace.root, "spec", ".generate.lock"), "utf8")) as {
      pid: number;
    };
    expect(lock.pid).toBe(first.child.pid);
    first.resume();
    const firstResult = await first.done;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(trees(workspace)).toEqual(fresh);
    // The second run's staging folders too: they would be a dead process's, which nothing removed since.
    expect(leftovers(workspace)).toEqual([]);
  });

  it("what a kill (SIGKILL) leaves, the staging folders, is ignored by the repository's git", () => {
    // A kill runs no handler: `.tmp-…` folders (and `.old-…` mid-swap) stay until the next generate or
    // `clean generated all` (the next run may be a turbo cache hit that stages nothing). Git must not see them.
    for (const entry of [
      ".tmp-generated-0badc0de.1234-0123456789ab",
      ".old-generated-0badc0de.1234-0123456789ab",
      ".tmp-generated-1234-0123456789ab",
    ]) {
      const path = join("packages", "client", "src", entry, "x.gen.ts");
      const ignored = execFileSync("git", ["check-ignore", "--no-index", path], {
        cwd: projectPaths().root,
        encoding: "utf8",
      });
      expect(ignored.trim()).toBe(path);
    }
  });
});

// Every child process a run started is stopped before the CLI exits when the run stops early (a signal, another
// target's failure; ADR 0034): Biome, which each target runs to format its folder (src/targets/format.ts). (orval
// started esbuild's service too until ADR 0036; nothing does now.) A Biome left running goes on writing into a staging
// folder the run removed, after the run's last line; nothing else ends it — a child outlives the worker thread that
// started it, and the CLI. A stand-in Biome (BIOME_BINARY) notes its pid and waits for a file the test writes only
// at the end, so it is mid-format when the run is stopped and would run on for ever if left behind. The test lists
// the CLI's child processes (/proc: Linux) while they run, then checks that none runs once the CLI has exited.
describe.runIf(process.platform === "linux")("child processes of a run stopped early", () => {
  const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const ROWS = [
    // One group: it runs in the main thread (orval, then Biome).
    { threads: "main thread", targets: ["react-query"], jobs: "1", biomes: 1 },
    // Two groups, each in a worker: react-query in one, types then msw in the other (Biome holds at types).
    { threads: "worker threads", targets: ["types", "react-query", "msw"], jobs: "2", biomes: 2 },
  ];
  let workspace: Workspace;
  let old: Record<string, Tree | "absent">;

  // The old spec's trees; then the new spec is pulled, so that a run that got as far as the swap would show.
  beforeAll(async () => {
    workspace = await pulled(OLD);
    await generate(workspace, ["types", "react-query", "msw"]);
    old = trees(workspace);
    await pull(workspace, NEW);
  }, TIMEOUT);

  /**
   * A stand-in Biome in a folder of its own (`box`, which also holds the run's TMPDIR): it creates `started-<pid>`,
   * then waits for `go` — or, formatting `failFor`'s folder, for `fail`, and then fails as Biome does.
   */
  function standIn(failFor = "none") {
    const box = mkdtempSync(join(workspace.root, "biome-box-"));
    const tmp = join(box, "tmp");
    mkdirSync(tmp);
    const biome = join(box, "biome.sh");
    writeFileSync(
      biome,
      [
        "#!/bin/sh",
        "for dir; do :; done", // the folder to format: the last argument
        `: > "${box}/started-$$"`,
        `case "$dir" in */packages/${failFor}/src/*)`,
        `  while [ ! -e "${box}/fail" ]; do sleep 0.05; done`,
        '  echo "stand-in Biome cannot format this" >&2',
        "  exit 1;;",
        "esac",
        `while [ ! -e "${box}/go" ]; do sleep 0.05; done`,
        "exit 1",
        "",
      ].join("\n"),
    );
    chmodSync(biome, 0o755);
    const pids = () =>
      readdirSync(box)
        .filter((name) => name.startsWith("started-"))
        .map((name) => Number(name.slice("started-".length)));
    return {
      env: { TMPDIR: tmp, BIOME_BINARY: biome },
      tmp,
      pids,
      /** Resolves once `count` stand-ins have started (or the CLI has ended: the caller's assertions say why). */
      async started(count: number, run: Started) {
        while (pids().length < count && run.child.exitCode === null && run.child.signalCode === null)
          await new Promise((resolve) => setTimeout(resolve, 50));
        expect(pids()).toHaveLength(count);
      },
      fail: () => writeFileSync(join(box, "fail"), ""),
      /** Lets every stand-in still waiting end (they would after a test that failed). */
      release: () => writeFileSync(join(box, "go"), ""),
    };
  }

  /** The processes whose parent is `pid`, with their command lines (/proc/<pid>/stat: `pid (name) state ppid …`). */
  function childrenOf(pid: number): { pid: number; command: string }[] {
    const found: { pid: number; command: string }[] = [];
    for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid !== pid) continue;
        const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
        found.push({ pid: Number(entry), command });
      } catch {
        // ended while being read
      }
    }
    return found;
  }

  /** Whether `pid` is still running: it exists and is not a zombie (ended, waiting to be collected by init). */
  function running(pid: number): boolean {
    try {
      process.kill(pid, 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== "ESRCH";
    }
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] !== "Z";
    } catch {
      return false;
    }
  }

  /**
   * The pids among `pids` still running once the CLI has exited. Polled up to a generous deadline: a child stopped by
   * the CLI is gone before it exits, but one that ends when its stdin closes may end only as the CLI exits.
   */
  async function stillRunning(pids: number[]): Promise<number[]> {
    const deadline = Date.now() + 60_000;
    while (pids.some(running) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return pids.filter(running);
  }

  /**
   * Runs `generate <args>` with a stand-in Biome (failing for `failFor`'s folder), waits until `biomes` stand-ins are
   * formatting, lists the CLI's children, and has `stop` end the run early. Then what every early stop must leave:
   * `code` and the one line `stderr`, nothing on stdout, no stand-in nor any other child running on after the CLI,
   * the old trees, no staging folder, an empty temp folder.
   */
  async function stopWhileFormatting({
    args,
    failFor,
    biomes,
    stop,
    code,
    stderr,
  }: {
    args: string[];
    failFor?: string;
    biomes: number;
    stop: (run: Started, biome: ReturnType<typeof standIn>) => void;
    code: number;
    stderr: string;
  }): Promise<void> {
    const biome = standIn(failFor);
    const run = start(workspace, ["generate", ...args], biome.env);
    try {
      await biome.started(biomes, run);
      const children = childrenOf(run.child.pid as number);
      // What the CLI runs at this moment: the stand-ins at least.
      expect(children.map((child) => child.pid)).toEqual(expect.arrayContaining(biome.pids()));
      stop(run, biome);
      const result = await run.done;
      expect(result.code, result.stderr).toBe(code);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(stderr);
      // Biome is stopped before the CLI exits: at once, no waiting. Then nothing the CLI started runs on.
      expect(biome.pids().filter(running)).toEqual([]);
      expect(await stillRunning(children.map((child) => child.pid))).toEqual([]);
      expect(trees(workspace)).toEqual(old);
      expect(leftovers(workspace)).toEqual([]);
      // Node's own compile cache (in the temp folder too) is meant to stay.
      expect(readdirSync(biome.tmp).filter((name) => name !== "node-compile-cache")).toEqual([]);
    } finally {
      biome.release();
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
    }
  }

  it.each(
    (["SIGINT", "SIGTERM", "SIGHUP"] as const).flatMap((signal) => ROWS.map((row) => ({ signal, ...row }))),
  )(
    "$signal while Biome formats ($threads, --jobs $jobs): every child process ends before the CLI does; 128 + n, one line, nothing left",
    { timeout: TIMEOUT },
    ({ signal, targets, jobs, biomes }) =>
      stopWhileFormatting({
        args: [...targets, "--jobs", jobs],
        biomes,
        stop: (run) => run.child.kill(signal),
        code: CODES[signal],
        stderr: `error: generate interrupted (${signal}): no package changed\n`,
      }),
  );

  // types fails (its Biome) while react-query's Biome runs in the other worker: the run stops there — it does not
  // wait for the other targets, whose output is thrown away — and the Biome still formatting is stopped.
  it(
    "a target that fails while Biome formats another in a worker: that Biome ends before the CLI does; one line, exit 1, nothing left",
    { timeout: TIMEOUT },
    () =>
      stopWhileFormatting({
        args: ["types", "react-query", "msw", "--jobs", "2"],
        failFor: "types",
        biomes: 2,
        stop: (_, biome) => biome.fail(),
        code: 1,
        stderr:
          "error: formatting generated code failed: Biome exited with code 1: stand-in Biome cannot format this\n",
      }),
  );
});
