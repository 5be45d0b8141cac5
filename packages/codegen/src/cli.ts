#!/usr/bin/env node
// The one entry point of the generator, from source: Node 22 strips its types. The repository's scripts call
// bin/instantly-kit.mjs instead, which runs this module from the bundle in dist/ when that bundle was built from
// exactly these sources, and this file otherwise (ADR 0033).
import { CliError } from "./errors.ts";
import { Interrupted } from "./fs/interrupt.ts";
import { loadTypescriptThroughRequire } from "./startup/typescript-require.ts";

loadTypescriptThroughRequire();

// A reader that stops early (`spec:diff a b | head -1`) closes the pipe, and the next write fails with EPIPE, which
// Node raises as an unhandled 'error' event: a stack trace and exit 1 in the middle of the command — a pull or a
// generate cut off between two writes. Output nobody reads is dropped instead, and the command runs to its end
// and exits with its own code (the reader chose to stop reading, not to stop the work). A terminal that was
// closed is the same case: every write to it fails with EIO, starting with the line spec:watch prints at the
// SIGHUP the closing sent, before it puts the tree back. Any other stream error is still thrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "EIO") throw error;
  });
}

type Command = (args: string[]) => Promise<number | undefined>;

const commands: Record<string, () => Promise<Command>> = {
  pull: async () => (await import("./commands/pull.ts")).pullCommand,
  diff: async () => (await import("./commands/diff.ts")).diffCommand,
  generate: async () => (await import("./commands/generate.ts")).generateCommand,
  watch: async () => (await import("./commands/watch.ts")).watchCommand,
  scopes: async () => (await import("./commands/scopes.ts")).scopesCommand,
  clean: async () => (await import("./commands/clean.ts")).cleanCommand,
  docs: async () => (await import("./commands/docs.ts")).docsCommand,
  "contract-check": async () => (await import("./commands/contract-check.ts")).contractCheckCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) throw new CliError(`usage: instantly-kit <${Object.keys(commands).join("|")}> [options]`, 2);
  return (await (await load())(args)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures are one clear line; anything else is a bug and keeps its stack.
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error.exitCode;
      // A signal: now, not once the event loop drains (a target abandoned in this thread may still be running).
      if (error instanceof Interrupted) process.exit();
    } else {
      process.stderr.write(
        `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
