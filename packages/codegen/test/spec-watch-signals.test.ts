// `spec:watch` stopped by SIGINT/SIGTERM/SIGHUP (Ctrl-C, a cancelled CI job, a closed terminal or a lost runner)
// while the packages' `generate` runs, with real processes in a scratch copy of the repo (ADR 0026): the watch
// sends the generate's process group SIGTERM and waits for it — generate then removes its staging folders beside
// src/generated and its scratch folder in the temp folder (ADR 0034) — puts back everything it changed, and exits
// with one line and 128 + the signal's number.
//
// Which process is held: the fault setting is inherited by the processes the watch runs, and only `generate` has
// the steps named here; the watch runs ONE `generate` for every package, held at a step of the second package
// (after its target is generated: nothing is swapped in yet; or in its swap: the first package is then swapped
// in); the spec, lock and changeset are written by then, so the restore always has something to put back.
// spec:watch passes the generate's `fault: …` lines on to its own stderr. Small fixture specs and no app keep it
// short. What the watch does with signals during the builds: spec-watch-builds.test.ts.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STOP_GRACE_MS } from "../src/watch/run-script.ts";
import { generatedPackages } from "../src/watch/workspace.ts";
import { dirTree, leftovers, type Tree } from "./generated-trees.ts";
import { type Paused, type Started, start, startPaused } from "./held-process.ts";
import { CLI, fixture } from "./helpers.ts";
import { createWorkspace, PACKAGES, type PackageDir, type Workspace } from "./hostile-pipeline/workspace.ts";

const OLD = fixture("cursor-pagination.json");
const NEW = fixture("operation-docs.json");
const TIMEOUT = 600_000;
const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof CODES;

let workspace: Workspace;
/** The package the watch regenerates first, and the one whose generate is held (the second). */
let first: PackageDir;
let held: PackageDir;
let source: string;
/** What the watch may change and must put back: spec/ and .changeset/, each package's src/generated and dist. */
let before: Record<string, Tree | "absent">;

function state(): Record<string, Tree | "absent"> {
  return {
    spec: dirTree(join(workspace.root, "spec")),
    changesets: dirTree(join(workspace.root, ".changeset")),
    ...Object.fromEntries(
      PACKAGES.flatMap((name) => [
        [`${name}/src/generated`, dirTree(join(workspace.packageDir(name), "src", "generated"))],
        [`${name}/dist`, dirTree(join(workspace.packageDir(name), "dist"))],
      ]),
    ),
  };
}

let boxes = 0;
/** A private temp folder for one watch (TMPDIR, inherited by its scripts): where generate's scratch folder goes. */
function privateTmp(): string {
  const dir = join(workspace.root, `tmp-${++boxes}`);
  mkdirSync(dir);
  return dir;
}

/** What the temp folder holds besides Node's own compile cache (meant to stay). */
const inTmp = (tmp: string) => readdirSync(tmp).filter((name) => name !== "node-compile-cache");

/** The pid of the generate holding a staging folder beside the held package's src/generated (`.tmp-generated-<pid>-…`). */
function stagingPid(): number {
  const names = readdirSync(join(workspace.packageDir(held), "src")).filter((name) =>
    name.startsWith(".tmp-"),
  );
  expect(names).toHaveLength(1);
  return Number(/^\.tmp-generated-[0-9a-f]{8}\.(\d+)-[0-9a-f]{12}$/.exec(names[0] as string)?.[1]);
}

/** Whether `pid` is a live process (a zombie no one has reaped yet has exited). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const errorLines = (stderr: string) =>
  stderr
    .trimEnd()
    .split("\n")
    .filter((line) => !line.startsWith("fault: "));

/**
 * `promise`, or a failure naming `what` after `ms`: a generous bound (nothing here takes a minute) that only turns a
 * hang — a watch that never passes the held script's note on — into a clear failure instead of a test timeout.
 */
async function within(promise: Promise<void>, what: string, ms = 300_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} after ${ms / 1000} s`)), ms);
  });
  try {
    await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whatever failed, no process is left behind: a held one goes on, a watch never signalled is stopped. */
function letGo(run: Started): void {
  if ("resume" in run) (run as Paused).resume();
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGTERM");
}

/** A note of the watch's one generate (`fault: generate <target>…: <text>`). */
const generateNote = (text: string) => new RegExp(`^fault: generate [a-z -]+: ${text}$`, "m");

beforeAll(async () => {
  workspace = createWorkspace("ik-watch-signals-");
  const order = generatedPackages(workspace.root).map((pkg) => basename(pkg.dir) as PackageDir);
  [first, held] = order as [PackageDir, PackageDir];
  // The state the watch starts from: the old spec pulled, the packages the watch reaches generated and built.
  const pulled = await workspace.cli([
    "pull",
    "--source",
    workspace.writeFile("old.json", JSON.stringify(OLD)),
  ]);
  expect(pulled.code, pulled.stderr).toBe(0);
  const generated = await workspace.cli(["generate", first, held]);
  expect(generated.code, generated.stderr).toBe(0);
  for (const name of [first, held]) {
    const built = await workspace.build(name);
    expect(built.code, built.stdout + built.stderr).toBe(0);
  }
  source = workspace.writeFile("new.json", JSON.stringify(NEW));
  before = state();
  for (const name of [first, held]) expect(before[`${name}/dist`]).not.toBe("absent");
}, TIMEOUT);

afterAll(() => workspace?.remove());

/**
 * Checks the held generate's folders exist (the test means something), and that the first package was swapped in
 * only when the generate is held in its swap: one run for every package swaps in none until all are generated.
 */
function expectMidRun(tmp: string, swapping: boolean): number {
  const pid = stagingPid();
  expect(alive(pid)).toBe(true);
  expect(inTmp(tmp).filter((name) => name.startsWith("instantly-kit-generate-"))).toHaveLength(1);
  const firstNow = dirTree(join(workspace.packageDir(first), "src", "generated"));
  if (swapping) expect(firstNow).not.toEqual(before[`${first}/src/generated`]);
  else expect(firstNow).toEqual(before[`${first}/src/generated`]);
  return pid;
}

/** Everything as before the watch: no process, no staging or scratch folder, no backup, no changeset. */
function expectPutBack(pid: number, tmp: string): void {
  expect(alive(pid)).toBe(false);
  expect(leftovers(workspace)).toEqual([]);
  expect(inTmp(tmp)).toEqual([]);
  expect(state()).toEqual(before);
}

describe("spec:watch interrupted while the packages generate", () => {
  // Held after the target is generated (before its swap: generate discards it), and between the two renames of its
  // swap (generate finishes the swap first, then exits: the watch must wait for that before it restores, or the
  // package ends up the new tree). The second is let go once the generate has taken the SIGTERM the watch sent.
  const STEPS = [
    { at: (pkg: PackageDir) => `generated ${pkg}`, swapping: false },
    { at: (pkg: PackageDir) => `move in ${pkg}`, swapping: true },
  ];
  it.each(
    (["SIGINT", "SIGTERM", "SIGHUP"] as const).flatMap((signal) =>
      STEPS.map((step) => ({ signal, swapping: step.swapping, at: step.at })),
    ),
  )(
    "$signal (generate held, mid-swap: $swapping): the script is stopped by SIGTERM and waited for, then the tree is put back; 128 + n, one line",
    { timeout: TIMEOUT },
    async ({
      signal,
      swapping,
      at,
    }: {
      signal: Signal;
      swapping: boolean;
      at: (pkg: PackageDir) => string;
    }) => {
      const tmp = privateTmp();
      const run = startPaused(workspace, ["watch", "--source", source], at(held), { TMPDIR: tmp });
      try {
        await within(run.paused, `note that ${held}'s generate is held`);
        const pid = expectMidRun(tmp, swapping);
        run.child.kill(signal);
        if (swapping) {
          await within(run.stderrMatches(generateNote("received SIGTERM")), "SIGTERM taken by generate");
          run.resume();
        }
        const result = await run.done;
        expect(result.code, result.stdout + result.stderr).toBe(CODES[signal]);
        expect(errorLines(result.stderr)).toEqual([
          `error: spec:watch interrupted (${signal}): the tree is as before`,
        ]);
        // The generate was asked to stop (SIGTERM, which it handles: its note, passed on), not killed.
        expect(result.stderr).toMatch(generateNote("received SIGTERM"));
        expect(result.stdout).toContain(`${signal}: stopping the running script, then putting the tree back`);
        expectPutBack(pid, tmp);
      } finally {
        letGo(run);
      }
    },
  );

  it("a second and third signal while the script stops are ignored: the restore still happens, the first one's exit", {
    timeout: TIMEOUT,
  }, async () => {
    const tmp = privateTmp();
    const run: Paused = startPaused(workspace, ["watch", "--source", source], `move in ${held}`, {
      TMPDIR: tmp,
    });
    try {
      await within(run.paused, `note that ${held}'s generate is held`);
      const pid = expectMidRun(tmp, true);
      run.child.kill("SIGINT");
      // The watch is now waiting for the held generate, which has the SIGTERM and finishes its swap once let go.
      await within(run.stderrMatches(generateNote("received SIGTERM")), "SIGTERM taken by generate");
      run.child.kill("SIGTERM");
      await run.stderrMatches(/^fault: ignored SIGTERM$/m);
      run.child.kill("SIGHUP");
      await run.stderrMatches(/^fault: ignored SIGHUP$/m);
      run.resume();
      const result = await run.done;
      expect(result.code, result.stdout + result.stderr).toBe(130);
      expect(errorLines(result.stderr)).toEqual([
        "error: spec:watch interrupted (SIGINT): the tree is as before",
      ]);
      expectPutBack(pid, tmp);
    } finally {
      letGo(run);
    }
  });

  it("the terminal closed (a real pty hung up): the watch, which gets SIGHUP and whose output now fails (EIO), still stops the script and puts the tree back", {
    timeout: TIMEOUT,
  }, async () => {
    // util-linux `script` runs the watch on a pty as the session leader; killing `script` closes the pty's master,
    // which is a hang-up: SIGHUP to the watch, and EIO on each later write to its terminal. Its exit code goes
    // nowhere then; what is checked is what it leaves. Readiness is the held generate's note, read from the pty.
    const tmp = privateTmp();
    const resumeFile = join(workspace.root, `resume-terminal-${boxes}`);
    const command = ["exec", process.execPath, CLI, "watch", "--source", source].map((word) => `'${word}'`);
    const terminal = spawn(
      "script",
      ["-q", "-e", "-c", command.join(" ").replace("'exec'", "exec"), "/dev/null"],
      {
        cwd: workspace.root,
        env: {
          ...process.env,
          SHELL: "/bin/sh",
          INSTANTLY_KIT_ROOT: workspace.root,
          INSTANTLY_KIT_FAULT: `pause:generated ${held}`,
          INSTANTLY_KIT_FAULT_RESUME: resumeFile,
          TMPDIR: tmp,
        },
        stdio: ["pipe", "pipe", "pipe"], // stdin left open: `script` would end at its end
      },
    );
    let screen = "";
    const shown = new Promise<void>((resolve) => {
      terminal.stdout.on("data", (chunk) => {
        screen += chunk;
        // A terminal ends its lines with \r\n.
        if (new RegExp(`^fault: generate [a-z -]+: paused at generated ${held}\r?$`, "m").test(screen))
          resolve();
      });
      terminal.on("close", () => resolve());
    });
    try {
      await within(shown, `note that ${held}'s generate is held, on the terminal`);
      const pid = expectMidRun(tmp, false);
      const watch = (
        JSON.parse(readFileSync(join(workspace.root, "spec", ".pull.lock"), "utf8")) as { pid: number }
      ).pid;
      expect(alive(watch), screen).toBe(true);
      terminal.kill("SIGKILL");
      const gone = async () => {
        while (alive(watch)) await new Promise((resolve) => setTimeout(resolve, 100));
      };
      await within(gone(), "end of the watch");
      expectPutBack(pid, tmp);
      expect(readdirSync(join(workspace.root, "spec"))).not.toContain(".pull.lock");
    } finally {
      writeFileSync(resumeFile, "");
      terminal.kill("SIGKILL");
    }
  });

  it(`a script that ignores SIGTERM is killed after the grace period (${STOP_GRACE_MS / 1000} s), then the tree is put back`, {
    timeout: TIMEOUT,
  }, async () => {
    // The held package's generate becomes a script that notes the SIGTERM and goes on (`trap`), in its own folder:
    // not the generator's `generate <target>`, so the watch runs it on its own, after the one generate of the rest.
    const manifestPath = join(workspace.packageDir(held), "package.json");
    const manifest = readFileSync(manifestPath, "utf8");
    const box = privateTmp();
    const stubborn = `trap ': > "${box}/got-term"' TERM; echo $$ > "${box}/pid.tmp"; mv "${box}/pid.tmp" "${box}/pid"; while [ ! -e "${box}/stop" ]; do sleep 1; done`;
    writeFileSync(
      manifestPath,
      JSON.stringify({
        ...JSON.parse(manifest),
        scripts: { ...JSON.parse(manifest).scripts, generate: stubborn },
      }),
    );
    const run = start(workspace, ["watch", "--source", source], { TMPDIR: box });
    try {
      while (!readdirSync(box).includes("pid") && run.child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const pid = Number(readFileSync(join(box, "pid"), "utf8"));
      expect(alive(pid)).toBe(true);
      const signalled = performance.now();
      run.child.kill("SIGTERM");
      const result = await run.done;
      // A lower bound only: the watch cannot be faster than its grace period, however fast the machine.
      expect(performance.now() - signalled).toBeGreaterThanOrEqual(STOP_GRACE_MS - 1000);
      expect(result.code, result.stdout + result.stderr).toBe(143);
      expect(errorLines(result.stderr)).toEqual([
        "error: spec:watch interrupted (SIGTERM): the tree is as before",
      ]);
      expect(readdirSync(box)).toContain("got-term"); // asked first…
      expect(alive(pid)).toBe(false); // …then killed
    } finally {
      writeFileSync(manifestPath, manifest);
      writeFileSync(join(box, "stop"), "");
      letGo(run);
    }
    expect(leftovers(workspace)).toEqual([]);
    expect(state()).toEqual(before);
  });
});
