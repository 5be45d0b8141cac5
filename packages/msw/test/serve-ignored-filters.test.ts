// `mock:serve --on-ignored-filter warn|error|off` on the real server process (real spec): a list request sending a
// filter the mock does not apply (`tag_ids` of GET /accounts) warns once on stderr by default, is answered 501
// with "error", passes silently with "off"; bad values are one error line.
import { describe, expect, it, vi } from "vitest";
import { json, type RunningCli, runCli, startCli } from "./cli.js";

const TAGGED = "/api/v2/accounts?tag_ids=0190f6b4-0000-4000-8000-0000000000aa";

/**
 * Waits until the server has logged `count` answered requests to GET /api/v2/accounts (its stdout, written after
 * the answer): a warning is written to stderr before that (synchronously, a pipe), so by then it has been sent.
 */
async function logged(cli: RunningCli, status: number, count: number): Promise<void> {
  const pattern = new RegExp(`^GET /api/v2/accounts ${status} `, "gm");
  await vi.waitFor(() => expect(cli.output().match(pattern) ?? []).toHaveLength(count), {
    timeout: 60_000,
    interval: 50,
  });
}

describe("mock:serve --on-ignored-filter", () => {
  it("warns once on stderr by default, for two requests, and answers the unfiltered items", async () => {
    const cli = await startCli(["--no-reload"]);
    try {
      expect((await json(cli.url, "GET", TAGGED)).status).toBe(200);
      expect((await json(cli.url, "GET", TAGGED)).status).toBe(200);
      // A derived filter is applied, never reported.
      expect((await json(cli.url, "GET", "/api/v2/accounts?search=ada")).status).toBe(200);
      await logged(cli, 200, 3);
      await vi.waitFor(() => expect(cli.errors()).not.toBe(""), { timeout: 60_000, interval: 50 });
      const warnings = cli.errors().split("\n").filter(Boolean);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^\[@instantly-kit\/msw\] Warning: listAccount: the mock does not apply the list filter "tag_ids", so the items are not filtered by it\./,
      );
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  it("answers 501 in the API's error shape with --on-ignored-filter error", async () => {
    const cli = await startCli(["--no-reload", "--on-ignored-filter", "error"]);
    try {
      expect(cli.output()).toContain("ignored list filters answered 501");
      const refused = await json(cli.url, "GET", TAGGED);
      expect(refused.status).toBe(501);
      expect(refused.json).toEqual({
        statusCode: 501,
        error: "Not Implemented",
        message:
          'listAccount: the mock does not apply the list filter "tag_ids", so the items are not filtered by it (onIgnoredFilter: "error")',
      });
      expect((await json(cli.url, "GET", "/api/v2/accounts?search=ada")).status).toBe(200);
      await logged(cli, 200, 1);
      expect(cli.errors()).toBe("");
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  it("stays silent with --on-ignored-filter off", async () => {
    const cli = await startCli(["--no-reload", "--on-ignored-filter", "off"]);
    try {
      expect((await json(cli.url, "GET", TAGGED)).status).toBe(200);
      await logged(cli, 200, 1);
      expect(cli.errors()).toBe("");
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  it.each([
    [["--on-ignored-filter", "loud"], "error: --on-ignored-filter must be warn, error or off, got 'loud'"],
    [["--on-ignored-filter", ""], "error: --on-ignored-filter must be warn, error or off, got ''"],
    [
      ["--stateless", "--on-ignored-filter", "off"],
      "error: --on-ignored-filter needs the stateful server (drop --stateless)",
    ],
  ])("refuses %j: one error line, exit 2", async (args, line) => {
    const result = await runCli(["--port", "0", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/listening/);
    expect(result.stderr.trim()).toBe(line);
  });
});
