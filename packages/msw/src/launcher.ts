// Node-only, used by the `serve` bin: notices when whatever launched the mock server has gone away.
//
// `npx pnpm mock:serve` puts five or more processes between the caller and the server (npx, shells, pnpm, the
// `node` shim of node_modules/.bin), and none of the shells forwards a signal to its child: signalling the
// outermost one leaves the rest running, port held. The one process that can reliably notice is the server
// itself, so it watches its launch chain and stops when any link of it disappears.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

interface ProcessInfo {
  ppid: number;
  pgid: number;
  /** Start time (Linux clock ticks since boot), so a recycled pid is not mistaken for the launcher. */
  start?: string;
  alive: boolean;
}

type ProcessTable = (pid: number) => ProcessInfo | undefined;

/** /proc/<pid>/stat; fields after the ")" that closes the command name: state, ppid, pgrp, … starttime. */
function procTable(): ProcessTable {
  return (pid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      return undefined;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      start: fields[19],
      alive: fields[0] !== "Z" && fields[0] !== "X",
    };
  };
}

/** Without /proc (macOS, BSD): one `ps` per look. Undefined when ps cannot be run (then nothing is judged). */
function psTable(): ProcessTable | undefined {
  let output: string;
  try {
    output = execFileSync("ps", ["-A", "-o", "pid=,ppid=,pgid=,stat="], { encoding: "utf8" });
  } catch {
    return undefined;
  }
  const table = new Map<number, ProcessInfo>();
  for (const line of output.split("\n")) {
    const [pid, ppid, pgid, state] = line.trim().split(/\s+/);
    if (pid === undefined || ppid === undefined || pgid === undefined) continue;
    table.set(Number(pid), { ppid: Number(ppid), pgid: Number(pgid), alive: !state?.startsWith("Z") });
  }
  return (pid) => table.get(pid);
}

function processTable(): ProcessTable | undefined {
  return existsSync("/proc/self/stat") ? procTable() : psTable();
}

interface Link {
  pid: number;
  start: string | undefined;
}

/**
 * The processes this one was launched through: the parent, then every further ancestor in the same process
 * group (the job a shell or a test runner started). An interactive shell runs each job in a group of its own,
 * so `nohup pnpm mock:serve &` survives the terminal closing; a launcher signalled on its own is noticed.
 */
function launchChain(table: ProcessTable): Link[] {
  const self = table(process.pid);
  const chain: Link[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 64) {
    const info = table(pid);
    if (!info) break;
    if (chain.length > 0 && info.pgid !== self?.pgid) break;
    chain.push({ pid, start: info.start });
    pid = info.ppid;
  }
  return chain;
}

/**
 * Calls `onGone` once, when a process of the launch chain has exited (or the chain cannot be read at start:
 * then it does nothing). Polls every `intervalMs` on an unref'd timer; returns a function that stops watching.
 * Windows has no process groups to read: there it watches nothing.
 */
export function watchLauncher(onGone: (pid: number) => void, intervalMs = 1000): () => void {
  if (process.platform === "win32") return () => {};
  const initial = processTable();
  if (!initial) return () => {};
  const chain = launchChain(initial);
  const startPpid = process.ppid;
  const timer = setInterval(() => {
    const table = processTable();
    if (!table) return;
    const gone =
      process.ppid !== startPpid
        ? startPpid
        : chain.find((link) => {
            const info = table(link.pid);
            return !info?.alive || info.start !== link.start;
          })?.pid;
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
