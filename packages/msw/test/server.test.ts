import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMockServer } from "../src/node.js";

const serveJs = fileURLToPath(new URL("../dist/bin/serve.js", import.meta.url));
const SECRET = "sk_test_never_logged_0123456789";

/** Starts the built CLI as a real process on a free port; resolves once it prints its URL. */
async function startCli(args: string[] = []) {
  const child = spawn(process.execPath, [serveJs, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}${stderr}`)), 120_000);
    child.stdout.on("data", () => {
      const found = /listening on (http:\/\/[^\s]+)/.exec(stdout)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { child, url, output: () => stdout, errors: () => stderr };
}

describe("mock server CLI (real process over HTTP)", () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  beforeAll(async () => {
    server = await startCli();
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  });

  const send = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${SECRET}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it("creates a lead label, then lists it (stateful by default)", async () => {
    const created = await send(
      "POST",
      "/api/v2/lead-labels",
      JSON.stringify({ label: "From curl", interest_status_label: "positive" }),
    );
    expect(created.status).toBe(200);
    expect(created.body.label).toBe("From curl");
    const listed = await send("GET", "/api/v2/lead-labels?limit=10");
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([created.body]);
    const fetched = await send("GET", `/api/v2/lead-labels/${created.body.id}`);
    expect(fetched.body).toEqual(created.body);
  });

  it("answers an unknown route with a 404 JSON body naming the route", async () => {
    const response = await send("GET", "/api/v2/not-a-thing");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: "Not Found",
      message: "Route GET /api/v2/not-a-thing is not an operation of the Instantly API v2 spec",
    });
  });

  it("answers a body that is not JSON with 400 and a clear message", async () => {
    const response = await send("POST", "/api/v2/lead-labels", '{"label": "unterminated');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: "Bad Request" });
    expect(response.body.message).toMatch(/^Body is not valid JSON: /);
  });

  it("logs method, path, status and time of each request, never the Authorization header", async () => {
    await send("GET", "/api/v2/campaigns?limit=1");
    // The child writes its log line after answering: wait for it (generously, CI is a shared machine).
    await vi.waitFor(
      () => {
        expect(server.output()).toMatch(/^GET \/api\/v2\/campaigns 200 \d+\.\dms$/m);
        expect(server.output()).toMatch(/^POST \/api\/v2\/lead-labels 400 \d+\.\dms$/m);
      },
      { timeout: 60_000, interval: 20 },
    );
    expect(server.output()).not.toContain(SECRET);
  });

  it("stops cleanly on SIGINT with exit code 0", async () => {
    const exited = once(server.child, "exit");
    server.child.kill("SIGINT");
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await expect(fetch(`${server.url}/api/v2/campaigns`)).rejects.toThrow();
  });
});

describe("mock server CLI arguments", () => {
  it("stops cleanly on SIGTERM too", async () => {
    const { child } = await startCli(["--stateless"]);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
  });

  it("rejects a bad --port with one error line and exit code 2", async () => {
    const child: ChildProcess = spawn(process.execPath, [serveJs, "--port", "abc"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toBe("error: --port must be an integer from 0 to 65535, got 'abc'\n");
  });
});

describe("startMockServer (programmatic)", () => {
  it("serves the stateless defaults with stateful: false, and exposes the store when stateful", async () => {
    const stateless = await startMockServer({ port: 0, stateful: false });
    const stateful = await startMockServer({ port: 0, seed: 7 });
    try {
      expect(stateless.api).toBeUndefined();
      const fixed = await (await fetch(`${stateless.url}/api/v2/lead-labels`)).json();
      expect(fixed.items).toHaveLength(1);
      stateful.api?.seed("lead-labels", 3);
      const seeded = await (await fetch(`${stateful.url}/api/v2/lead-labels`)).json();
      expect(seeded.items).toHaveLength(3);
    } finally {
      await stateless.close();
      await stateful.close();
    }
  });
});
