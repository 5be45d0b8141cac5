#!/usr/bin/env node
// `pnpm mock:serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--stateless]`: the mock API over HTTP.
import { parseArgs } from "node:util";
import { type MockServer, startMockServer } from "../node.js";

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string; seed?: string; stateless?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      stateless: { type: "boolean" },
    },
    strict: true,
  }));
} catch (error) {
  fail(
    `${(error as Error).message} (usage: serve [--port 4010] [--host 127.0.0.1] [--seed 1] [--stateless])`,
  );
}

const port = values.port === undefined ? 4010 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be an integer from 0 to 65535, got '${values.port}'`);

// Signal handlers go in before the "listening" line: whoever reads that line may signal right away.
let server: MockServer | undefined;
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping\n`);
  if (!server) process.exit(0);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

server = await startMockServer({
  port,
  ...(values.host === undefined ? {} : { host: values.host }),
  ...(values.seed === undefined ? {} : { seed: values.seed }),
  stateful: !values.stateless,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "EADDRINUSE" ? `port ${port} is already in use (try --port)` : error.message),
);

process.stdout.write(
  `Instantly API v2 mock listening on ${server.url} (${values.stateless ? "stateless" : "stateful"}); Ctrl+C to stop\n`,
);
