// Fault injection for the crash tests of `spec:pull` (test/pull-crash.test.ts). Every step of the pull's
// write sequence calls `faultPoint(name)` just before it touches the disk; the env var picks one:
//
//   INSTANTLY_KIT_FAULT=list           print `fault-point: <name>` on stderr at every step (the tests
//                                      enumerate the steps from this, so a new step is covered automatically)
//   INSTANTLY_KIT_FAULT=kill:<name>    SIGKILL this process at that step: no finally, no exit handler runs
//   INSTANTLY_KIT_FAULT=hang:<name>    print `fault: hanging at <name>` and never return (a pull that holds
//                                      the lock, for the concurrency tests)
//   INSTANTLY_KIT_FAULT=throw:<name>   throw a plain Error (not a CliError: a bug) at that step
//   INSTANTLY_KIT_FAULT=pause:<name>   print `fault: paused at <name>` and return once the file named by
//                                      INSTANTLY_KIT_FAULT_RESUME exists (a test does something else in that
//                                      moment — a pull, a second generate — then lets this process go on). A
//                                      file, not a signal or stdin: worker threads see neither.
//
// With any setting, `faultNote(text)` prints `fault: <text>` on stderr: what a test must wait for and cannot see
// otherwise (a signal taken by src/fs/interrupt.ts, before the test lets a paused process go on). The setting is
// inherited by the processes a command starts; spec:watch, which keeps its scripts' output for its report, passes
// their `fault: …` lines on (`relayFaultLines`), so a test sees a `generate` it runs held at a step.
//
// Unset (always, outside tests) it does nothing. A real SIGKILL rather than a thrown error: a thrown error
// would let cleanup code run, which a power cut or `kill -9` does not.
import { existsSync } from "node:fs";
import type { Readable } from "node:stream";

const setting = process.env.INSTANTLY_KIT_FAULT ?? "";

export function faultPoint(name: string): Promise<void> {
  if (setting === "") return Promise.resolve();
  if (setting === "list") {
    process.stderr.write(`fault-point: ${name}\n`);
    return Promise.resolve();
  }
  if (setting === `kill:${name}`) {
    process.kill(process.pid, "SIGKILL");
    return new Promise(() => {}); // never resumes, even if the signal took a moment to land
  }
  if (setting === `hang:${name}`) {
    process.stderr.write(`fault: hanging at ${name}\n`);
    // A pending timer keeps the process alive until it is killed.
    return new Promise(() => setInterval(() => {}, 60_000));
  }
  if (setting === `throw:${name}`) return Promise.reject(new Error(`fault: thrown at ${name}`));
  if (setting === `pause:${name}`) {
    const resume = process.env.INSTANTLY_KIT_FAULT_RESUME ?? "";
    process.stderr.write(`fault: paused at ${name}\n`);
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        if (resume !== "" && existsSync(resume)) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
  }
  return Promise.resolve();
}

/** Prints `fault: <text>` on stderr when a fault is set (tests only); nothing otherwise. */
export function faultNote(text: string): void {
  if (setting !== "") process.stderr.write(`fault: ${text}\n`);
}

/**
 * Passes the `fault: …` lines of a child process's `stream` on to this process's stderr as `fault: <label>: …`, when a
 * fault is set (tests only); nothing otherwise.
 */
export function relayFaultLines(stream: Readable, label: string): void {
  if (setting === "") return;
  let partial = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines)
      if (line.startsWith("fault: ")) process.stderr.write(`fault: ${label}: ${line.slice(7)}\n`);
  });
}
