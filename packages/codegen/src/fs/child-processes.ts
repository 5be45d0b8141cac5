// Child processes a target starts (Biome, src/targets/format.ts), so that a run stopped early — a signal, another
// target's failure (`generate`, ADR 0034) — can end them before the CLI exits. Nothing else would: a child outlives
// the worker thread that started it (`terminate()` only closes the thread's end of its pipes) and the CLI itself,
// and Biome does not read its stdin. Left running, it goes on formatting a staging folder the run has removed.
// (No target starts another child: orval's esbuild service went with ADR 0036.)
//
// One registry per thread (each thread loads this module): `runChild` starts and counts a child, `stopChildren`
// kills this thread's children, waits for them to exit, and refuses any child asked for afterwards, for the rest of
// the thread's life (a target abandoned in the main thread runs on until the CLI exits; a CLI process runs one
// generate).
//
// A worker thread can only do this when its event loop turns, and may be busy for seconds in synchronous work
// (a compiler pass): asking it every time would hold up every stop. So its two counters live in memory shared with
// the main thread (`childState`, `useChildState`), which asks it only when it has children (`holdChildren`), and
// otherwise terminates it at once. The order makes that safe, without a lock: a child is counted before `stop` is
// checked, and the main thread sets `stop` before it reads the count; so either the main thread sees the child,
// or the worker sees `stop` and starts nothing. While a child runs, its worker only awaits it: it answers at once.
// The happy path pays three atomic operations per child, no message, no process, no polling.
import { type ChildProcess, type ExecFileOptions, execFile, type PromiseWithChild } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Index of `stop` (1 once this thread's children are being stopped) and of the count of its children. */
const STOP = 0;
const LIVE = 1;

let state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
/** This thread's children still running, each with a promise settled once it has exited. */
const running = new Map<ChildProcess, Promise<void>>();

/** Memory for a worker thread's counters, created by the main thread and handed to the worker. */
export function childState(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** In a worker thread, before any child: counts its children in `buffer` (from {@link childState}). */
export function useChildState(buffer: SharedArrayBuffer): void {
  state = new Int32Array(buffer);
}

/**
 * In the main thread, for a worker's `buffer`: it starts no child from now on; true when it still has some, which
 * it must then be asked to stop (its `stopChildren`) before it is terminated.
 */
export function holdChildren(buffer: SharedArrayBuffer): boolean {
  const shared = new Int32Array(buffer);
  Atomics.store(shared, STOP, 1);
  return Atomics.load(shared, LIVE) > 0;
}

/** `execFile`, promisified (output and exit as it reports them), for a child that a stopped run ends. */
export function runChild(
  file: string,
  args: string[],
  options: ExecFileOptions,
): Promise<{ stdout: string; stderr: string }> {
  Atomics.add(state, LIVE, 1); // counted before `stop` is read: see the header
  if (Atomics.load(state, STOP) !== 0) {
    Atomics.sub(state, LIVE, 1);
    return Promise.reject(new Error(`not started: the run is stopping (${file})`));
  }
  let started: PromiseWithChild<{ stdout: string; stderr: string }>;
  try {
    started = run(file, args, { ...options, encoding: "utf8" });
  } catch (error) {
    Atomics.sub(state, LIVE, 1);
    throw error;
  }
  const { child } = started;
  // Once the child has exited and its output is read (execFile settles on `close`), or never ran (a spawn error).
  const settled = () => {
    running.delete(child);
    Atomics.sub(state, LIVE, 1);
  };
  running.set(child, started.then(settled, settled));
  return started;
}

/**
 * Kills this thread's children and resolves once they have exited; from now on `runChild` refuses. SIGKILL: their
 * output is thrown away with the run, and a child cannot catch it, so the wait is short however the child behaves.
 * A child's own children are not reached: Biome's Node launcher, run only when the platform's binary does not
 * resolve (format.ts), would leave the binary it started running.
 */
export async function stopChildren(): Promise<void> {
  Atomics.store(state, STOP, 1);
  for (const child of running.keys()) child.kill("SIGKILL");
  await Promise.all(running.values());
}
