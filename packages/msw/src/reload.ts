// Node-only, used by the `serve` bin: notices a rebuilt package (after `pnpm sync`) and loads the new mocks.
//
// ES modules cannot be unloaded or re-evaluated: importing `dist/index.js` again gives the cached module. So the
// new build is copied to a fresh folder next to `dist/` (where `msw` and `@instantly-kit/types` still resolve from
// the package's node_modules) and imported from there — a new module graph — and the copy is removed once loaded.
import { cp, readdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const COPY_PREFIX = ".reload-";

/** Size and mtime of every built file: the build's fingerprint. Undefined while the folder is missing or empty. */
export async function buildFingerprint(dist: string): Promise<string | undefined> {
  let files: string[];
  try {
    files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith(".js"));
  } catch {
    return undefined;
  }
  if (files.length === 0) return undefined;
  const parts = await Promise.all(
    files.sort().map(async (file) => {
      try {
        const info = await stat(join(dist, file));
        return `${file}:${info.size}:${info.mtimeMs}`;
      } catch {
        return `${file}:gone`;
      }
    }),
  );
  return parts.join("|");
}

/**
 * Calls `onChange` after the files of `dist` differ from `since` and then stayed the same for one more poll (a build
 * writes many files: the debounce waits for it to finish). `since` is the {@link buildFingerprint} taken before the
 * running build was imported: a rebuild that lands while the server starts (between its import and this call, or
 * before the first poll) is then a change to reload, never the baseline — the server announces itself before it
 * watches, and whoever read that line may rebuild at once. Polling, not fs.watch: `pnpm sync` deletes and recreates
 * the folder, which ends a watcher. Returns a function that stops watching.
 */
export function watchBuild(
  dist: string,
  since: string | undefined,
  onChange: () => Promise<void>,
  intervalMs = 500,
): () => void {
  let last = since;
  let pending: string | undefined;
  let busy = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const now = await buildFingerprint(dist);
      if (now === undefined || now === last) {
        pending = undefined;
        return;
      }
      if (now !== pending) {
        // Changed since the previous poll: wait for it to settle.
        pending = now;
        return;
      }
      last = now;
      pending = undefined;
      await onChange();
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

let copies = 0;

/** Imports `entry` (e.g. `index.js`) of the build in `dist` as a new module graph. */
export async function importFreshBuild<T>(dist: string, entry: string): Promise<T> {
  copies += 1;
  const copy = join(dirname(dist), `${COPY_PREFIX}${process.pid}-${copies}`);
  try {
    await cp(dist, copy, { recursive: true });
    return (await import(pathToFileURL(join(copy, entry)).href)) as T;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
