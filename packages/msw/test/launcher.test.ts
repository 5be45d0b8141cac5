// `pnpm mock:serve` stops with everything it started when whoever launched it is signalled: spawned exactly
// as the README documents it, through npx, pnpm and their shells.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningCli, serveJs, waitForListening } from "./cli.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** The documented command (README: "Everything below runs from the repository root with npx --yes pnpm@10.34.8"). */
const DOCUMENTED = ["npx", "--yes", "pnpm@10.34.8", "mock:serve", "--port", "0"];

interface Proc {
  pid: number;
  ppid: number;
  start: string;
  state: string;
  args: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid: Number(fields[1]), start: fields[19] ?? "", state: fields[0] ?? "", args };
  } catch {
    return undefined;
  }
}

/** `root` and every process below it, right now. */
function processTree(root: number): Proc[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((proc): proc is Proc => proc !== undefined);
  const tree: Proc[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const proc = all.find((candidate) => candidate.pid === pid);
    if (proc) tree.push(proc);
    for (const child of all) if (child.ppid === pid) queue.push(child.pid);
  }
  return tree;
}

/** Still running: same pid and start time (not a recycled pid), not a zombie waiting to be reaped. */
const running = (proc: Proc) => {
  const now = readProc(proc.pid);
  return now !== undefined && now.start === proc.start && now.state !== "Z" && now.state !== "X";
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Polls (generously: CI is a noisy shared machine) until no process of `tree` runs and `port` is free. */
async function waitUntilGone(tree: Proc[], port: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = tree.filter(running);
    const free = await portIsFree(port);
    if ((left.length === 0 && free) || Date.now() > deadline) return { left: left.map((p) => p.args), free };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const started: Proc[][] = [];
afterEach(() => {
  // Whatever a failed test left behind is not left to the next one (pids checked against their start time).
  for (const tree of started.splice(0)) {
    for (const proc of tree.filter(running)) process.kill(proc.pid, "SIGKILL");
  }
});

async function launch(command: string[], options: { detached?: boolean } = {}) {
  const child: ChildProcess = spawn(command[0] as string, command.slice(1), {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  const cli: RunningCli = await waitForListening(child, command.join(" "));
  const tree = processTree(child.pid as number);
  started.push(tree);
  return { child, cli, tree };
}

describe.skipIf(process.platform !== "linux")("the mock server stops with its launcher", () => {
  it("`npx pnpm mock:serve`, its launcher sent SIGTERM (child.kill()): no process left, port free", async () => {
    const { child, cli, tree } = await launch(DOCUMENTED);
    // The server is several processes below what was spawned: this is the situation being tested.
    expect(tree.length).toBeGreaterThanOrEqual(3);
    expect(tree.some((proc) => proc.args.includes("serve.js"))).toBe(true);
    child.kill();
    expect(await waitUntilGone(tree, cli.port)).toEqual({ left: [], free: true });
    expect(cli.output()).toMatch(/launcher \(pid \d+\) exited: stopping|SIGTERM: stopping/);
  });

  it("`npx pnpm mock:serve`, Ctrl+C (SIGINT to its process group): no process left, port free", async () => {
    const { child, cli, tree } = await launch(DOCUMENTED, { detached: true });
    process.kill(-(child.pid as number), "SIGINT");
    expect(await waitUntilGone(tree, cli.port)).toEqual({ left: [], free: true });
  });

  // Also a launcher killed outright (SIGKILL: a test runner's timeout), which nothing can forward.
  it("a shell that does not pass signals on, killed: the server notices and stops", async () => {
    const { child, cli, tree } = await launch([
      "sh",
      "-c",
      `"${process.execPath}" "${serveJs}" --port 0; true`,
    ]);
    child.kill("SIGKILL");
    expect(await waitUntilGone(tree, cli.port)).toEqual({ left: [], free: true });
    expect(cli.output()).toMatch(/launcher \(pid \d+\) exited: stopping/);
  });

  it("--outlive-launcher keeps serving after the launcher is gone", async () => {
    const { child, cli, tree } = await launch([
      "sh",
      "-c",
      `"${process.execPath}" "${serveJs}" --port 0 --outlive-launcher; true`,
    ]);
    child.kill("SIGKILL");
    // Three watch intervals of the default watcher, and then some.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const response = await fetch(`${cli.url}/api/v2/lead-labels`);
    expect(response.status).toBe(200);
    const server = tree.find((proc) => proc.args.startsWith(`${process.execPath} `)) as Proc;
    expect(running(server)).toBe(true);
    process.kill(server.pid, "SIGTERM");
    expect(await waitUntilGone([server], cli.port)).toEqual({ left: [], free: true });
  });
});
