import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { CliError } from "../errors.ts";
import { type StagedDir, stageDir, swapStagedDirs } from "../fs/atomic.ts";
import { childState, holdChildren, stopChildren, useChildState } from "../fs/child-processes.ts";
import { faultPoint } from "../fs/fault.ts";
import { catchInterrupts, Interrupted } from "../fs/interrupt.ts";
import { waitForLockFile } from "../fs/lock-file.ts";
import { makeRunRoot, useScratchRoot } from "../fs/scratch.ts";
import { buildModel } from "../model/index.ts";
import { type ProjectPaths, projectPaths } from "../paths.ts";
import { readLockedSpecText, type SpecLock } from "../spec/lock.ts";
import { loadTypescriptThroughRequire } from "../startup/typescript-require.ts";
import { generateTarget } from "../targets/format.ts";
import { TARGET_NAMES, TARGETS, WORK_UNITS } from "../targets/registry.ts";
import type { Target } from "../targets/target.ts";

type LockedSpec = Awaited<ReturnType<typeof readLockedSpecText>>;

const USAGE = `usage: generate <${TARGET_NAMES.join("|")}|all>… [--jobs N]`;

interface Job {
  names: string[];
  /**
   * The locked spec's text and lock, read once by the main thread: every target parses its own copy and none reads
   * the files again, so a `spec:pull` during the run cannot give some packages the old spec and others the new.
   */
  spec: LockedSpec;
  /** Where each target's folder is filled; swapped in by the caller once every target succeeded. */
  outDirs: string[];
  /** Where the targets' scratch folders go (src/fs/scratch.ts): the run's own, removed however it ends. */
  scratchRoot: string;
}

/**
 * `generate <target>…` / `generate all`: writes packages/<target>/src/generated/ from the locked spec. The targets
 * run in one process (turbo's single root task, instead of a `pnpm run` per package at ~1 s of CPU each just to
 * start pnpm; ADR 0034), spread over worker threads, each filling a staged folder; only when every target
 * succeeded are the folders swapped in, so a failure in one target changes no package.
 */
export async function generateCommand(args: string[]): Promise<number> {
  const { names, jobs } = parseArgs(args);
  const paths = projectPaths();
  // Read once, checked against the lock, before any worker starts: fails fast with one line, and is the one spec
  // every target generates from (and the one the report names).
  const spec = await readLockedSpecText(paths);
  const started = performance.now();
  const outDir = (name: string) => join(paths.packagesDir, name, "src", "generated");
  const staged: StagedDir[] = [];
  const workers: JobWorker[] = [];
  const what =
    names.length === 1 ? `@instantly-kit/${names[0]}` : `${names.length} packages (${names.join(", ")})`;
  // SIGINT/SIGTERM/SIGHUP from here on (src/fs/interrupt.ts): before the swap, the run is undone as on a failure
  // (no package changed); once the swap has begun, it is finished first (every package is the new tree: never
  // absent, never a mix). Either way the CLI then exits 128 + the signal's number.
  const interrupts = catchInterrupts();
  let swapping = false;
  // A target abandoned after a signal never reaches the `finally` that removes its scratch folders (Biome's
  // config, orval's output): the CLI exits, a worker is terminated. They all go in this folder, removed below.
  let scratchRoot: string | undefined;
  try {
    try {
      scratchRoot = await makeRunRoot();
      for (const name of names) staged.push(await stageDir(outDir(name), name));
      interrupts.signal.throwIfAborted(); // no thread is started for a run already interrupted
      const byName = new Map(names.map((name, i) => [name, staged[i]?.tmp as string]));
      const groups = balance(names, jobs);
      // The first failure ends the run (below: the other threads and their children are stopped): their output
      // would be thrown away, and waiting for it makes a failed run as long as a good one.
      await interrupts.race(
        Promise.all(
          groups.map((group) => {
            const job: Job = {
              names: group,
              spec,
              outDirs: group.map((name) => byName.get(name) as string),
              scratchRoot: scratchRoot as string,
            };
            // With several groups, each runs in a worker thread and none in this one: a thread can be stopped
            // (terminate), work in this thread cannot. After a signal or a failed target nothing of the run goes
            // on — no orval still calling esbuild in a scratch folder already removed, printing its errors after
            // the run's last line. One group (a package's own `generate`, `--jobs 1`) runs here: a thread would
            // load every module a second time (+0.2 s for `generate client`, which takes 0.45 s); after a signal
            // it is abandoned (its Biome stopped) and the CLI exits as soon as the staging folders are gone.
            return groups.length === 1 ? runJob(paths, job) : runJobInWorker(job, workers);
          }),
        ),
      );
      // Another `generate` (a second `pnpm generate`, a package's own `generate` script) may be swapping the same
      // folders. One at a time: otherwise it can rename its tree in between our two renames and ours then fails
      // (ENOTEMPTY), and the packages end up a mix of both runs. A signal ends the wait (it may be long).
      const held = await waitForLockFile(paths.generateLock, "generate", "spec/.generate.lock", {
        onWait: (owner) =>
          process.stderr.write(`waiting for generate (pid ${owner.pid}) to swap in its packages\n`),
        signal: interrupts.signal,
      });
      // The commit point: from here a signal is only noted (checked below, once every folder is swapped in).
      swapping = true;
      try {
        await swapStagedDirs(staged);
      } finally {
        await held.release();
      }
    } catch (error) {
      // Threads still generating are stopped (after a signal, or when another target failed), and every child
      // process they started (Biome; src/fs/child-processes.ts), so none writes into a folder being removed or
      // outlives the CLI; then the folders not swapped in (all of them, unless the swap itself failed) are
      // removed: nothing is left behind.
      await Promise.all([stopChildren(), ...workers.map(stopWorker)]);
      await Promise.all(staged.map((dir) => dir.discard()));
      if (interrupts.received && !swapping)
        throw new Interrupted("generate", interrupts.received, "no package changed");
      throw error;
    }
    if (interrupts.received) {
      throw new Interrupted(
        "generate",
        interrupts.received,
        `the swap had begun, so it was finished first: ${what} updated`,
      );
    }
  } finally {
    // Retried: a target just stopped may have been creating or removing a folder in it. Before
    // dispose(): a second signal must not end the process halfway through.
    if (scratchRoot) await rm(scratchRoot, { recursive: true, force: true, maxRetries: 3 });
    useScratchRoot(undefined); // set by runJob when the one group ran in this thread
    interrupts.dispose();
  }
  report(what, spec.lock, started);
  return 0;
}

function parseArgs(args: string[]): { names: string[]; jobs: number } {
  const names: string[] = [];
  let jobs = availableParallelism();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--jobs") {
      // Digits only: Number() would also take "0x2", "1e1", " 2".
      const value = args[++i] ?? "";
      jobs = /^\d+$/.test(value) ? Number(value) : 0;
      if (jobs < 1) throw new CliError(`--jobs takes a whole number ≥ 1`, 2);
    } else if (arg === "all") names.push(...TARGET_NAMES);
    else if (TARGET_NAMES.includes(arg)) names.push(arg);
    else throw new CliError(USAGE, 2);
  }
  const unique = [...new Set(names)];
  if (unique.length === 0) throw new CliError(USAGE, 2);
  return { names: unique, jobs };
}

/**
 * Splits the targets into at most `jobs` groups of similar cost: each work unit (registry.ts) in turn, costliest
 * first, goes to the cheapest group so far. A group lists its targets in the registry's order.
 */
export function balance(names: readonly string[], jobs: number): string[][] {
  const units = WORK_UNITS.map((unit) => ({
    ...unit,
    targets: unit.targets.filter((name) => names.includes(name)),
  }))
    .filter((unit) => unit.targets.length > 0)
    .sort((a, b) => b.cost - a.cost);
  const groups = Array.from({ length: Math.min(jobs, units.length) }, () => ({
    cost: 0,
    names: [] as string[],
  }));
  for (const unit of units) {
    const group = groups.reduce((cheapest, g) => (g.cost < cheapest.cost ? g : cheapest));
    group.cost += unit.cost;
    group.names.push(...unit.targets);
  }
  return groups.map((group) => TARGET_NAMES.filter((name) => group.names.includes(name)));
}

/**
 * Generates one target into `dir`. Every target gets a model of its own, built from its own parse of the spec's
 * text: orval and openapi-typescript are handed `model.document` and may mutate it, so sharing one would make a
 * target's output depend on which targets ran before it in the same thread.
 */
async function generateInto(paths: ProjectPaths, name: string, dir: string, spec: LockedSpec): Promise<void> {
  const target = await (TARGETS[name] as () => Promise<Target>)();
  // The registry's name is the package folder the staged directory replaces.
  if (target.packageDir !== name) throw new Error(`target ${name} generates packages/${target.packageDir}`);
  const document = JSON.parse(spec.text) as Record<string, unknown>;
  await generateTarget(target, { model: buildModel(document), lock: spec.lock, outDir: dir, paths });
}

async function runJob(paths: ProjectPaths, job: Job): Promise<void> {
  useScratchRoot(job.scratchRoot);
  for (const [i, name] of job.names.entries()) {
    await generateInto(paths, name, job.outDirs[i] as string, job.spec);
    await faultPoint(`generated ${name}`);
  }
}

/** A worker thread running a job, and its children's counters (src/fs/child-processes.ts). */
interface JobWorker {
  worker: Worker;
  children: SharedArrayBuffer;
}

/** Asks a worker to stop its child processes (see stopWorker). */
const STOP_CHILDREN = "stop children";
/** A worker's answer: its children have exited. */
const CHILDREN_STOPPED = "children stopped";

/** What a worker posts back: a CliError keeps its one line and exit code across the thread boundary. */
type WorkerResult =
  | { ok: true }
  | { ok: false; cli: true; error: string; exitCode: number }
  | { ok: false; cli: false; error: string; stack: string };

/** Runs a job in a worker thread started from this very module (see the bottom of the file), added to `workers`. */
function runJobInWorker(job: Job, workers: JobWorker[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const children = childState();
    const worker = new Worker(new URL(import.meta.url), { workerData: { generateJob: job, children } });
    workers.push({ worker, children });
    let settled = false;
    worker.on("message", (message: WorkerResult | typeof CHILDREN_STOPPED) => {
      if (message === CHILDREN_STOPPED || settled) return; // for stopWorker; the result comes once
      settled = true;
      if (message.ok) resolve();
      else if (message.cli) reject(new CliError(message.error, message.exitCode));
      else {
        // Anything else is a bug and keeps the worker's own stack, printed as it would be from the main thread (a
        // new Error's stack would wrap it: "Error: Error: …", then this thread's frames).
        const error = new Error(message.error);
        error.stack = message.stack;
        reject(error);
      }
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`generate worker for ${job.names.join(", ")} exited with code ${code}`));
    });
  });
}

/**
 * Terminates a worker, once the child processes it started have exited. `terminate()` alone would leave them
 * running: it ends the thread, not its children. The worker is asked only when it has some (holdChildren): one
 * busy with a compiler pass has none, and is terminated at once, mid-pass. One that has some is only awaiting
 * them and answers at once; it may also end on its own meanwhile (its job failed), which does as well.
 */
async function stopWorker({ worker, children }: JobWorker): Promise<void> {
  if (holdChildren(children)) {
    await new Promise<void>((resolve) => {
      worker.on("message", (message) => {
        if (message === CHILDREN_STOPPED) resolve();
      });
      worker.once("exit", () => resolve());
      worker.postMessage(STOP_CHILDREN);
    });
  }
  await worker.terminate();
}

function report(what: string, lock: SpecLock, started: number): void {
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`generated ${what} from spec ${lock.sha256.slice(0, 12)} in ${ms} ms\n`);
}

// Worker side: this module is also the worker's entry. The main thread installed the typescript hook at start-up
// (cli.ts); hooks are per thread, so the worker installs its own before any target loads the compiler.
if (!isMainThread && workerData?.generateJob) {
  loadTypescriptThroughRequire();
  useChildState(workerData.children as SharedArrayBuffer);
  // Listened to while the job runs only: a listener keeps the thread alive, and it must end once its job is done.
  const onMessage = (message: unknown) => {
    if (message === STOP_CHILDREN) void stopChildren().then(() => parentPort?.postMessage(CHILDREN_STOPPED));
  };
  parentPort?.on("message", onMessage);
  runJob(projectPaths(), workerData.generateJob as Job)
    .finally(() => parentPort?.off("message", onMessage))
    .then(
      () => parentPort?.postMessage({ ok: true } satisfies WorkerResult),
      (error: unknown) =>
        parentPort?.postMessage(
          (error instanceof CliError
            ? { ok: false, cli: true, error: error.message, exitCode: error.exitCode }
            : {
                ok: false,
                cli: false,
                error: error instanceof Error ? error.message : String(error),
                stack: error instanceof Error ? (error.stack ?? String(error)) : String(error),
              }) satisfies WorkerResult,
        ),
    );
}
