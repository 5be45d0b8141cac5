// How `spec:watch` regenerates and rebuilds the generated packages, with real processes in a scratch copy of the
// repo (small fixture specs, no app): ONE `generate` for every package whose own script is the CLI's `generate
// <target>` (not one per package), then the packages' own `build` scripts in dependency order, in parallel where
// the graph allows. The builds are stand-ins (shell scripts, in the copy's manifests) that show what the watch
// does with them: each writes dist/built, checks that the packages it depends on were built before it in this
// run, and two of them meet (each waits until the other one has started), which only builds running side by side
// can do. Their waits are bounded only to turn a serial watch into a clear failure, never timed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dirTree, leftovers, type Tree } from "./generated-trees.ts";
import { start } from "./held-process.ts";
import { fixture } from "./helpers.ts";
import {
  copyWorkspace,
  createWorkspace,
  PACKAGES,
  type PackageDir,
  type Workspace,
} from "./hostile-pipeline/workspace.ts";

const OLD = fixture("cursor-pagination.json");
const NEW = fixture("operation-docs.json");
const TIMEOUT = 600_000;
/** How long a stand-in build waits for the one it meets: a bound on a serial watch, not a deadline on a slow one. */
const MEET_S = 120;

/** The generated packages' build-time dependencies among themselves (dependencies and peerDependencies). */
const BUILT_FIRST: Record<PackageDir, PackageDir[]> = {
  types: [],
  zod: ["types"],
  client: ["types", "zod"],
  msw: ["types"],
  "react-query": ["types", "client", "msw"],
};

/** The starting point, copied for each test: the old spec pulled, the five packages generated, an old dist/. */
let base: Workspace;
let source: string;

/** What the watch may change and must put back: spec/ and .changeset/, each package's src/generated and dist. */
function state(workspace: Workspace): Record<string, Tree | "absent"> {
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

/**
 * A stand-in build for `name`: refuses to run before its dependencies' builds of this run (their dist/built says
 * `new`), notes its pid (= its process group's) in `box`, runs `middle`, then writes dist/built.
 */
function standIn(name: PackageDir, box: string, middle = ":"): string {
  const checks = BUILT_FIRST[name].map(
    (dep) => `grep -qx new ../${dep}/dist/built || { echo '${name} built before ${dep}' >&2; exit 4; }`,
  );
  return [
    ...checks,
    `echo $$ > "${box}/${name}.pid.tmp"`,
    `mv "${box}/${name}.pid.tmp" "${box}/${name}.pid"`,
    middle,
    "rm -rf dist",
    "mkdir dist",
    "echo new > dist/built",
  ].join("; ");
}

/** Waits (bounded) until `other`'s stand-in build has started: possible only beside it. */
const meet = (box: string, name: PackageDir, other: PackageDir) =>
  `i=0; while [ ! -e "${box}/${other}.pid" ]; do i=$((i+1)); if [ $i -gt ${MEET_S * 10} ]; then echo '${name} never ran beside ${other}' >&2; exit 5; fi; sleep 0.1; done`;

/**
 * Holds a stand-in build until `box`/stop exists (the test writes it once done, whatever happened) or the copy is
 * gone: none outlives a failed test.
 */
const hold = (box: string) => `while [ -d "${box}" ] && [ ! -e "${box}/stop" ]; do sleep 0.2; done`;

/** A copy of the starting point whose packages build with `builds` (the others: their own build script). */
function withBuilds(builds: (box: string) => Partial<Record<PackageDir, string>>): {
  workspace: Workspace;
  box: string;
} {
  const workspace = copyWorkspace(base, "ik-watch-builds-");
  const box = join(workspace.root, "box");
  mkdirSync(box);
  for (const [name, build] of Object.entries(builds(box))) {
    const file = join(workspace.packageDir(name as PackageDir), "package.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...manifest, scripts: { ...manifest.scripts, build } }));
  }
  return { workspace, box };
}

/** Whether `pid` is a live process (a zombie no one has reaped yet has exited). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const pidOf = (box: string, name: PackageDir) => Number(readFileSync(join(box, `${name}.pid`), "utf8"));

/** `promise`, or a failure naming `what` after `ms`: turns a hang into a clear failure, never a deadline. */
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

async function until(ready: () => boolean, ended: () => boolean): Promise<void> {
  while (!ready() && !ended()) await new Promise((resolve) => setTimeout(resolve, 50));
}

const lines = (text: string) => text.trimEnd().split("\n");
const errorLines = (stderr: string) => lines(stderr).filter((line) => line.startsWith("error:"));

beforeAll(async () => {
  base = createWorkspace("ik-watch-builds-");
  const pulled = await base.cli(["pull", "--source", base.writeFile("old.json", JSON.stringify(OLD))]);
  expect(pulled.code, pulled.stderr).toBe(0);
  const generated = await base.cli(["generate", ...PACKAGES]);
  expect(generated.code, generated.stderr).toBe(0);
  // The dist/ of an earlier build: what the watch must put back after a failure.
  for (const name of PACKAGES) {
    mkdirSync(join(base.packageDir(name), "dist"));
    writeFileSync(join(base.packageDir(name), "dist", "built"), "old\n");
  }
  source = base.writeFile("new.json", JSON.stringify(NEW));
}, TIMEOUT);

afterAll(() => base?.remove());

// With one core the builds run one at a time, as they should: nothing here could meet.
describe.skipIf(availableParallelism() < 2)("spec:watch: one generate, then the builds in parallel", () => {
  it("one generate for the five packages; every build after its dependencies, zod's and msw's side by side; exit 10", {
    timeout: TIMEOUT,
  }, async () => {
    const { workspace } = withBuilds((box) => ({
      types: standIn("types", box),
      zod: standIn("zod", box, meet(box, "zod", "msw")),
      client: standIn("client", box),
      msw: standIn("msw", box, meet(box, "msw", "zod")),
      "react-query": standIn("react-query", box),
    }));
    const before = state(workspace);
    try {
      const result = await start(workspace, ["watch", "--source", source]).done;
      expect(result.code, result.stdout + result.stderr).toBe(10);
      const out = lines(result.stdout);
      // One generate run for all of them (the old watch ran each package's own: five lines, five processes).
      expect(out.filter((line) => line.includes("generate"))).toEqual([
        expect.stringMatching(
          /^5 packages \(types, zod, client, msw, react-query\): generate ok \(\d+ ms\)$/,
        ),
      ]);
      for (const name of PACKAGES) {
        expect(state(workspace)[`${name}/src/generated`], name).not.toEqual(before[`${name}/src/generated`]);
        // One line per build (in the order they finished); each stand-in checked its dependencies were built.
        expect(
          out.filter((line) => line.startsWith(`@instantly-kit/${name}: build ok (`)),
          name,
        ).toHaveLength(1);
        expect(readFileSync(join(workspace.packageDir(name), "dist", "built"), "utf8"), name).toBe("new\n");
      }
      expect(out.at(-1)).toBe("every app passes: exit 10");
    } finally {
      workspace.remove();
    }
  });

  it("zod's build fails while msw's runs beside it: msw's is stopped, exit 1 with zod's line, the tree as before", {
    timeout: TIMEOUT,
  }, async () => {
    const { workspace, box } = withBuilds((box) => ({
      types: standIn("types", box),
      zod: standIn("zod", box, `${meet(box, "zod", "msw")}; echo 'injected build failure' >&2; exit 3`),
      msw: standIn("msw", box, hold(box)),
    }));
    const before = state(workspace);
    try {
      const result = await start(workspace, ["watch", "--source", source]).done;
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(errorLines(result.stderr)).toEqual([
        "error: @instantly-kit/zod build failed (exit 3): injected build failure",
      ]);
      expect(result.stdout).toMatch(/^@instantly-kit\/types: build ok \(\d+ ms\)$/m);
      expect(result.stdout).not.toMatch(/msw: build ok/);
      // msw's build was running (it met zod's) and was stopped, not waited for: it would never have ended.
      expect(alive(pidOf(box, "msw"))).toBe(false);
      // client and react-query depend on zod: never started.
      expect(readdirSync(box).sort()).toEqual(["msw.pid", "types.pid", "zod.pid"]);
      expect(leftovers(workspace)).toEqual([]);
      expect(state(workspace)).toEqual(before);
    } finally {
      writeFileSync(join(box, "stop"), "");
      workspace.remove();
    }
  });

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s while zod and msw build side by side: both are stopped, the tree as before, 128 + n",
    { timeout: TIMEOUT },
    async (signal) => {
      const { workspace, box } = withBuilds((box) => ({
        types: standIn("types", box),
        zod: standIn("zod", box, hold(box)),
        msw: standIn("msw", box, hold(box)),
      }));
      const before = state(workspace);
      const run = start(workspace, ["watch", "--source", source]);
      const ended = () => run.child.exitCode !== null || run.child.signalCode !== null;
      const started = (name: PackageDir) => readdirSync(box).includes(`${name}.pid`);
      try {
        // Bounded only to turn a watch that never builds them together (the old one: zod's build, held, alone)
        // into a failure.
        await within(
          until(() => started("zod") && started("msw"), ended),
          "zod and msw building together",
        );
        expect(ended(), "the watch ended before both builds ran").toBe(false);
        const pids = [pidOf(box, "zod"), pidOf(box, "msw")];
        expect(pids.map(alive)).toEqual([true, true]);
        run.child.kill(signal);
        const result = await run.done;
        expect(result.code, result.stdout + result.stderr).toBe(
          { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[signal],
        );
        expect(errorLines(result.stderr)).toEqual([
          `error: spec:watch interrupted (${signal}): the tree is as before`,
        ]);
        expect(pids.map(alive)).toEqual([false, false]);
        expect(leftovers(workspace)).toEqual([]);
        expect(state(workspace)).toEqual(before);
      } finally {
        writeFileSync(join(box, "stop"), "");
        if (!ended()) run.child.kill("SIGKILL");
        workspace.remove();
      }
    },
  );
});
