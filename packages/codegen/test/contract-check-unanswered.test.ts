// `contract:check` against a server that does not answer: every operation costs the client's whole retry budget
// (with the CLI's client, 3 × 30 s of timeouts or 2 × 60 s of Retry-After), so calling the ~40 operations of the
// spec one after another would take the better part of an hour — a hang to whoever runs it. The check must stop
// calling after a few operations in a row got no usable answer, report the rest as not called, and exit 1;
// and it must not stop for a server that answers, even with errors, or that is silent on one operation only.
// The real plan of the locked spec, the real client from its build (with short deadlines, so each row takes
// seconds: the outcome does not depend on the machine's speed, only on nothing ever answering), a real server.
// Needs `pnpm build` (the client and zod packages).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { planContractCheck } from "../src/contract/plan.ts";
import { exitCodeOf, summarize } from "../src/contract/report.ts";
import { type ClientModule, GIVE_UP_AFTER, runContractCheck, type Violation } from "../src/contract/run.ts";
import { buildModel } from "../src/model/index.ts";
import { projectPaths } from "../src/paths.ts";
import { readLockedSpec } from "../src/spec/lock.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const KEY = "sk_live_unanswered_KEY.3";

type Answer = (request: IncomingMessage, response: ServerResponse) => void;
const never: Answer = () => {};
const stallMidBody: Answer = (_, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"items":[');
};
const drop: Answer = (request) => void request.socket.destroy();
const rateLimited: Answer = (_, response) => {
  response.writeHead(429, { "content-type": "application/json", "retry-after": "30" });
  response.end(JSON.stringify({ statusCode: 429, error: "Too Many Requests", message: "slow down" }));
};
const failing: Answer = (_, response) => {
  response.writeHead(500, { "content-type": "application/json" });
  response.end(JSON.stringify({ statusCode: 500, error: "Internal", message: "boom" }));
};
const emptyList: Answer = (_, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ items: [] }));
};

let answer: (path: string) => Answer = () => never;
const requests: string[] = [];
const sockets = new Set<import("node:net").Socket>();
const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
  requests.push(path);
  answer(path)(request, response);
});
server.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});
let baseUrl: string;
let clientModule: ClientModule;
let plan: ReturnType<typeof planContractCheck>;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entry = pathToFileURL(join(ROOT, "packages", "client", "dist", "index.js")).href;
  clientModule = (await import(entry)) as ClientModule;
  const { document } = await readLockedSpec(projectPaths(ROOT));
  plan = planContractCheck(buildModel(document), undefined);
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
);

async function check() {
  requests.length = 0;
  const issues = new Map<string, readonly Violation[]>();
  const client = clientModule.createInstantlyClient({
    apiKey: KEY,
    baseUrl,
    validate: { response: "warn", samples: true },
    onValidationIssue: (error) => issues.set(error.operation, error.violations),
    // Short deadlines and waits: each silent operation still uses the client's whole retry budget.
    ...{ timeoutMs: 300, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 20 } },
  });
  const checked = await runContractCheck(plan, client, clientModule.unwrap, issues);
  const paths = [...new Set(requests)];
  return { checked, paths, code: exitCodeOf(summarize(checked)) };
}

const lists = () => plan.filter((c) => !c.skip && c.ids.length === 0);

describe("contract:check stops calling a server that gives no usable answer", () => {
  test.each<[string, Answer]>([
    ["it never answers", never],
    ["it sends headers, then stalls mid-body", stallMidBody],
    ["it drops every connection", drop],
    ["it answers 429 with Retry-After to everything", rateLimited],
  ])(
    "%s",
    async (_, silent) => {
      answer = () => silent;
      const { checked, paths, code } = await check();
      expect(code).toBe(1);
      // Only the first operations were called; the others are errors that say why they were not.
      expect(paths).toHaveLength(GIVE_UP_AFTER);
      const called = checked.filter(
        (c) => c.outcome.result === "error" && !c.outcome.reason.startsWith("not called"),
      );
      expect(called.map((c) => c.path)).toEqual(paths);
      const notCalled = checked.filter(
        (c) => c.outcome.result === "error" && c.outcome.reason.startsWith("not called"),
      );
      expect(notCalled.length).toBe(lists().length - GIVE_UP_AFTER);
      for (const c of notCalled) {
        expect(c.outcome).toMatchObject({
          result: "error",
          status: undefined,
          reason: expect.stringMatching(
            /^not called: the server gave no usable answer to the 2 operations before/,
          ),
        });
      }
      expect(JSON.stringify(checked)).not.toContain(KEY);
    },
    120_000,
  );

  test.each<[string, (path: string, first: string, second: string) => Answer]>([
    ["it answers 500 to everything", () => failing],
    ["only one operation is silent", (path, first) => (path === first ? never : emptyList)],
    [
      "silent operations, but never two in a row",
      (path, first, second) => (path === first ? never : path === second ? rateLimited : emptyList),
    ],
  ])(
    "and goes on when %s",
    async (_, answers) => {
      const [first, , third] = lists().map((c) => c.operation.path);
      answer = (path) => answers(path, first as string, third as string);
      const { checked, paths } = await check();
      expect(paths).toHaveLength(lists().length);
      expect(
        checked.filter((c) => c.outcome.result === "error" && c.outcome.reason.startsWith("not called")),
      ).toEqual([]);
    },
    120_000,
  );
});
