// Fault injection for the crash tests of `spec:pull` (test/pull-crash.test.ts). Every step of the pull's
// write sequence calls `faultPoint(name)` just before it touches the disk; the env var picks one:
//
//   INSTANTLY_KIT_FAULT=list           print `fault-point: <name>` on stderr at every step (the tests
//                                      enumerate the steps from this, so a new step is covered automatically)
//   INSTANTLY_KIT_FAULT=kill:<name>    SIGKILL this process at that step: no finally, no exit handler runs
//   INSTANTLY_KIT_FAULT=hang:<name>    print `fault: hanging at <name>` and never return (a pull that holds
//                                      the lock, for the concurrency tests)
//
// Unset (always, outside tests) it does nothing. A real SIGKILL rather than a thrown error: a thrown error
// would let cleanup code run, which a power cut or `kill -9` does not.
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
  return Promise.resolve();
}
