#!/usr/bin/env node
// `pnpm mock:serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--stateless] [--body-limit 1048576]
// [--api-key <key>=<scope>,<scope>]… [--outlive-launcher]`: the mock API over HTTP.
import { parseArgs } from "node:util";
import { watchLauncher } from "../launcher.js";
import type { MockServer } from "../node.js";

const USAGE =
  "usage: serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--stateless] [--body-limit 1048576] [--api-key <key>=<scope>,<scope>]… [--outlive-launcher]";

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

let values: {
  port?: string;
  host?: string;
  seed?: string;
  stateless?: boolean;
  "body-limit"?: string;
  "api-key"?: string[];
  "outlive-launcher"?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      stateless: { type: "boolean" },
      "body-limit": { type: "string" },
      "api-key": { type: "string", multiple: true },
      "outlive-launcher": { type: "boolean" },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message} (${USAGE})`);
}

/**
 * Plain decimal digits only: `Number()` would take "" as 0 (a random port), "1e3" as 1000 and "0x50" as 80,
 * each silently serving somewhere the user did not ask for.
 */
function integerOption(name: string, raw: string | undefined, min: number, max: number) {
  if (raw === undefined) return undefined;
  const value = /^(0|[1-9][0-9]*)$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    fail(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  return value;
}

const port = integerOption("port", values.port, 0, 65535) ?? 4010;
const bodyLimit = integerOption("body-limit", values["body-limit"], 1, Number.MAX_SAFE_INTEGER);

/**
 * `--api-key <key>=<scope>,<scope>` (repeatable): the keys the server accepts and their scopes; `<key>=` is a
 * key with no scope. Errors never repeat the key: it may be a real one pasted by mistake.
 */
function apiKeysOption(raw: string[] | undefined): Record<string, string[]> | undefined {
  if (raw === undefined) return undefined;
  const keys: Record<string, string[]> = {};
  raw.forEach((entry, index) => {
    const at = entry.indexOf("=");
    const key = at === -1 ? "" : entry.slice(0, at);
    if (!/^[\x21-\x7e]+$/.test(key) || key.includes("=")) {
      fail(`--api-key #${index + 1} must be <key>=<scope>,<scope> with a key of visible ASCII characters`);
    }
    const scopes = entry
      .slice(at + 1)
      .split(",")
      .filter((scope) => scope !== "");
    if (!scopes.every((scope) => /^[a-z0-9_-]+:[a-z0-9_-]+$/.test(scope))) {
      fail(
        `--api-key #${index + 1}: scopes are <resource>:<action>, comma-separated (e.g. leads:read,all:read)`,
      );
    }
    if (Object.hasOwn(keys, key)) fail(`--api-key #${index + 1} repeats an earlier key`);
    keys[key] = scopes;
  });
  return keys;
}
const apiKeys = apiKeysOption(values["api-key"]);

// Signal handlers go in before the "listening" line: whoever reads that line may signal right away.
let server: MockServer | undefined;
let stopping = false;
const stop = (reason: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${reason}: stopping\n`);
  if (!server) process.exit(0);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGHUP", () => stop("SIGHUP"));
// Whoever read the log may be gone before the server (a killed launcher's pipe): a failed log write is not
// a reason to crash mid-request.
process.stdout.on("error", () => {});
// npx, pnpm and their shells do not pass a signal on: when one of them is gone, so is the server.
if (!values["outlive-launcher"]) watchLauncher((pid) => stop(`launcher (pid ${pid}) exited`));

// Imported only now: the generated mocks take a while to load, and bad arguments should fail at once.
const { startMockServer } = await import("../node.js");
server = await startMockServer({
  port,
  ...(bodyLimit === undefined ? {} : { bodyLimit }),
  ...(values.host === undefined ? {} : { host: values.host }),
  ...(values.seed === undefined ? {} : { seed: values.seed }),
  ...(apiKeys === undefined ? {} : { apiKeys }),
  stateful: !values.stateless,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "EADDRINUSE" ? `port ${port} is already in use (try --port)` : error.message),
);

process.stdout.write(
  `Instantly API v2 mock listening on ${server.url} (${values.stateless ? "stateless" : "stateful"}${apiKeys ? `, ${Object.keys(apiKeys).length} API key(s) checked` : ""}); Ctrl+C to stop\n`,
);
