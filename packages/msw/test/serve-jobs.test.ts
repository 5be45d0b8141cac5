// Issue 10, "beyond Prism": `mock:serve --jobs <ms>|manual` on the real server process — background jobs stay
// `pending` (checked with a delay far longer than the test, never a race), and bad values are one error line.
import { describe, expect, it } from "vitest";
import { runCli, startCli } from "./cli.js";

describe("mock:serve --jobs", () => {
  const CAMPAIGN = "0190f6b4-0000-4000-8000-0000000000aa";
  const TARGET = "0190f6b4-0000-4000-8000-0000000000bb";

  it("keeps a moveLeads job pending for the given delay", { timeout: 180_000 }, async () => {
    // Ten minutes: far longer than this test, so `pending` cannot be a race on a slow machine.
    const cli = await startCli(["--jobs", "600000", "--no-reload"]);
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${cli.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const lead = await (
        await post("/api/v2/leads", { email: "ada@example.com", campaign: CAMPAIGN })
      ).json();
      const moved = await post("/api/v2/leads/move", {
        ids: [lead.id],
        campaign: CAMPAIGN,
        to_campaign_id: TARGET,
      });
      expect(moved.status).toBe(200);
      const job = await moved.json();
      expect(job.status).toBe("pending");
      const polled = await (await fetch(`${cli.url}/api/v2/background-jobs/${job.id}`)).json();
      expect(polled).toMatchObject({ id: job.id, status: "pending" });
      const stored = await (await fetch(`${cli.url}/api/v2/leads/${lead.id}`)).json();
      expect(stored.campaign).toBe(CAMPAIGN);
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  it("keeps it pending with --jobs manual", { timeout: 180_000 }, async () => {
    const cli = await startCli(["--jobs", "manual", "--no-reload"]);
    try {
      const moved = await fetch(`${cli.url}/api/v2/leads/move`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ campaign: CAMPAIGN, to_campaign_id: TARGET }),
      });
      const job = await moved.json();
      const polled = await (await fetch(`${cli.url}/api/v2/background-jobs/${job.id}`)).json();
      expect(polled.status).toBe("pending");
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  it.each([
    [["--jobs", "soon"], "error: --jobs must be a number of milliseconds or 'manual', got 'soon'"],
    [["--jobs=-5"], "error: --jobs must be a number of milliseconds or 'manual', got '-5'"],
    [["--jobs", "1e3"], "error: --jobs must be a number of milliseconds or 'manual', got '1e3'"],
    [["--jobs", ""], "error: --jobs must be a number of milliseconds or 'manual', got ''"],
    [["--stateless", "--jobs", "5"], "error: --jobs needs the stateful server (drop --stateless)"],
  ])("refuses %j: one error line, exit 2", async (args, line) => {
    const result = await runCli(["--port", "0", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/listening/);
    expect(result.stderr.trim()).toBe(line);
  });
});
