// Writes apps/<name> from the hand-written template next to this file. All or nothing: the files are staged
// in apps/.new-app-<name>-<pid>/ (dot-named, so no workspace glob sees it) and renamed into place in one step.
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";

export const TEMPLATE_DIR = join(import.meta.dirname, "template");

/** Files whose text names the app (`__APP_NAME__`). */
const NAMED_FILES = ["package.json", "index.html", "README.md"];
/** Stored under another name in the template so git and tools do not treat them as the repo's own. */
const RENAMED: Record<string, string> = { _gitignore: ".gitignore" };

export class NewAppError extends Error {}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_LENGTH = 50;

/**
 * An app name is a directory under apps/, a package name and a `--filter` argument: lowercase letters and
 * digits in words joined by single hyphens, starting with a letter (`email-accounts`).
 */
export function checkAppName(name: string): void {
  if (name.length > MAX_LENGTH) {
    throw new NewAppError(`app name is ${name.length} characters long; at most ${MAX_LENGTH}`);
  }
  if (!NAME.test(name)) {
    throw new NewAppError(
      `app name ${JSON.stringify(name)} must be lowercase letters and digits in words joined by single hyphens, starting with a letter (e.g. email-accounts)`,
    );
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path); // a dangling symlink exists too
    return true;
  } catch {
    return false;
  }
}

/** A run that died (kill -9, power cut) left its staging folder: nobody else will remove it. */
function removeStaleStaging(apps: string): void {
  for (const entry of readdirSync(apps)) {
    const match = /^\.new-app-.+-(\d+)$/.exec(entry);
    if (match && !isRunning(Number(match[1]))) rmSync(join(apps, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates apps/<name> under `root`; returns the files written (relative to the app). */
export function scaffoldApp(root: string, name: string): string[] {
  checkAppName(name);
  const apps = join(root, "apps");
  const target = join(apps, name);
  if (exists(target)) throw new NewAppError(`apps/${name} already exists; choose another name`);
  mkdirSync(apps, { recursive: true });
  removeStaleStaging(apps);

  const staging = join(apps, `.new-app-${name}-${process.pid}`);
  try {
    cpSync(TEMPLATE_DIR, staging, { recursive: true });
    for (const [stored, real] of Object.entries(RENAMED)) {
      renameSync(join(staging, stored), join(staging, real));
    }
    for (const file of NAMED_FILES) {
      const path = join(staging, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll("__APP_NAME__", name));
    }
    // Fault injection for the tests: die with everything staged, just before the one step that publishes it.
    if (process.env.INSTANTLY_KIT_FAULT === "new-app:before-rename") process.kill(process.pid, "SIGKILL");
    // The one step that makes the app appear. rename(2) onto a directory that is not empty fails, so of two
    // runs for one name that both passed the check above, the second fails here instead of mixing files.
    try {
      renameSync(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") {
        throw new NewAppError(`apps/${name} already exists; choose another name`);
      }
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return listFiles(target).map((file) => relative(target, file));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
