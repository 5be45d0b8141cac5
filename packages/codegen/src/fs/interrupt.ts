// SIGINT/SIGTERM/SIGHUP for a command that must not stop halfway (`generate`'s staged folders and their swap).
// Node's default for these signals ends the process on the spot, like a kill: no `finally` runs, so staging
// folders stay behind, and a signal between a swap's two renames leaves a package with no folder at all. While a
// command listens (catchInterrupts), a signal only takes note and aborts `signal`; the command decides at its next
// step: before its commit point it undoes what it staged, after it it finishes (a few renames), then it throws
// Interrupted, which the CLI turns into one line and the exit status a shell gives a process the signal killed.
//
// Only the first signal counts. Later ones are ignored until the command is done (the listeners stay, so Node's
// default does not come back): what runs after the first is bounded — stopping threads, removing folders, renames —
// and ending it halfway is what leaves leftovers or an absent package. A process that really hangs still dies to
// SIGKILL, which leaves no more than the default did; the next run removes it (src/fs/atomic.ts removeAbandoned).
import { constants } from "node:os";
import { CliError } from "../errors.ts";
import { faultNote } from "./fault.ts";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type InterruptSignal = (typeof SIGNALS)[number];

export interface Interrupts {
  /** Aborted at the first signal (its reason the signal's name): hand it to waits that can stop early. */
  readonly signal: AbortSignal;
  /** The first signal taken, if any. */
  readonly received: InterruptSignal | undefined;
  /**
   * Settles as `work` does, or rejects at once when a signal is (or was) taken: the command does not wait for work
   * it is about to stop (generate terminates its worker threads) or to abandon (a target in the main thread: the
   * CLI exits).
   */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops listening: Node's default applies again, and no listener is left behind. */
  dispose(): void;
}

/** Listens for SIGINT/SIGTERM/SIGHUP until `dispose()` (see the header). */
export function catchInterrupts(): Interrupts {
  const controller = new AbortController();
  let received: InterruptSignal | undefined;
  const onSignal = (signal: InterruptSignal) => {
    if (received) {
      faultNote(`ignored ${signal}`); // see the header: only the first signal counts
      return;
    }
    received = signal;
    faultNote(`received ${signal}`);
    controller.abort(signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    race: (work) =>
      new Promise((resolve, reject) => {
        const onAbort = () => reject(controller.signal.reason);
        if (controller.signal.aborted) onAbort();
        controller.signal.addEventListener("abort", onAbort, { once: true });
        work.then(resolve, reject).finally(() => controller.signal.removeEventListener("abort", onAbort));
      }),
    dispose: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}

/**
 * A command stopped by a signal: one line, and exit status 128 + the signal's number (130 for SIGINT, 143 for
 * SIGTERM, 129 for SIGHUP), as a shell reports a process the signal killed. The CLI exits on it at once (cli.ts):
 * whatever is still pending (a target abandoned in the main thread, a child process's pipe) must not keep the
 * process alive.
 */
export class Interrupted extends CliError {
  constructor(what: string, signal: InterruptSignal, outcome: string) {
    super(`${what} interrupted (${signal}): ${outcome}`, 128 + constants.signals[signal]);
  }
}
