// `spec:pull` through the real CLI: bad input of every kind → one `error:` line, non-zero exit, and
// spec/ plus the lock byte-identical; good input → spec, lock, warnings, fallbacks, --locked, changesets.
import { once } from "node:events";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, fingerprint, removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { FIXTURES } from "./helpers.ts";

const SMALL_V1 = join(FIXTURES, "small-v1.json");
const SMALL_V2 = join(FIXTURES, "small-v2.yaml");
const bad = (name: string) => join(FIXTURES, "bad-input", name);
const REDIRECT_KEY = "rk_live_REDIRECTSECRET99";

let server: Server;
let base: string;
let closedPort: number;
/** A root that pulled small-v1.json once; pulledRoot() hands out copies of it. */
let pulledTemplate: string;
/** The fallback pull of "good input", started in beforeAll (see there). */
let fallback: Promise<CliResult>;

beforeAll(async () => {
  const validSpec = await readFile(SMALL_V1);
  const specV2 = await readFile(SMALL_V2);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname; // queries are ignored
    const hop = /^\/chain\/(\d+)$/.exec(path);
    if (hop) {
      // /chain/0 → /chain/1 → … → /chain/7 → the spec: 8 distinct redirects, more than the limit of 5.
      const n = Number(hop[1]);
      response.writeHead(307, { location: n < 7 ? `/chain/${n + 1}` : "/spec.json" }).end();
      return;
    }
    switch (path) {
      case "/spec.json":
        response.writeHead(200, { "content-type": "application/json" }).end(validSpec);
        return;
      case "/v2.yaml":
        response.writeHead(200, { "content-type": "application/yaml" }).end(specV2);
        return;
      case "/redirect-with-token":
        // A redirect whose target carries a token of its own (not in the source the user typed).
        response.writeHead(302, { location: `/loop-token?access_token=${REDIRECT_KEY}` }).end();
        return;
      case "/loop-token":
        response.writeHead(302, { location: `/redirect-with-token?x=1` }).end();
        return;
      case "/moved":
        response.writeHead(302, { location: "/spec.json" }).end();
        return;
      case "/loop-a":
        response.writeHead(302, { location: "/loop-b" }).end();
        return;
      case "/loop-b":
        response.writeHead(301, { location: `${base}/loop-a` }).end();
        return;
      case "/404":
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      case "/500":
        response.writeHead(500, { "content-type": "text/plain" }).end("boom");
        return;
      case "/html":
        response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Maintenance</body></html>");
        return;
      case "/hang":
        return; // never answers
      default:
        response.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there (connection refused).
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  closedPort = (probe.address() as AddressInfo).port;
  probe.close();
  await once(probe, "close");

  // The fallback test's pull spends its 8 s budget waiting on /hang, idle: it runs while the tests before it do,
  // and that test awaits its result. The budget is as generous as before; only the wait overlaps other work.
  const fallbackRoot = await tempRoot([`${base}/500`, `${base}/hang`, SMALL_V1]);
  fallback = runCli(fallbackRoot, ["pull"], { INSTANTLY_KIT_HTTP_TIMEOUT_MS: "8000" });

  pulledTemplate = await tempRoot([SMALL_V1]);
  const first = await runCli(pulledTemplate, ["pull"]);
  expect(first.code, first.stderr).toBe(0);
  expect(await readdir(join(pulledTemplate, ".changeset"))).toEqual([]); // a first pull writes no changeset
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await removeTempRoots();
});

/**
 * A root that already holds a pulled spec and its lock (from small-v1.json): a copy of the one pulled in beforeAll
 * (the lock's source is relative to the root, and every temp root sits in the same directory, so the copy is what
 * a pull in this root writes, byte for byte but for `pulledAt`).
 */
async function pulledRoot(): Promise<string> {
  const root = await tempRoot([SMALL_V1]);
  await cp(join(pulledTemplate, "spec"), join(root, "spec"), { recursive: true });
  await cp(join(pulledTemplate, ".changeset"), join(root, ".changeset"), { recursive: true });
  return root;
}

const guarded = (root: string) => [
  join(root, "spec", "openapi.json"),
  join(root, "spec", "openapi.lock.json"),
];

describe("bad input: one error line, non-zero exit, spec and lock untouched", () => {
  const cases: [string, () => string, RegExp][] = [
    ["an empty file", () => bad("empty.txt"), /empty\.txt is empty$/],
    [
      "truncated JSON",
      () => bad("truncated.txt"),
      /truncated\.txt is truncated JSON \(unexpected end of input\) at line 6, column 74 \(offset 180\)$/,
    ],
    ["an HTML page", () => bad("html-page.html"), /is an HTML page, not an OpenAPI document$/],
    ["Swagger 2.0", () => bad("swagger-2.0.json"), /Swagger 2\.0 is not supported/],
    [
      "JSON that is not OpenAPI",
      () => bad("not-openapi.json"),
      /is not an OpenAPI document \(no "openapi" version field\)$/,
    ],
    [
      "an invalid OpenAPI document",
      () => bad("invalid-structure.json"),
      /is not a valid OpenAPI document: .*description/,
    ],
    ["a missing file", () => bad("no-such-file.json"), /does not exist/],
    ["a URL answering 404", () => `${base}/404`, /answered HTTP 404 Not Found$/],
    ["a URL answering 500", () => `${base}/500`, /answered HTTP 500 Internal Server Error$/],
    ["a URL answering an HTML page", () => `${base}/html`, /is an HTML page, not an OpenAPI document$/],
    ["a URL that never answers", () => `${base}/hang`, /did not answer within 500 ms$/],
    ["a redirect loop", () => `${base}/loop-a`, /loop-a redirects in a loop \(.*\/loop-b → .*\/loop-a\)$/],
    ["too many redirects", () => `${base}/chain/0`, /chain\/0 redirects more than 5 times$/],
    [
      "a closed port",
      () => `http://127.0.0.1:${closedPort}/spec.json`,
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/spec\.json: ECONNREFUSED$/,
    ],
  ];

  let root: string;
  beforeAll(async () => {
    root = await pulledRoot();
  });

  it.each(cases)("%s", async (name, source, message) => {
    const before = await fingerprint(guarded(root));
    expect(Object.values(before)).not.toContain("missing");
    // Only the source that never answers gets a short budget: it times out however slow the machine
    // is, while a server that does answer gets the default 15 s — a loaded CI box never turns its
    // answer into a timeout. (The budget itself is then the only thing that ends the hanging case.)
    const env: Record<string, string> =
      name === "a URL that never answers" ? { INSTANTLY_KIT_HTTP_TIMEOUT_MS: "500" } : {};
    const result = await runCli(root, ["pull", "--source", source()], env);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(message);
    expect(await fingerprint(guarded(root))).toEqual(before);
  });

  it("a document larger than the size cap", async () => {
    const before = await fingerprint(guarded(root));
    const result = await runCli(root, ["pull", "--source", `${base}/spec.json`], {
      INSTANTLY_KIT_MAX_SPEC_BYTES: "100",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^error: .* is larger than the 100 bytes limit\n$/);
    expect(await fingerprint(guarded(root))).toEqual(before);
  });
});

describe("good input", () => {
  it("writes the normalized spec and a lock with source, sha256 and counts", async () => {
    const root = await tempRoot([SMALL_V1]);
    const result = await runCli(root, ["pull"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`using ${SMALL_V1}`);
    const spec = await readFile(join(root, "spec", "openapi.json"), "utf8");
    const lock = JSON.parse(await readFile(join(root, "spec", "openapi.lock.json"), "utf8"));
    const [hash] = Object.values(await fingerprint([join(root, "spec", "openapi.json")]));
    expect(lock).toMatchObject({
      // relative to the repository: an absolute path of one machine means nothing in a committed file
      source: relative(root, SMALL_V1),
      sha256: hash,
      counts: { paths: 1, operations: 1, schemas: 1 },
    });
    expect(Object.keys(JSON.parse(spec).components.schemas)).toEqual(["Lead"]);
    expect(spec.endsWith("\n")).toBe(true);
  });

  it("follows a bounded redirect and reads YAML", async () => {
    const root = await tempRoot([`${base}/moved`]);
    const viaRedirect = await runCli(root, ["pull"]);
    expect(viaRedirect.code, viaRedirect.stderr).toBe(0);
    const yaml = await runCli(root, ["pull", "--source", SMALL_V2]);
    expect(yaml.code, yaml.stderr).toBe(0);
    const lock = JSON.parse(await readFile(join(root, "spec", "openapi.lock.json"), "utf8"));
    expect(lock.counts).toEqual({ paths: 2, operations: 2, schemas: 1 });
  });

  it("accepts OpenAPI 3.0 (YAML) and stores it as 3.1", async () => {
    const root = await tempRoot([join(FIXTURES, "openapi-3.0.yaml")]);
    const result = await runCli(root, ["pull"]);
    expect(result.code, result.stderr).toBe(0);
    const spec = JSON.parse(await readFile(join(root, "spec", "openapi.json"), "utf8"));
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.components.schemas.Campaign.properties).toEqual({
      daily_limit: { type: "integer", exclusiveMinimum: 0 },
      name: { type: ["string", "null"] },
    });
  });

  it("falls back to the next source and says why the earlier ones failed, one line each", async () => {
    // sources [/500, /hang, small-v1.json], started in beforeAll with an 8 s budget. The budget applies to every
    // source, so it is generous (the 500 must answer within it even on a saturated machine): the hanging source
    // costs these 8 s, spent while the tests before this one run.
    const result = await fallback;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `skipped: ${base}/500 answered HTTP 500 Internal Server Error\nskipped: ${base}/hang did not answer within 8 s\n`,
    );
    expect(result.stdout).toContain(`using ${SMALL_V1} (2 earlier sources failed)`);
  });

  it("fails with one error line when every source fails", async () => {
    const root = await pulledRoot();
    await writeFile(
      join(root, "spec", "sources.json"),
      JSON.stringify({ sources: [`${base}/404`, bad("empty.txt")] }),
    );
    const before = await fingerprint(guarded(root));
    const result = await runCli(root, ["pull"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("error:"))).toEqual([
      "error: none of the 2 sources gave a valid spec (reasons above)",
    ]);
    expect(result.stderr).toContain("skipped: ");
    expect(await fingerprint(guarded(root))).toEqual(before);
  });

  it("pulls a spec with a dangling $ref, warning about the ref and each place using it", async () => {
    const root = await tempRoot([join(FIXTURES, "dangling-ref.json")]);
    const result = await runCli(root, ["pull"]);
    expect(result.code, result.stderr).toBe(0);
    const warning =
      "dangling $ref #/components/schemas/def-38 (no such schema) is typed as unknown; used at 2 places: " +
      "#/components/schemas/def-1/properties/history/items, #/components/schemas/def-1/properties/schedule";
    expect(result.stderr).toBe(`warning: ${warning}\n`);
    const lock = JSON.parse(await readFile(join(root, "spec", "openapi.lock.json"), "utf8"));
    expect(lock.warnings).toEqual([warning]);
  });
});

describe("credentials in a source URL never show", () => {
  const KEY = "sk_live_SECRET123456";

  it("are masked in the error line", async () => {
    const root = await pulledRoot();
    for (const source of [`${base}/404?api_key=${KEY}`, `${base}/hang?token=${KEY}`]) {
      const result = await runCli(root, ["pull", "--source", source], {
        INSTANTLY_KIT_HTTP_TIMEOUT_MS: "500",
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^error: .*\*\*\*/);
      expect(result.stderr + result.stdout).not.toContain(KEY);
    }
  });

  it.each([
    ["user and password", `http://someone:${KEY}@127.0.0.1:1/spec.json`],
    ["a short password", "http://ci:pw@127.0.0.1:1/spec.json"],
    ["a token as user name", `https://${KEY}@example.com/spec.json`],
    ["a user name that is not valid percent-encoding", "https://us%zz:pw@127.0.0.1:1/spec.json"],
  ])("user-info (%s) is refused in one line, before any request, nothing written", async (_name, source) => {
    const root = await pulledRoot();
    const before = await fingerprint(guarded(root));
    const result = await runCli(root, ["pull", "--source", source]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /^error: https?:\/\/\*\*\*(:\*\*\*)?@[^ ]+ has credentials in the URL \(user:password@\): refused — .*\n$/,
    );
    expect(result.stderr.split("\n")).toHaveLength(2); // one line, no stack trace
    const secrets = new URL(source);
    for (const secret of [secrets.username, secrets.password].filter(Boolean)) {
      expect(result.stderr + result.stdout).not.toContain(`${secret}@`);
      expect(result.stderr + result.stdout).not.toContain(`:${secret}`);
      if (secret.length >= 5) expect(result.stderr + result.stdout).not.toContain(secret);
    }
    expect(await fingerprint(guarded(root))).toEqual(before);
  });

  it("a sources.json entry with credentials is skipped (masked) and the next source is used", async () => {
    const root = await tempRoot([`http://someone:${KEY}@127.0.0.1:1/spec.json`, SMALL_V1]);
    const result = await runCli(root, ["pull"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^skipped: http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:1\/spec\.json has credentials/,
    );
    const lock = await readFile(join(root, "spec", "openapi.lock.json"), "utf8");
    expect(lock + result.stdout + result.stderr).not.toContain(KEY);
  });

  it("a token in a redirect's target is masked too", async () => {
    const root = await pulledRoot();
    const result = await runCli(root, ["pull", "--source", `${base}/redirect-with-token`]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^error: .*redirects in a loop .*access_token=\*\*\*/);
    expect(result.stderr + result.stdout).not.toContain(REDIRECT_KEY);
  });

  it("are masked in the output, the committed lock and the changeset", async () => {
    const root = await tempRoot([`${base}/spec.json?token=${KEY}&v=2`]);
    const result = await runCli(root, ["pull"]);
    expect(result.code, result.stderr).toBe(0);
    const lock = await readFile(join(root, "spec", "openapi.lock.json"), "utf8");
    expect(JSON.parse(lock).source).toBe(`${base}/spec.json?token=***&v=2`);
    expect(lock + result.stdout + result.stderr).not.toContain(KEY);

    const update = await runCli(root, ["pull", "--source", `${base}/v2.yaml?api_key=${KEY}`]);
    expect(update.code, update.stderr).toBe(0);
    const [changesetName] = await readdir(join(root, ".changeset"));
    const changeset = await readFile(join(root, ".changeset", changesetName as string), "utf8");
    expect(changeset).toContain(`from ${base}/v2.yaml?api_key=***)`);
    const lockAfter = await readFile(join(root, "spec", "openapi.lock.json"), "utf8");
    expect(changeset + lockAfter + update.stdout + update.stderr).not.toContain(KEY);
  });
});

describe("--locked", () => {
  it("accepts the locked spec without touching the lock, and rebuilds a missing spec", async () => {
    const root = await pulledRoot();
    const lockFile = join(root, "spec", "openapi.lock.json");
    const lockBefore = await readFile(lockFile, "utf8");
    const specBefore = await fingerprint([join(root, "spec", "openapi.json")]);
    await rm(join(root, "spec", "openapi.json")); // a fresh clone: the spec is not committed
    const result = await runCli(root, ["pull", "--locked"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(lockFile, "utf8")).toBe(lockBefore);
    expect(await fingerprint([join(root, "spec", "openapi.json")])).toEqual(specBefore);
  });

  it("refuses a source whose spec does not match the lock", async () => {
    const root = await pulledRoot();
    const before = await fingerprint(guarded(root));
    const result = await runCli(root, ["pull", "--locked", "--source", SMALL_V2]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /^error: .*small-v2\.yaml has sha256 [0-9a-f]{12}, the lock wants [0-9a-f]{12}\n$/,
    );
    expect(await fingerprint(guarded(root))).toEqual(before);
  });
});

describe("changesets after a pull", () => {
  it("writes a changeset when the API changed, none when it did not", async () => {
    const root = await pulledRoot();
    const changed = await runCli(root, ["pull", "--source", SMALL_V2]);
    expect(changed.code, changed.stderr).toBe(0);
    // v2 adds GET /leads/{id}: an added operation is a minor change.
    expect(changed.stdout).toMatch(
      /API changed \(minor bump, 1 change\): wrote \.changeset\/api-[0-9a-f]+\.md/,
    );
    const files = await readdir(join(root, ".changeset"));
    expect(files).toHaveLength(1);
    const changeset = await readFile(join(root, ".changeset", files[0] as string), "utf8");
    expect(changeset).toContain('"@instantly-kit/types": minor');
    expect(changeset).toContain("getLead");

    const again = await runCli(root, ["pull", "--source", SMALL_V2]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("no API change since the previous spec: no changeset");
    expect(await readdir(join(root, ".changeset"))).toHaveLength(1);
  });

  it("without a previous spec says so and writes none; --baseline gives one", async () => {
    const root = await pulledRoot();
    await rm(join(root, "spec", "openapi.json"));
    const blind = await runCli(root, ["pull", "--source", SMALL_V2]);
    expect(blind.code, blind.stderr).toBe(0);
    expect(blind.stdout).toContain("no changeset written; rerun with --baseline");
    expect(await readdir(join(root, ".changeset"))).toEqual([]);

    await rm(join(root, "spec", "openapi.json"));
    const withBaseline = await runCli(root, ["pull", "--source", SMALL_V2, "--baseline", SMALL_V1]);
    expect(withBaseline.code, withBaseline.stderr).toBe(0);
    expect(await readdir(join(root, ".changeset"))).toHaveLength(1);
  });
});

describe("generate refuses a spec that is missing or not the locked one", () => {
  it("spec missing", async () => {
    const root = await pulledRoot();
    await rm(join(root, "spec", "openapi.json"));
    const result = await runCli(root, ["generate", "types"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^error: the spec is missing \(.*\): run `pnpm spec:pull` first\n$/);
  });

  it("hash mismatch", async () => {
    const root = await pulledRoot();
    const spec = join(root, "spec", "openapi.json");
    await writeFile(spec, (await readFile(spec, "utf8")).replace('"listLeads"', '"listAllLeads"'));
    const result = await runCli(root, ["generate", "types"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^error: spec\/openapi\.json \(sha256 [0-9a-f]{12}\) does not match .*\n$/);
  });
});
