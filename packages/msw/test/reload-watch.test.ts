// `watchBuild` (the serve bin's reload) on a real folder and real timers: it reloads every build that differs from
// the one the server imported, whenever the rebuild landed — also between the import and the start of the watch,
// which the server spends announcing itself (and whoever read that line may rebuild at once: a CI run under load
// caught a rebuild absorbed into the watch's baseline, served stale for good). No deadline is asserted: each wait
// is for a call, with a generous limit.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildFingerprint, watchBuild } from "../src/reload.js";

const stops: (() => void)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function build(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "msw-reload-watch-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Watches `dir` from `since`, counting onChange calls; `calls(n)` resolves once there were n. */
function watch(dir: string, since: string | undefined) {
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  stops.push(
    watchBuild(
      dir,
      since,
      async () => {
        count += 1;
        for (const waiter of waiters) if (count >= waiter.n) waiter.resolve();
      },
      20,
    ),
  );
  return {
    count: () => count,
    calls: (n: number) =>
      new Promise<void>((resolve, reject) => {
        if (count >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`onChange called ${count} time(s), not ${n}`)),
          120_000,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

describe("watchBuild", () => {
  it.each([
    ["a file rewritten", (dir: string) => writeFile(join(dir, "index.js"), "export const a = 22;\n")],
    ["a file added", (dir: string) => writeFile(join(dir, "extra.js"), "export {};\n")],
  ])("reloads a rebuild that landed before the watch started (%s)", async (_, rebuild) => {
    const dir = await build({ "index.js": "export const a = 1;\n" });
    const imported = await buildFingerprint(dir);
    await rebuild(dir); // …while the server imports the build and announces itself
    const watcher = watch(dir, imported);
    await watcher.calls(1);
  });

  it("reloads nothing while the build is the one imported, then each rebuild once", async () => {
    const dir = await build({ "index.js": "export const a = 1;\n", "b.js": "export {};\n" });
    const watcher = watch(dir, await buildFingerprint(dir));
    // A sentinel folder watched alongside, rebuilt: once it reloaded, the first one has been polled many times.
    const sentinel = await build({ "index.js": "1;\n" });
    const other = watch(sentinel, await buildFingerprint(sentinel));
    await writeFile(join(sentinel, "index.js"), "22;\n");
    await other.calls(1);
    expect(watcher.count()).toBe(0);
    await writeFile(join(dir, "index.js"), "export const a = 333;\n");
    await watcher.calls(1);
    await writeFile(join(dir, "b.js"), "export const b = 4444;\n");
    await watcher.calls(2);
  });
});
