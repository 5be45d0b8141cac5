// Issue 12: `pnpm contract:check` end to end — the real CLI process against the real mock server process
// (`pnpm mock:serve`, built from the pinned spec), first as it is (everything it calls matches the spec),
// then behind a proxy that injects drift into chosen responses: the report must name exactly those
// violations. Needs `pnpm build` (the client, zod and msw packages); runs against the repository's own spec.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLI } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const SERVE = join(ROOT, "packages", "msw", "dist", "bin", "serve.js");
const KEY = "sk_live_contract_CHECK.key-9";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pnpm contract:check …` as the script runs it, from the repository root. */
function contractCheck(
  args: string[],
  env: Record<string, string | undefined> = { CONTRACT_KEY: KEY },
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "contract-check", ...args],
      {
        cwd: ROOT,
        env: { ...process.env, INSTANTLY_KIT_ROOT: ROOT, ...env },
        timeout: 240_000,
        maxBuffer: 1 << 24,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let mock: ChildProcess;
let mockUrl: string;

/** The mock server process, stateless: every list answers items, so detail operations get ids. */
async function startMock(): Promise<void> {
  mock = spawn(process.execPath, [SERVE, "--port", "0", "--stateless"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  mockUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock:serve did not start: ${out}`)), 120_000);
    mock.stdout?.on("data", (chunk) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    mock.stderr?.on("data", (chunk) => {
      out += chunk;
    });
    mock.once("exit", (code) => reject(new Error(`mock:serve exited with ${code}: ${out}`)));
  });
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A proxy in front of the mock server whose `answer` may change any answer (`upstream()` is what the mock
 * server said): the "response override" that injects drift at the HTTP level, so the CLI and the mock
 * process run exactly as shipped.
 */
async function startDriftProxy(
  answer: (path: string, auth: string, upstream: () => Promise<Answer>) => Promise<Answer>,
): Promise<{ url: string; server: Server; requests: URL[] }> {
  const requests: URL[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", mockUrl);
    requests.push(url);
    const auth = request.headers.authorization ?? "";
    const upstream = async (): Promise<Answer> => {
      const answered = await fetch(url, { headers: { authorization: auth } });
      return { status: answered.status, body: await answered.json() };
    };
    const { status, body, headers } = await answer(url.pathname, auth, upstream);
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

const items = (body: Record<string, unknown>) => body.items as Record<string, unknown>[];

beforeAll(startMock, 150_000);
afterAll(() => {
  mock?.kill();
});

interface JsonReport {
  summary: { ok: number; drift: number; skipped: number; error: number };
  operations: {
    operationId: string;
    result: string;
    status?: number;
    reason?: string;
    violations?: { path: string; expected: string; got: string; count: number; sample?: string }[];
  }[];
}

describe("pnpm contract:check against pnpm mock:serve", () => {
  test("the mock server as shipped: every operation called is OK, exit 0", async () => {
    const run = await contractCheck(["--base-url", mockUrl, "--api-key-env", "CONTRACT_KEY", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const notOk = report.operations.filter((op) => op.result !== "ok" && op.result !== "skipped");
    expect(notOk).toEqual([]);
    // Lists and the detail operations fed by their ids were really called.
    const ok = report.operations.filter((op) => op.result === "ok").map((op) => op.operationId);
    for (const id of [
      "listCampaign",
      "getCampaign",
      "listLeadLabel",
      "getLeadLabel",
      "getAccount",
      "getWorkspace",
    ]) {
      expect(ok).toContain(id);
    }
    expect(report.summary.ok).toBeGreaterThan(50);
    // A skip always says why: a required query parameter, no JSON, or no list to take the id from.
    for (const op of report.operations.filter((o) => o.result === "skipped")) {
      expect(op.reason).toMatch(/needs the query parameter|not JSON|no GET operation at|no id for/);
    }
  }, 240_000);

  test("injected drift: the report names exactly the violations injected, exit 1", async () => {
    // The detail operation is called with the id the list gives: the first campaign's.
    const listed = (await (await fetch(`${mockUrl}/api/v2/campaigns`)).json()) as { items: { id: string }[] };
    const campaignId = listed.items[0]?.id as string;
    const proxy = await startDriftProxy(async (path, _, upstream) => {
      const { status, body } = (await upstream()) as { status: number; body: Record<string, unknown> };
      // a missing required field, in every list item
      if (path === "/api/v2/campaigns")
        return { status, body: { ...body, items: items(body).map(({ name: _, ...rest }) => rest) } };
      // a string where a number was promised
      if (path === `/api/v2/campaigns/${campaignId}`) return { status, body: { ...body, daily_limit: "50" } };
      // an unknown enum value
      if (path === "/api/v2/lead-labels") {
        const changed = items(body).map((item, i) =>
          i === 0 ? { ...item, interest_status_label: "lukewarm" } : item,
        );
        return { status, body: { ...body, items: changed } };
      }
      return { status, body };
    });
    try {
      const json = await contractCheck(["--base-url", proxy.url, "--api-key-env", "CONTRACT_KEY", "--json"]);
      expect(json.code, json.stderr).toBe(1);
      const report = JSON.parse(json.stdout) as JsonReport;
      const drifted = report.operations.filter((op) => op.result === "drift");
      const campaigns = listed.items.length;
      expect(
        drifted.map((op) => ({
          operationId: op.operationId,
          status: op.status,
          violations: op.violations?.map(({ path, expected, got, count, sample }) => ({
            path,
            expected,
            got,
            count,
            sample,
          })),
        })),
      ).toEqual([
        {
          operationId: "listCampaign",
          status: 200,
          violations: [
            {
              path: "$.items[0].name",
              expected: "required string",
              got: "missing",
              count: campaigns,
              sample: "(missing)",
            },
          ],
        },
        {
          operationId: "listLeadLabel",
          status: 200,
          violations: [
            {
              path: "$.items[0].interest_status_label",
              expected: 'one of "positive", "negative", "neutral"',
              got: '"lukewarm"',
              count: 1,
              sample: '"lukewarm"',
            },
          ],
        },
        {
          operationId: "getCampaign",
          status: 200,
          violations: [
            { path: "$.daily_limit", expected: "number", got: "string", count: 1, sample: '"50"' },
          ],
        },
      ]);
      expect(report.summary.drift).toBe(3);
      expect(report.summary.error).toBe(0);

      // The text report: each violation with path, expected, got and sample; the summary table; the totals.
      const text = await contractCheck(["--base-url", proxy.url, "--api-key-env", "CONTRACT_KEY"]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain("DRIFT listCampaign (GET /api/v2/campaigns) — response 200:");
      expect(text.stdout).toContain(
        `  $.items[0].name: expected required string, got missing${campaigns > 1 ? ` (×${campaigns})` : ""}  sample: (missing)`,
      );
      expect(text.stdout).toContain(`  $.daily_limit: expected number, got string  sample: "50"`);
      expect(text.stdout).toContain(
        `  $.items[0].interest_status_label: expected one of "positive", "negative", "neutral", got "lukewarm"`,
      );
      expect(text.stdout).toMatch(/^getCampaign +\/api\/v2\/campaigns\/\{id\} +DRIFT \(1 violation\)$/m);
      expect(text.stdout).toMatch(/^listCampaign +\/api\/v2\/campaigns +DRIFT \(1 violation\)$/m);
      expect(text.stdout).toMatch(/^getLeadLabel +\/api\/v2\/lead-labels\/\{id\} +OK$/m);
      expect(text.stdout).toMatch(/\n\d+ OK, 3 drift, 0 error, \d+ skipped \(\d+ GET operations\)\n$/);
    } finally {
      proxy.server.close();
    }
  }, 300_000);

  test("one page each, one call each; a 429 with Retry-After is waited out and retried (the client's handling)", async () => {
    let limited = 0;
    const proxy = await startDriftProxy(async (path, _, upstream) => {
      if (path === "/api/v2/lead-labels" && limited++ === 0) {
        return {
          status: 429,
          headers: { "retry-after": "1" },
          body: { statusCode: 429, error: "Too Many Requests", message: "slow down" },
        };
      }
      return upstream();
    });
    try {
      const run = await contractCheck(["--base-url", proxy.url, "--api-key-env", "CONTRACT_KEY", "--json"]);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.operations.find((op) => op.operationId === "listLeadLabel")?.result).toBe("ok");
      const paths = proxy.requests.map((url) => url.pathname);
      expect(paths.filter((path) => path === "/api/v2/lead-labels")).toHaveLength(2);
      // Every other path once: no second page, no second call.
      const others = paths.filter((path) => path !== "/api/v2/lead-labels");
      expect(new Set(others).size).toBe(others.length);
      expect(proxy.requests.some((url) => url.searchParams.has("starting_after"))).toBe(false);
      expect(others.length + 1).toBe(report.summary.ok);
    } finally {
      proxy.server.close();
    }
  }, 300_000);

  test("--only: just those operations are reported (the lists that give their ids are called, not reported)", async () => {
    const run = await contractCheck([
      "--base-url",
      mockUrl,
      "--api-key-env",
      "CONTRACT_KEY",
      "--only",
      "getCampaign,listLeadLabel",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.operations.map((op) => [op.operationId, op.result])).toEqual([
      ["listLeadLabel", "ok"],
      ["getCampaign", "ok"],
    ]);
  });

  test("a server echoing the key into drifting values and error bodies: the key is never printed", async () => {
    const proxy = await startDriftProxy(async (path, auth, upstream) => {
      if (path === "/api/v2/webhooks") {
        return {
          status: 401,
          headers: { "x-echo": auth },
          body: { statusCode: 401, error: "Unauthorized", message: `bad key ${auth}` },
        };
      }
      const { status, body } = (await upstream()) as { status: number; body: Record<string, unknown> };
      if (path !== "/api/v2/lead-labels") return { status, body };
      const echoed = auth.replace(/^Bearer /, "");
      const changed = items(body).map((item) => ({
        ...item,
        interest_status_label: echoed,
        label: { auth },
        [echoed]: 1,
      }));
      return { status, body: { ...body, items: changed } };
    });
    try {
      for (const json of [[], ["--json"]]) {
        const run = await contractCheck(["--base-url", proxy.url, "--api-key-env", "CONTRACT_KEY", ...json]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain("listLeadLabel");
        expect(run.stdout).toContain("listWebhook");
        expect(run.stdout).toContain("[redacted]");
        expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
      }
    } finally {
      proxy.server.close();
    }
  }, 300_000);
});

describe("bad arguments: one clear line, exit 2, nothing called", () => {
  test.each<[string, string[], Record<string, string | undefined>, RegExp]>([
    ["no --base-url", ["--api-key-env", "CONTRACT_KEY"], { CONTRACT_KEY: KEY }, /--base-url is required/],
    [
      "no --api-key-env",
      ["--base-url", "http://127.0.0.1:9"],
      { CONTRACT_KEY: KEY },
      /--api-key-env is required/,
    ],
    [
      "the env var is not set",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: undefined },
      /environment variable CONTRACT_KEY is not set/,
    ],
    [
      "the env var is empty",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: " " },
      /environment variable CONTRACT_KEY is not set/,
    ],
    [
      "the key itself given as the variable name",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", KEY],
      { CONTRACT_KEY: KEY },
      /takes the NAME of an environment variable/,
    ],
    [
      "a key that looks like a variable name, given as the name",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "sk_live_abc123"],
      { CONTRACT_KEY: KEY },
      /the environment variable named by --api-key-env \(e\.g\. INSTANTLY_API_KEY\) is not set/,
    ],
    [
      "a relative base URL",
      ["--base-url", "/api", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /--base-url must be an absolute http\(s\) URL/,
    ],
    [
      "a base URL with a line break in it (a paste error URL parsing would silently drop)",
      ["--base-url", "http://127.0.0.1:9\n/x", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /--base-url must be an absolute http\(s\) URL/,
    ],
    [
      "a base URL with a tab in its host",
      ["--base-url", "http://127.0.0.\t1:9", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /--base-url must be an absolute http\(s\) URL/,
    ],
    // The key pasted where a value is echoed back: the error says what is wrong without printing it.
    [
      "the key given as the base URL",
      ["--base-url", KEY, "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /--base-url must be an absolute http\(s\) URL, got "\[redacted\]"/,
    ],
    [
      "the key given in --only",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY", "--only", `listCampaign,${KEY}`],
      { CONTRACT_KEY: KEY },
      /--only: "\[redacted\] \(no such operation in the spec\)"/,
    ],
    [
      "the key given as an argument",
      ["--api-key-env", "CONTRACT_KEY", "--base-url", "http://127.0.0.1:9", KEY],
      { CONTRACT_KEY: KEY },
      /takes no positional arguments/,
    ],
    [
      "credentials in the base URL",
      ["--base-url", "http://u:p@127.0.0.1:9", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /must not contain credentials/,
    ],
    [
      "the API's path prefix in the base URL (every operation's path starts with it)",
      ["--base-url", "http://127.0.0.1:9/api/v2", "--api-key-env", "CONTRACT_KEY"],
      { CONTRACT_KEY: KEY },
      /must not end in \/api\/v2/,
    ],
    [
      "an unknown option",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY", "--bogus"],
      { CONTRACT_KEY: KEY },
      /Unknown option '--bogus'/,
    ],
    [
      "an unknown operation in --only",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY", "--only", "listCampaign,nope"],
      { CONTRACT_KEY: KEY },
      /--only: "nope \(no such operation in the spec\)"/,
    ],
    [
      "a write operation in --only",
      ["--base-url", "http://127.0.0.1:9", "--api-key-env", "CONTRACT_KEY", "--only", "createCampaign"],
      { CONTRACT_KEY: KEY },
      /createCampaign \(POST, not a read-only GET\)/,
    ],
  ])("%s", async (_, args, env, message) => {
    const run = await contractCheck(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: contract:check: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toContain(KEY);
    expect(run.stderr).not.toContain("sk_live_abc123");
  });
});
