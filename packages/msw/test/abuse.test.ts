// The mock server under abuse: a table per class of bad request, each against the built CLI as a real
// process, each asserting the status and the API's error shape `{ statusCode, error, message }`.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { crudResources, operationSpecs } from "../src/index.js";
import { json, type RawRequest, type RawResponse, type RunningCli, raw, runCli, startCli } from "./cli.js";

const apiError = (statusCode: number, error: string, message: unknown = expect.any(String)) => ({
  statusCode,
  error,
  message,
});

const ACCOUNT = {
  email: "first@example.com",
  first_name: "First",
  last_name: "Account",
  provider_code: 2,
  imap_username: "u",
  imap_password: "p",
  imap_host: "imap.example.com",
  imap_port: 993,
  smtp_username: "u",
  smtp_password: "p",
  smtp_host: "smtp.example.com",
  smtp_port: 465,
};

/** Sends headers declaring `length` bytes and never the body: the answer must not wait for it. */
function declaredOnly(
  base: string,
  path: string,
  length: number,
  extraHeaders: Record<string, string> = {},
): Promise<RawResponse & { continued: boolean }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: hostname,
        port,
        method: "POST",
        path,
        headers: { "content-type": "application/json", "content-length": String(length), ...extraHeaders },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => {
          request.destroy();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            bytes: Buffer.from(text),
            json: JSON.parse(text),
            continued,
          });
        });
      },
    );
    let continued = false;
    request.on("continue", () => {
      continued = true;
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

/**
 * A chunked body (no Content-Length) that keeps growing, 64 KiB at a time, until the server answers:
 * the limit must be enforced while reading, not only from the header. Resolves with the answer and how
 * much was written before it came.
 */
function growingBody(base: string, path: string): Promise<RawResponse & { written: number }> {
  const { hostname, port } = new URL(base);
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    let answered = false;
    let written = 0;
    const request = httpRequest(
      { host: hostname, port, method: "POST", path, headers: { "content-type": "application/json" } },
      (response) => {
        answered = true;
        let text = "";
        response.on("data", (data) => {
          text += data;
        });
        response.on("end", () => {
          request.destroy();
          const status = response.statusCode ?? 0;
          resolve({
            status,
            headers: response.headers,
            text,
            bytes: Buffer.from(text),
            json: JSON.parse(text),
            written,
          });
        });
      },
    );
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      // Stops at 64 MiB: a server that never answers fails the test instead of filling the disk.
      while (!answered && written < 64 * 1024 * 1024) {
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

describe("mock server under abuse (real process)", () => {
  let server: RunningCli;
  beforeAll(async () => {
    server = await startCli();
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  });
  /** POSTs `body` as it is, declared `application/json`, to the server started here (or to `base`). */
  const postJson = (path: string, body: string, base = server.url) =>
    raw(base, { method: "POST", path, headers: { "content-type": "application/json" }, body });

  describe("request bodies over the limit → 413 in the API's shape", () => {
    const MIB = 1024 * 1024;
    it.each([
      ["declared Content-Length one byte over 1 MiB, body never sent", MIB + 1],
      ["declared Content-Length of 10 GiB", 10 * 1024 * MIB],
    ])("%s", async (_name, length) => {
      const response = await declaredOnly(server.url, "/api/v2/lead-labels", length);
      expect(response.status).toBe(413);
      expect(response.json).toEqual(
        apiError(413, "Payload Too Large", "Request body is larger than 1048576 bytes"),
      );
    });

    it("Expect: 100-continue with a Content-Length over the limit: 413 without being told to continue", async () => {
      const response = await declaredOnly(server.url, "/api/v2/lead-labels", 2 * MIB, {
        expect: "100-continue",
      });
      expect(response.status).toBe(413);
      expect(response.continued).toBe(false);
      expect(response.json).toEqual(
        apiError(413, "Payload Too Large", "Request body is larger than 1048576 bytes"),
      );
    });

    it("a chunked body with no Content-Length that grows past 1 MiB is cut off while it is read", async () => {
      const response = await growingBody(server.url, "/api/v2/lead-labels");
      expect(response.status).toBe(413);
      expect(response.json).toEqual(
        apiError(413, "Payload Too Large", "Request body is larger than 1048576 bytes"),
      );
      // Answered soon after the limit, not after the 64 MiB the client would have sent.
      expect(response.written).toBeLessThan(32 * MIB);
    });

    it("--body-limit sets the limit: one byte over is refused, a body at the limit is read", async () => {
      const small = await startCli(["--body-limit", "1000"]);
      onTestFinished(() => {
        small.child.kill("SIGKILL");
      });
      const at = JSON.stringify({ label: "x".repeat(1000 - 47), interest_status_label: "positive" });
      expect(Buffer.byteLength(at)).toBe(1000);
      const ok = await postJson("/api/v2/lead-labels", at, small.url);
      expect(ok.status).toBe(200);
      const over = await postJson("/api/v2/lead-labels", `${at} `, small.url);
      expect(over.status).toBe(413);
      expect(over.json).toEqual(apiError(413, "Payload Too Large", "Request body is larger than 1000 bytes"));
    });

    it("keeps serving after refusing bodies", async () => {
      const response = await json(server.url, "GET", "/api/v2/lead-labels?limit=1");
      expect(response.status).toBe(200);
    });
  });

  describe("malformed percent-encoding → 400, never 500", () => {
    const cases: [string, string][] = [
      ["GET", "/api/v2/campaigns/%E0%A4%A"], // truncated UTF-8 escape
      ["GET", "/api/v2/campaigns/%zz"], // not hex
      ["GET", "/api/v2/campaigns/%"], // lone percent
      ["GET", "/api/v2/campaigns/%C3%28"], // invalid UTF-8 continuation
      ["GET", "/api/v2/campaigns/%FF"], // a byte that is never UTF-8
      ["DELETE", "/api/v2/lead-labels/%ED%A0%80"], // encoded UTF-16 surrogate
      ["PATCH", "/api/v2/accounts/a%2"], // truncated escape in the email path parameter
      ["GET", "/api/v2/not-an-operation/%zz"], // unknown route: still 400, not 404/500
      ["GET", "/api/v2/campaigns?starting_after=%E0"], // in the query
      ["GET", "/api/v2/lead-labels?limit=%"],
      ["GET", "/api/v2/lead-labels?search=%C0%AF"], // overlong encoding of "/"
      ["HEAD", "/api/v2/campaigns/%zz"],
    ];
    it.each(cases)("%s %s", async (method, path) => {
      const response = await raw(server.url, { method, path });
      expect(response.status).toBe(400);
      if (method === "HEAD") expect(response.text).toBe("");
      else
        expect(response.json).toEqual(
          apiError(400, "Bad Request", "Malformed percent-encoding in the request URL"),
        );
    });

    it.each([
      ["absolute form, as a proxy would send it", "http://example.com/api/v2/lead-labels?limit=1", 200],
      ["another scheme", "ftp://example.com/api/v2/lead-labels", 400],
    ])("request target in %s", async (_name, path, status) => {
      const response = await raw(server.url, { method: "GET", path });
      expect(response.status).toBe(status);
      if (status === 400)
        expect(response.json).toEqual(apiError(400, "Bad Request", "Malformed request target"));
    });

    it("well-formed escapes still reach the handler decoded", async () => {
      const email = "some.one+tag@example.com";
      const created = await json(server.url, "POST", "/api/v2/accounts", { ...ACCOUNT, email });
      expect(created.status).toBe(200);
      const fetched = await json(server.url, "GET", `/api/v2/accounts/${encodeURIComponent(email)}`);
      expect(fetched.status).toBe(200);
      expect(fetched.json.email).toBe(email);
    });
  });

  describe("HEAD is answered like GET, without the body", () => {
    // Every list and get route of the CRUD resources, plus every GET without path parameters.
    const paths = new Set<string>();
    for (const resource of Object.values(crudResources)) {
      const list = operationSpecs[resource.list as keyof typeof operationSpecs];
      if (list.method === "GET") paths.add(list.path);
      if ("get" in resource) paths.add(`${resource.collectionPath}/unknown-id`);
    }
    for (const spec of Object.values(operationSpecs)) {
      if (spec.method === "GET" && !spec.path.includes("{")) paths.add(spec.path);
    }
    paths.add("/api/v2/not-an-operation");

    it(`for ${paths.size} routes: same status, content type and length`, async () => {
      expect(paths.size).toBeGreaterThan(40);
      for (const path of paths) {
        const get = await raw(server.url, { method: "GET", path });
        const head = await raw(server.url, { method: "HEAD", path });
        expect({ path, status: head.status }).toEqual({ path, status: get.status });
        expect(get.status).not.toBe(500);
        expect(head.text).toBe("");
        expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
        expect({ path, length: head.headers["content-length"] }).toEqual({
          path,
          length: String(get.bytes.length),
        });
      }
    });
  });

  describe("methods no operation has → 405 with Allow on a known path, 404 elsewhere, never 500", () => {
    // Every method Node's parser accepts that the spec does not use (TRACE and TRACK made `new Request` throw).
    const methods = [
      "TRACE",
      "PROPFIND",
      "PROPPATCH",
      "MKCOL",
      "COPY",
      "MOVE",
      "LOCK",
      "UNLOCK",
      "PURGE",
      "QUERY",
      "SEARCH",
      "REPORT",
      "LINK",
      "UNLINK",
      "SOURCE",
    ];
    it.each(methods)("%s", async (method) => {
      const known = await raw(server.url, { method, path: "/api/v2/lead-labels" });
      expect(known.status).toBe(405);
      expect(known.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
      expect(known.json).toEqual(
        apiError(405, "Method Not Allowed", expect.stringContaining(`Method ${method} is not allowed`)),
      );
      const unknown = await raw(server.url, { method, path: "/api/v2/not-an-operation" });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual(apiError(404, "Not Found"));
    });

    it("CONNECT → 405 in the API's shape, not a dropped connection", async () => {
      const { hostname, port } = new URL(server.url);
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest({ host: hostname, port, method: "CONNECT", path: "example.com:443" });
        request.on("connect", (response, socket, head) => {
          let text = head.toString();
          socket.on("data", (chunk) => {
            text += chunk;
          });
          socket.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        });
        request.on("error", reject);
        request.end();
      });
      expect(answer.status).toBe(405);
      expect(JSON.parse(answer.text)).toEqual(apiError(405, "Method Not Allowed"));
    });
  });

  describe("invalid JSON bodies → 400", () => {
    it.each([
      ["unterminated string", '{"label": "x'],
      ["trailing comma", '{"label": "x", "interest_status_label": "positive",}'],
      ["bare word", "nul"],
      ["single quotes", "{'label': 'x'}"],
      ["two documents", '{"label":"x"}{"label":"y"}'],
      ["NaN", '{"label": NaN}'],
    ])("%s", async (_name, body) => {
      const response = await postJson("/api/v2/lead-labels", body);
      expect(response.status).toBe(400);
      expect(response.json).toEqual(
        apiError(400, "Bad Request", expect.stringMatching(/^Body is not valid JSON: /)),
      );
    });

    it.each([
      ["an array", "[]", "Invalid request: body: expected object, got an array of 0"],
      ["a string", '"label"', 'Invalid request: body: expected object, got string "label"'],
      ["null", "null", "Invalid request: body: expected object, got null"],
      [
        "a required property missing",
        '{"label":"x"}',
        "Invalid request: body.interest_status_label: expected a required property, got nothing",
      ],
    ])("JSON that is %s", async (_name, body, message) => {
      const response = await postJson("/api/v2/lead-labels", body);
      expect(response.status).toBe(400);
      expect(response.json).toEqual(apiError(400, "Bad Request", message));
    });
  });

  describe("a body nested too deep → 400, and nothing stored that would break later answers", () => {
    const nested = (depth: number, open: string, close: string, leaf: string) =>
      `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
    it.each([
      ["objects, 50000 levels", nested(50_000, '{"a":', "}", "1")],
      ["arrays, 200000 levels", nested(200_000, "[", "]", "1")],
      ["objects, 101 levels in all", nested(100, '{"a":', "}", "1")],
    ])("in a free-form object of an account (warmup): %s", async (_name, deep) => {
      const email = `deep-${deep.length}@example.com`;
      const body = JSON.stringify({ ...ACCOUNT, email, warmup: "__DEEP__" }).replace('"__DEEP__"', deep);
      const response = await postJson("/api/v2/accounts", body);
      expect(response.status).toBe(400);
      expect(response.json).toEqual(apiError(400, "Bad Request", "Body is nested deeper than 100 levels"));
      const listed = await json(server.url, "GET", "/api/v2/accounts?limit=100");
      expect(listed.status).toBe(200);
    });

    it("100 levels in all is accepted", async () => {
      const body = JSON.stringify({ ...ACCOUNT, email: "deep-ok@example.com", warmup: "__DEEP__" }).replace(
        '"__DEEP__"',
        nested(99, '{"a":', "}", "1"),
      );
      const response = await postJson("/api/v2/accounts", body);
      expect(response.status).toBe(200);
      expect((await json(server.url, "GET", "/api/v2/accounts?limit=100")).status).toBe(200);
      expect((await json(server.url, "DELETE", "/api/v2/accounts/deep-ok%40example.com")).status).toBe(200);
    });
  });

  describe("a body in a content type that is not JSON → 415", () => {
    const body = JSON.stringify({ label: "Typed", interest_status_label: "positive" });
    it.each([
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "application/xml",
      "multipart/form-data; boundary=x",
    ])("%s", async (contentType) => {
      const response = await raw(server.url, {
        method: "POST",
        path: "/api/v2/lead-labels",
        headers: { "content-type": contentType },
        body,
      });
      expect(response.status).toBe(415);
      expect(response.json).toEqual(
        apiError(415, "Unsupported Media Type", `Unsupported Media Type: ${contentType}`),
      );
    });

    it.each([
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/merge-patch+json",
    ])("%s is read as JSON", async (contentType) => {
      const response = await raw(server.url, {
        method: "POST",
        path: "/api/v2/lead-labels",
        headers: { "content-type": contentType },
        body,
      });
      expect(response.status).toBe(200);
      expect(response.json.label).toBe("Typed");
    });
  });

  describe("a duplicate of a unique field is rejected with 409, the first item kept", () => {
    it("accounts: a second account with the same email", async () => {
      const first = await json(server.url, "POST", "/api/v2/accounts", ACCOUNT);
      expect(first.status).toBe(200);
      const second = await json(server.url, "POST", "/api/v2/accounts", { ...ACCOUNT, first_name: "Second" });
      expect(second.status).toBe(409);
      expect(second.json).toEqual(
        apiError(409, "Conflict", "An item of accounts with email 'first@example.com' already exists"),
      );
      const kept = await json(server.url, "GET", "/api/v2/accounts/first%40example.com");
      expect(kept.json).toEqual(first.json);
      const listed = await json(server.url, "GET", "/api/v2/accounts?limit=100");
      expect(
        listed.json.items.filter((item: { email: string }) => item.email === ACCOUNT.email),
      ).toHaveLength(1);
      // Once deleted, the email is free again.
      expect((await json(server.url, "DELETE", "/api/v2/accounts/first%40example.com")).status).toBe(200);
      expect((await json(server.url, "POST", "/api/v2/accounts", ACCOUNT)).status).toBe(200);
    });

    it("custom tags: a label equal after trimming, on create and on patch (the API's documented 409)", async () => {
      const documented = apiError(409, "Conflict", "A tag with this name already exists.");
      const first = await json(server.url, "POST", "/api/v2/custom-tags", { label: "Important" });
      expect(first.status).toBe(200);
      const again = await json(server.url, "POST", "/api/v2/custom-tags", { label: "  Important " });
      expect(again.status).toBe(409);
      expect(again.json).toEqual(documented);
      const other = await json(server.url, "POST", "/api/v2/custom-tags", { label: "Other" });
      expect(other.status).toBe(200);
      const clash = await json(server.url, "PATCH", `/api/v2/custom-tags/${other.json.id}`, {
        label: "Important",
      });
      expect(clash.status).toBe(409);
      expect(clash.json).toEqual(documented);
      expect((await json(server.url, "GET", `/api/v2/custom-tags/${other.json.id}`)).json.label).toBe(
        "Other",
      );
      // Patching a tag to its own label is no conflict.
      const same = await json(server.url, "PATCH", `/api/v2/custom-tags/${first.json.id}`, {
        label: "Important",
      });
      expect(same.status).toBe(200);
    });

    it("workspace group members: a second membership of the same sub workspace", async () => {
      const first = await json(server.url, "POST", "/api/v2/workspace-group-members", {
        sub_workspace_id: "ws-1",
      });
      expect(first.status).toBe(200);
      const second = await json(server.url, "POST", "/api/v2/workspace-group-members", {
        sub_workspace_id: "ws-1",
      });
      expect(second.status).toBe(409);
      expect(second.json).toEqual(
        apiError(409, "Conflict", "The sub workspace already has an active parent or invitation"),
      );
    });
  });

  describe("the API key never comes back, wherever a client puts it", () => {
    // Long (past the 57 characters a violation message shows of a value) and distinctive: no 10 characters of it
    // occur by chance in a message or a log line.
    const KEY = "sk_test_Zq8xLp3VmW9tRk2YbN7cJd4HfG6sQa1EuT5oIy0PwXvBnMzKeY";
    /** Every 10-character piece of the key found in `text`. */
    const pieces = (text: string, key: string) =>
      Array.from({ length: key.length - 9 }, (_, at) => key.slice(at, at + 10)).filter((piece) =>
        text.includes(piece),
      );
    const bearer = { authorization: `Bearer ${KEY}` };
    const cases: [string, RawRequest, number][] = [
      ["as an id", { method: "GET", path: `/api/v2/lead-labels/${KEY}` }, 404],
      ["as an id, percent-encoded", { method: "GET", path: `/api/v2/lead-labels/%73${KEY.slice(1)}` }, 404],
      ["in a validated query parameter", { method: "GET", path: `/api/v2/lead-labels?limit=${KEY}` }, 400],
      ["as a body that is not JSON", { method: "POST", path: "/api/v2/lead-labels", body: KEY }, 400],
      ["as a form body", { method: "POST", path: "/api/v2/lead-labels", body: `api_key=${KEY}` }, 400],
      [
        "in a body value that breaks the schema (shown shortened)",
        {
          method: "POST",
          path: "/api/v2/lead-labels",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ label: "x", interest_status_label: `Bearer ${KEY}` }),
        },
        400,
      ],
      [
        "in the content type",
        {
          method: "POST",
          path: "/api/v2/lead-labels",
          headers: { "content-type": `text/plain; key=${KEY}` },
          body: "{}",
        },
        415,
      ],
      ["in an unknown route", { method: "GET", path: `/api/v2/not-an-operation/${KEY}` }, 404],
      [
        "in an unknown route, percent-encoded",
        { method: "GET", path: `/api/v2/nope/%73${KEY.slice(1)}` },
        404,
      ],
      [
        "as the user info of an absolute-form target",
        { method: "GET", path: `http://user:${KEY}@example.com/api/v2/lead-labels` },
        200,
      ],
      ["in a fragment", { method: "GET", path: `/api/v2/lead-labels#${KEY}` }, 200],
      [
        "beside a line break (no forged log line)",
        { method: "GET", path: `/api/v2/lead-labels/${KEY}%0D%0AGET%20/forged%20200%201.0ms` },
        404,
      ],
      ["in a route with another method", { method: "PUT", path: `/api/v2/lead-labels/${KEY}` }, 405],
    ];
    it.each(cases)("the request's own key %s: not in the answer", async (_name, request, status) => {
      const response = await raw(server.url, { ...request, headers: { ...bearer, ...request.headers } });
      expect(response.status).toBe(status);
      expect(pieces(`${JSON.stringify(response.headers)}${response.text}`, KEY)).toEqual([]);
      if (status >= 400) expect(response.json).toEqual(apiError(status, expect.any(String)));
    });

    it("nor in the server's log lines", async () => {
      // The log is written after each answer: wait for the table's last request (405 before and after redaction).
      await vi.waitFor(() => expect(server.output()).toMatch(/^PUT \/api\/v2\/lead-labels\/\S+ 405 /m), {
        timeout: 60_000,
        interval: 20,
      });
      expect(pieces(server.output(), KEY)).toEqual([]);
      expect(server.output()).toContain("GET /api/v2/lead-labels/[redacted] 404");
      expect(server.output()).not.toMatch(/^GET \/forged/m);
    });

    it("a key of --api-key in a request without it (401): not in the answer nor the log", async () => {
      const other = "sk_live_Hn4Wq9Tz2Lb7Xc5Vm8Rk3Jp6Fd1Gs0AyE_configured";
      const cli = await startCli(["--api-key", `${other}=campaigns:read`]);
      onTestFinished(() => {
        cli.child.kill("SIGKILL");
      });
      for (const path of [`/api/v2/campaigns/${other}`, `http://u:${other}@example.com/api/v2/campaigns`]) {
        const response = await raw(cli.url, { method: "GET", path });
        expect(response.status).toBe(401);
        expect(pieces(response.text, other)).toEqual([]);
      }
      await vi.waitFor(() => expect(cli.output().match(/ 401 /g)?.length).toBe(2), {
        timeout: 60_000,
        interval: 20,
      });
      expect(pieces(cli.output(), other)).toEqual([]);
    });
  });

  it("answered every abusive request above without a 500", () => {
    expect(server.output()).not.toMatch(/ 500 /);
    expect(server.child.exitCode).toBeNull();
  });
});

describe("--port and --body-limit are parsed strictly", () => {
  it.each(["abc", "-1", "70000", "65536", "80x", "", "1e3", "0x50", " 80", "8.5", "080", "+80"])(
    "--port '%s' → one error line, exit code 2, nothing started",
    async (value) => {
      const result = await runCli([`--port=${value}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --port must be an integer from 0 to 65535, got '${value}'\n`);
      expect(result.stdout).toBe("");
    },
  );

  it("--port with its value missing → one usage line, exit code 2", async () => {
    const result = await runCli(["--port"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Option '--port <value>' argument missing \(usage: serve .*\)\n$/);
  });

  it.each(["0", "-5", "1k", "", "1e6"])("--body-limit '%s' is refused", async (value) => {
    const result = await runCli([`--body-limit=${value}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: --body-limit must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}, got '${value}'\n`,
    );
  });
});
