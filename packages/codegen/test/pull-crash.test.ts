// `spec:pull` is all-or-nothing even when killed, and two pulls never interleave — with real processes.
//
// The write sequence is not listed here: a pull run with INSTANTLY_KIT_FAULT=list prints every step it
// goes through (src/fs/fault.ts), and the table below is that list. For each step a fresh copy of the
// repo is pulled with INSTANTLY_KIT_FAULT=kill:<step> (a real SIGKILL there), then we check what is on
// disk: the old state, the new state, or a committed journal — and that the next pull ends in exactly
// the new state, changeset included.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, FIXTURES } from "./helpers.ts";

const SMALL_V1 = join(FIXTURES, "small-v1.json");
const SMALL_V2 = join(FIXTURES, "small-v2.yaml");
const REPO_GITIGNORE = join(import.meta.dirname, "..", "..", "..", ".gitignore");
// Fixed `pulledAt` (src/commands/pull.ts), so two runs of the same pull write byte-identical locks.
const ENV = { SOURCE_DATE_EPOCH: "1767225600" };
const PULL_V2 = ["pull", "--source", SMALL_V2];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(root: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: root, INSTANTLY_KIT_FAULT: "", ...ENV, ...env },
  });
}

function finish(child: ChildProcess): Promise<Run> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const run = (root: string, args: string[], env: Record<string, string> = {}) =>
  finish(start(root, args, env));

/** Resolves once `child` has printed `text` on stderr (no deadline: vitest's test timeout is the bound). */
function stderrLine(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr?.on("data", (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    });
    child.on("close", () => reject(new Error(`exited without printing ${text}: ${seen}`)));
  });
}

/** Every file under spec/ and .changeset/ (relative path → sha256), what a pull may change. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        out[relative(root, path)] = createHash("sha256")
          .update(await readFile(path))
          .digest("hex");
    }
  };
  await walk(join(root, "spec"));
  await walk(join(root, ".changeset"));
  return out;
}

const KEPT = /^(spec\/(openapi\.json|openapi\.lock\.json|sources\.json)|\.changeset\/[^/.][^/]*\.md)$/;

/**
 * The state without the temporary files a killed pull leaves (its lock, staged files, journal), after
 * checking that git ignores each of them: nobody can commit one by mistake.
 */
function visible(root: string, state: Record<string, string>): Record<string, string> {
  const leftovers = Object.keys(state).filter((path) => !KEPT.test(path));
  if (leftovers.length > 0) {
    const ignored = spawnSync("git", ["check-ignore", "--stdin"], {
      cwd: root,
      input: leftovers.join("\n"),
      encoding: "utf8",
    }).stdout;
    expect(ignored.split("\n").filter(Boolean).sort()).toEqual(leftovers.sort());
  }
  return Object.fromEntries(Object.entries(state).filter(([path]) => KEPT.test(path)));
}

const scratch: string[] = [];
/** A copy of `template` (a repo root), removed after the tests. */
async function copyOf(template: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "ik-crash-"));
  scratch.push(root);
  await cp(template, root, { recursive: true });
  return root;
}

let oldRoot: string; // a repo that pulled small-v1: the state before the pull under test
let oldState: Record<string, string>;
let newState: Record<string, string>;
let steps: string[];

beforeAll(async () => {
  oldRoot = await mkdtemp(join(tmpdir(), "ik-crash-old-"));
  scratch.push(oldRoot);
  await cp(REPO_GITIGNORE, join(oldRoot, ".gitignore"));
  execFileSync("git", ["init", "-q"], { cwd: oldRoot });
  await mkdir(join(oldRoot, "spec"));
  await mkdir(join(oldRoot, ".changeset"));
  await writeFile(join(oldRoot, "spec", "sources.json"), JSON.stringify({ sources: [SMALL_V1] }));
  const first = await run(oldRoot, ["pull"]);
  expect(first.code, first.stderr).toBe(0);
  oldState = await snapshot(oldRoot);

  // The reference run: no fault, every step listed.
  const reference = await copyOf(oldRoot);
  const listed = await run(reference, PULL_V2, { INSTANTLY_KIT_FAULT: "list" });
  expect(listed.code, listed.stderr).toBe(0);
  steps = [...listed.stderr.matchAll(/^fault-point: (.*)$/gm)].map((match) => match[1] as string);
  newState = await snapshot(reference);
});

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the reference pull", () => {
  it("changes the spec, the lock and adds a changeset, through every kind of step", () => {
    const changed = Object.keys(newState).filter((file) => newState[file] !== oldState[file]);
    expect(changed.sort()).toEqual([
      expect.stringMatching(/^\.changeset\/api-[0-9a-f]{7}\.md$/),
      "spec/openapi.json",
      "spec/openapi.lock.json",
    ]);
    // The sequence this file kills at: staging each file, the journal, its commit, each replacement.
    expect(steps).toContain("lock taken");
    expect(steps).toContain("commit journal");
    for (const file of changed) {
      expect(steps).toContain(`stage ${file}`);
      expect(steps).toContain(`replace ${file}`);
    }
  });
});

describe("killed at each step of the write sequence", () => {
  // Filled in beforeAll: it.each needs the list at collection time, so the table is one test per step.
  it("leaves the old or the new state (or a journal), and the next pull finishes the job", async () => {
    expect(steps.length).toBeGreaterThanOrEqual(9);
    for (const step of steps) {
      const root = await copyOf(oldRoot);
      const killed = await run(root, PULL_V2, { INSTANTLY_KIT_FAULT: `kill:${step}` });
      expect(killed.signal, `${step}: ${killed.stderr}`).toBe("SIGKILL");
      await checkAfterKill(root, step);
    }
  }, 900_000);

  it("a kill during the recovery of a committed pull is recovered by the next run", async () => {
    // Killed after the commit point, before any replacement: recovery has every file to move.
    const committed = await copyOf(oldRoot);
    const killed = await run(committed, PULL_V2, {
      INSTANTLY_KIT_FAULT: `kill:${steps.find((s) => s.startsWith("replace "))}`,
    });
    expect(killed.signal).toBe("SIGKILL");
    const listing = await copyOf(committed);
    const listed = await run(listing, PULL_V2, { INSTANTLY_KIT_FAULT: "list" });
    expect(listed.code, listed.stderr).toBe(0);
    const recoverySteps = [...listed.stderr.matchAll(/^fault-point: (recover .*)$/gm)].map(
      (m) => m[1] as string,
    );
    expect(recoverySteps.length).toBeGreaterThanOrEqual(4); // three files and the clean-up
    expect(await snapshot(listing)).toEqual(newState);
    for (const step of recoverySteps) {
      const root = await copyOf(committed);
      const again = await run(root, PULL_V2, { INSTANTLY_KIT_FAULT: `kill:${step}` });
      expect(again.signal, `${step}: ${again.stderr}`).toBe("SIGKILL");
      await checkAfterKill(root, step);
    }
  }, 600_000);

  it("generate refuses to run on a half-replaced spec, in one line", async () => {
    const root = await copyOf(oldRoot);
    await run(root, PULL_V2, { INSTANTLY_KIT_FAULT: "kill:replace spec/openapi.lock.json" });
    const generate = await run(root, ["generate", "types"]);
    expect(generate.code).not.toBe(0);
    expect(generate.stderr).toBe(
      "error: a spec:pull was interrupted while replacing the spec: run `pnpm spec:pull` to complete it\n",
    );
  });
});

async function checkAfterKill(root: string, step: string): Promise<void> {
  const state = await snapshot(root);
  const journal = await stat(join(root, "spec", ".pull-transaction", "journal.json")).then(
    () => true,
    () => false,
  );
  const shown = visible(root, state);
  // Everything the killed run left that is not the old or new state is ignored by git.
  if (!journal) {
    expect([oldState, newState], `${step}: neither the old nor the new state`).toContainEqual(shown);
  }
  // Even without recovery, a new lock never comes without its changeset (the lock is replaced last).
  const lockIsNew = shown["spec/openapi.lock.json"] === newState["spec/openapi.lock.json"];
  const changesets = (state: Record<string, string>) =>
    Object.keys(state).filter((f) => f.startsWith(".changeset/api-"));
  if (lockIsNew) expect(changesets(shown), step).toEqual(changesets(newState));

  const rerun = await run(root, PULL_V2);
  expect(rerun.code, `${step}: ${rerun.stderr}`).toBe(0);
  // Exactly the new state: changeset included, no temporary file left (ignored or not).
  expect(await snapshot(root), step).toEqual(newState);
  expect(await readdir(join(root, "spec")), step).toEqual(
    expect.not.arrayContaining([expect.stringMatching(/^\.(pull|tmp)/)]),
  );
}

describe("two pulls at once", () => {
  it("the second fails in one line while the first holds the lock; a killed holder's lock is taken over", async () => {
    const root = await copyOf(oldRoot);
    const first = start(root, PULL_V2, { INSTANTLY_KIT_FAULT: "hang:lock taken" });
    const firstDone = finish(first);
    await stderrLine(first, "fault: hanging at lock taken");

    const second = await run(root, PULL_V2);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(
      new RegExp(
        `^error: another spec:pull is running \\(pid ${first.pid}, since [^)]+\\): wait for it to finish and retry .*\\n$`,
      ),
    );
    expect(visible(root, await snapshot(root))).toEqual(oldState);

    first.kill("SIGKILL");
    expect((await firstDone).signal).toBe("SIGKILL");
    const third = await run(root, PULL_V2);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain(`note: took over a stale lock (pid ${first.pid}, `);
    expect(await snapshot(root)).toEqual(newState);
  });

  it("started together, they never interleave: one result, consistent, whichever ran", async () => {
    for (let round = 0; round < 3; round++) {
      const root = await copyOf(oldRoot);
      const [a, b] = await Promise.all([
        run(root, PULL_V2),
        run(root, ["pull", "--source", join(FIXTURES, "openapi-3.0.yaml")]),
      ]);
      for (const result of [a, b]) {
        if (result.code !== 0) {
          expect(result.stderr).toMatch(/^error: another spec:pull is running \(pid \d+, /);
        }
      }
      expect(a.code === 0 || b.code === 0).toBe(true);
      // The lock describes the spec on disk, and a changeset exists for it (both are API changes from v1).
      const lock = JSON.parse(await readFile(join(root, "spec", "openapi.lock.json"), "utf8"));
      const spec = await readFile(join(root, "spec", "openapi.json"));
      expect(createHash("sha256").update(spec).digest("hex")).toBe(lock.sha256);
      expect(await readdir(join(root, ".changeset"))).toContain(`api-${lock.sha256.slice(0, 7)}.md`);
      expect((await readdir(join(root, "spec"))).sort()).toEqual([
        "openapi.json",
        "openapi.lock.json",
        "sources.json",
      ]);
    }
  }, 300_000);

  it("a lock left by a dead process (pid no longer running) is taken over", async () => {
    const root = await copyOf(oldRoot);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const owner = { pid: dead, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(join(root, "spec", ".pull.lock"), JSON.stringify(owner));
    const result = await run(root, PULL_V2);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `note: took over a stale lock (pid ${dead}, since 2026-01-01T00:00:00.000Z`,
    );
    expect(await snapshot(root)).toEqual(newState);
  });

  it("a lock held on another host is not guessed at: one line saying how to clear it", async () => {
    const root = await copyOf(oldRoot);
    const owner = { pid: 1, host: "build-agent-7", startedAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(join(root, "spec", ".pull.lock"), JSON.stringify(owner));
    const result = await run(root, PULL_V2);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(
      "error: spec/.pull.lock says spec:pull is running on host build-agent-7 (pid 1, since 2026-01-01T00:00:00.000Z): wait for it, or delete spec/.pull.lock if it is not running\n",
    );
    expect(visible(root, await snapshot(root))).toEqual(oldState);
  });
});
