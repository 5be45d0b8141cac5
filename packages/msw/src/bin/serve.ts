#!/usr/bin/env node
// `pnpm mock:serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--data <file.json>] [--stateless]
// [--no-validation] [--no-reload] [--body-limit 1048576] [--api-key <key>=<scope>,<scope>]… [--jobs <ms>|manual]
// [--on-ignored-filter warn|error|off] [--outlive-launcher]`:
// the mock API over HTTP.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { watchLauncher } from "../launcher.js";
import type { MockServer } from "../node.js";
import { buildFingerprint, importFreshBuild, watchBuild } from "../reload.js";

const USAGE =
  "usage: serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--data <file.json>] [--stateless] [--no-validation] [--no-reload] [--body-limit 1048576] [--api-key <key>=<scope>,<scope>]… [--jobs <ms>|manual] [--on-ignored-filter warn|error|off] [--outlive-launcher]";

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
  data?: string;
  "no-validation"?: boolean;
  "no-reload"?: boolean;
  jobs?: string;
  "on-ignored-filter"?: string;
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
      data: { type: "string" },
      "no-validation": { type: "boolean" },
      "no-reload": { type: "boolean" },
      jobs: { type: "string" },
      "on-ignored-filter": { type: "string" },
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

/**
 * `--jobs <ms>|manual`: background jobs (`moveLeads`…) stay `pending` that many ms, or until the process ends
 * (`manual`: nothing over HTTP completes them), so a client can see the pending state and poll it.
 */
function jobsOption(raw: string | undefined): { delayMs: number } | { manual: true } | undefined {
  if (raw === undefined) return undefined;
  if (values.stateless) fail("--jobs needs the stateful server (drop --stateless)");
  if (raw === "manual") return { manual: true };
  if (!/^(0|[1-9][0-9]*)$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    fail(`--jobs must be a number of milliseconds or 'manual', got '${raw}'`);
  return { delayMs: Number(raw) };
}
const jobs = jobsOption(values.jobs);

/**
 * `--on-ignored-filter warn|error|off`: what a list request sending a filter the mock does not apply gets — a
 * warning on stderr once per operation and parameter (default), 501 naming it, or nothing.
 */
function ignoredFilterOption(raw: string | undefined): "warn" | "error" | "off" | undefined {
  if (raw === undefined) return undefined;
  if (values.stateless) fail("--on-ignored-filter needs the stateful server (drop --stateless)");
  if (raw !== "warn" && raw !== "error" && raw !== "off")
    fail(`--on-ignored-filter must be warn, error or off, got '${raw}'`);
  return raw;
}
const onIgnoredFilter = ignoredFilterOption(values["on-ignored-filter"]);

/** The first line of an error message: the CLI reports in one line. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/** `--data <file.json>`: read and parsed here; its items are checked against the spec by startMockServer. */
function dataOption(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  if (values.stateless) fail("--data needs the stateful server (drop --stateless)");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(
      `--data ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : firstLine(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`--data ${file}: not valid JSON (${firstLine(error)})`);
  }
}
const data = dataOption(values.data);
const seed = values.seed;
const validateRequests = !values["no-validation"];

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

const dist = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
// The build as it is before it is imported: whatever is rebuilt from here on is reloaded (reload.ts `watchBuild`).
const built = values["no-reload"] ? undefined : await buildFingerprint(dist);
// Imported only now: the generated mocks take a while to load, and bad arguments should fail at once.
const { startMockServer } = await import("../node.js");
server = await startMockServer({
  port,
  ...(bodyLimit === undefined ? {} : { bodyLimit }),
  ...(values.host === undefined ? {} : { host: values.host }),
  ...(seed === undefined ? {} : { seed }),
  ...(apiKeys === undefined ? {} : { apiKeys }),
  ...(data === undefined ? {} : { data }),
  ...(jobs === undefined ? {} : { jobs }),
  ...(onIgnoredFilter === undefined ? {} : { onIgnoredFilter }),
  validateRequests,
  stateful: !values.stateless,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((error: NodeJS.ErrnoException) =>
  fail(
    error.code === "EADDRINUSE"
      ? `port ${port} is already in use (try --port)`
      : `${values.data !== undefined && !error.code ? `--data ${values.data}: ` : ""}${firstLine(error)}`,
  ),
);

process.stdout.write(
  `Instantly API v2 mock listening on ${server.url} (${values.stateless ? "stateless" : "stateful"}${apiKeys ? `, ${Object.keys(apiKeys).length} API key(s) checked` : ""}${validateRequests ? "" : ", requests not validated"}${onIgnoredFilter === "error" ? ", ignored list filters answered 501" : onIgnoredFilter === "off" ? ", ignored list filters not reported" : ""}); Ctrl+C to stop\n`,
);

type Package = typeof import("../index.js");
let reloads = 0;

/**
 * A regenerated, rebuilt package (`pnpm sync`) is served without a restart: the new handlers replace the old
 * ones, and the stored items of every resource that still exists are carried over as they are. A build that
 * fails to load keeps the previous handlers and says so in one line; the next build is tried again.
 */
async function reload(): Promise<void> {
  const running = server as MockServer;
  let next: Package;
  try {
    next = await importFreshBuild<Package>(dist, "index.js");
  } catch (error) {
    process.stdout.write(`reload failed, still serving the previous mocks: ${firstLine(error)}\n`);
    return;
  }
  const options = {
    baseUrl: "*",
    validateRequests,
    ...(apiKeys === undefined ? {} : { apiKeys }),
  };
  const old = running.api;
  if (!old) {
    running.replace({ handlers: next.createHandlers(options) });
    process.stdout.write(
      `reloaded the rebuilt mocks (${Object.keys(next.operationSpecs).length} operations)\n`,
    );
    return;
  }
  // Another id sequence than the first api's: ids it already handed out (deleted items too) are not reissued.
  reloads += 1;
  const api = next.createMockApi({
    ...options,
    seed: `${seed ?? 1}:reload:${reloads}`,
    ...(jobs === undefined ? {} : { jobs }),
    ...(onIgnoredFilter === undefined ? {} : { onIgnoredFilter }),
  });
  let kept = 0;
  const dropped: string[] = [];
  try {
    for (const resource of old.resources) {
      const items = old.store.list(resource) as Record<string, unknown>[];
      if (items.length === 0) continue;
      if (!(api.resources as readonly string[]).includes(resource)) {
        dropped.push(resource);
        continue;
      }
      const seeded = api.seed(resource, items as never) as Record<string, unknown>[];
      // Seeding fills in and re-stamps items; the stored ones are put back exactly as they were.
      seeded.forEach((item, index) => {
        Object.assign(item, items[index]);
      });
      kept += items.length;
    }
  } catch (error) {
    process.stdout.write(`reload failed, still serving the previous mocks: ${firstLine(error)}\n`);
    return;
  }
  running.replace({ api });
  process.stdout.write(
    `reloaded the rebuilt mocks (${Object.keys(next.operationSpecs).length} operations; kept ${kept} stored item(s)${dropped.length > 0 ? `; dropped the items of ${dropped.join(", ")}, no longer in the spec` : ""})\n`,
  );
}

if (!values["no-reload"]) watchBuild(dist, built, reload);
