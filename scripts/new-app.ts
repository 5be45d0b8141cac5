#!/usr/bin/env node
// `pnpm new:app <name> [--no-install] [--offline | --prefer-offline]`: a new Vite + React app under apps/<name>, wired to the kit
// (providers, QueryClient defaults, msw in dev, vitest + jsdom + Testing Library on the stateful mock), then
// `pnpm install` so it runs at once. Bad input: one `error:` line, exit 1, nothing written.
import { resolve } from "node:path";
import { NewAppError, scaffoldApp } from "./new-app/scaffold.ts";
import { runPnpm } from "./release/pnpm.ts";

const USAGE = "usage: pnpm new:app <name> [--no-install] [--offline | --prefer-offline]";
const root = resolve(import.meta.dirname, "..");

/** Options handed to `pnpm install` as they are. */
const INSTALL_FLAGS = new Set(["--offline", "--prefer-offline"]);

function parseArgs(argv: string[]): { name: string; install: boolean; installFlags: string[] } {
  const names: string[] = [];
  const installFlags: string[] = [];
  let install = true;
  for (const arg of argv) {
    if (arg === "--no-install") install = false;
    else if (INSTALL_FLAGS.has(arg)) installFlags.push(arg);
    else if (arg.startsWith("-")) throw new NewAppError(`unknown option ${arg}; ${USAGE}`);
    else names.push(arg);
  }
  const [name, ...rest] = names;
  if (name === undefined) throw new NewAppError(`no app name given; ${USAGE}`);
  if (rest.length > 0) throw new NewAppError(`one app name at a time (got ${names.length}); ${USAGE}`);
  return { name, install, installFlags };
}

function main(): number {
  let options: ReturnType<typeof parseArgs>;
  let files: string[];
  try {
    options = parseArgs(process.argv.slice(2));
    files = scaffoldApp(root, options.name);
  } catch (error) {
    if (error instanceof NewAppError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { name } = options;
  process.stdout.write(`new:app: created apps/${name} (${files.length} files)\n`);
  if (options.install) {
    // A new workspace package: pnpm links its dependencies (all already in the catalog and the store).
    // A new app adds its dependencies to the lock file: never frozen (pnpm freezes it by default when CI is set).
    const status = runPnpm(root, ["install", "--no-frozen-lockfile", ...options.installFlags]);
    if (status !== 0) {
      process.stderr.write(
        `error: apps/${name} was created but \`pnpm install\` failed (exit ${status}); fix the cause and run \`pnpm install\`\n`,
      );
      return status;
    }
  }
  process.stdout.write(
    [
      "",
      "next:",
      `  pnpm --filter ${name} dev         # the app against the in-browser mock API`,
      `  pnpm --filter ${name} test        # its tests on the stateful mock`,
      `  pnpm --filter ${name} typecheck`,
      "",
    ].join("\n"),
  );
  return 0;
}

process.exitCode = main();
