// `spec:diff` through the real CLI, as a child process: the --json contract (exactly one JSON object on
// stdout, warnings on stderr), exit codes, and the inputs that must diff to `none` after normalization.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { baseDoc, type Doc, reverseKeys, toDefN } from "./diff-helpers.ts";
import { CLI } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "ik-diff-cli-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `instantly-kit diff …` through the launcher, on this Node (22), as `pnpm spec:diff` does. */
function specDiff(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, "diff", ...args], { timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function write(name: string, doc: Doc | string): string {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === "string" ? doc : JSON.stringify(doc, null, 2));
  return file;
}

let server: Server;
let baseUrl: string;
const base = write("base.json", baseDoc());

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/spec.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(baseDoc()));
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function breakingEdit(): Doc {
  const doc = baseDoc();
  delete doc.paths["/api/v2/leads/{id}"].delete; // major: operation removed
  doc.components.schemas.Lead.properties.city = { type: "string" }; // minor: response property added
  doc.paths["/api/v2/leads"].get.summary = "All leads"; // patch
  return doc;
}

describe("spec:diff --json", () => {
  it("prints exactly one JSON object with the bump and the changes, and exits 0 on a major bump", async () => {
    const run = await specDiff(base, write("breaking.json", breakingEdit()), "--json");
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).sort()).toEqual(["bump", "changes"]);
    expect(result.bump).toBe("major");
    expect(result.changes.map((c: Doc) => `${c.severity} ${c.kind}`)).toEqual([
      "major operation-removed",
      "minor response-property-added",
      "patch operation-docs-changed",
    ]);
    expect(result.changes[0]).toMatchObject({ operationId: "deleteLead", path: "/api/v2/leads/{id}" });
    for (const change of result.changes) expect(typeof change.message).toBe("string");
  });

  it("through the root script: `pnpm -s spec:diff … --json` (without -s pnpm prints its `> script` banner)", async () => {
    const root = join(import.meta.dirname, "..", "..", "..");
    const run = await new Promise<Run>((resolve) => {
      execFile(
        "pnpm",
        ["-s", "spec:diff", base, write("via-pnpm.json", breakingEdit()), "--json"],
        { cwd: root },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(run.stdout).bump).toBe("major");
  });

  it("--json may come first", async () => {
    const run = await specDiff("--json", base, base);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ bump: "none", changes: [] });
  });

  it("keeps normalization warnings off stdout", async () => {
    const dangling = baseDoc();
    dangling.components.schemas.Lead.properties.assignee = { $ref: "#/components/schemas/def-38" };
    const run = await specDiff(base, write("dangling.json", dangling), "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/def-38/);
    const result = JSON.parse(run.stdout);
    expect(result.bump).toBe("minor");
    expect(result.changes.map((c: Doc) => c.kind)).toEqual(["response-property-added"]);
  });
});

describe("spec:diff text output", () => {
  it("groups breaking changes first and ends with the bump line", async () => {
    const run = await specDiff(base, write("breaking-text.json", breakingEdit()));
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("bump: major");
    const breaking = run.stdout.indexOf("Breaking changes (major): 1");
    const additive = run.stdout.indexOf("Additive changes (minor): 1");
    const docs = run.stdout.indexOf("Documentation-only changes (patch): 1");
    expect(breaking).toBeGreaterThanOrEqual(0);
    expect(additive).toBeGreaterThan(breaking);
    expect(docs).toBeGreaterThan(additive);
    expect(run.stdout).toContain("DELETE /api/v2/leads/{id} (deleteLead)");
    expect(run.stdout).toMatch(
      /schema Lead \(used by 5 operations: createLead, getLead, listCampaign, listLead, patchLead\)/,
    );
  });

  it("says so when nothing changed", async () => {
    const run = await specDiff(base, base);
    expect(run).toMatchObject({ code: 0, stdout: "No changes in meaning.\nbump: none\n" });
  });
});

describe("spec:diff: no change in meaning → bump none", () => {
  const none = async (other: string) => {
    const run = await specDiff(base, other, "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ bump: "none", changes: [] });
  };

  it("the same document with a UTF-8 BOM", () =>
    none(write("bom.json", `\uFEFF${JSON.stringify(baseDoc())}`)));
  it("one line instead of pretty-printed (whitespace)", () =>
    none(write("one-line.json", JSON.stringify(baseDoc()))));
  it("every key order reversed", () => none(write("shuffled.json", reverseKeys(baseDoc()) as Doc)));
  it("schemas keyed def-N", () =>
    none(write("def-n.json", toDefN(baseDoc(), ["Lead", "LeadLabel", "Campaign"]))));
  it("def-N numbering shifted between two def-N documents", async () => {
    const a = write("def-a.json", toDefN(baseDoc(), ["Lead", "LeadLabel", "Campaign"]));
    const b = write("def-b.json", toDefN(baseDoc(), ["Campaign", "Lead", "LeadLabel"]));
    const run = await specDiff(a, b, "--json");
    expect(JSON.parse(run.stdout)).toEqual({ bump: "none", changes: [] });
  });
  it("nullable: true instead of type [T, null]", () => {
    const doc = baseDoc();
    doc.components.schemas.Lead.properties.score = { type: "number", nullable: true };
    return none(write("nullable.json", doc));
  });
  it("the same document served over HTTP", () => none(`${baseUrl}/spec.json`));
  it("the same document as OpenAPI 3.0 (nullable: true, upgraded to 3.1 on load)", () => {
    const doc = baseDoc();
    doc.openapi = "3.0.3";
    doc.components.schemas.Lead.properties.score = { type: "number", nullable: true };
    doc.paths["/api/v2/leads"].post.requestBody.content["application/json"].schema.properties.first_name = {
      type: "string",
      nullable: true,
    };
    return none(write("openapi-3.0.json", doc));
  });
  it("the same document as YAML", () => none(write("base.yaml", stringify(baseDoc()))));
});

describe("spec:diff: unreadable input → one error line, non-zero exit, nothing on stdout", () => {
  const fails = async (...args: string[]) => {
    const run = await specDiff(...args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    return lines[0] as string;
  };

  it("a missing file (either side)", async () => {
    expect(await fails(join(dir, "missing.json"), base, "--json")).toContain("missing.json");
    expect(await fails(base, join(dir, "missing.json"))).toContain("missing.json");
  });
  it("truncated JSON", async () => {
    await fails(base, write("truncated.json", JSON.stringify(baseDoc()).slice(0, 200)), "--json");
  });
  it("JSON that is not OpenAPI", async () => {
    await fails(write("not-openapi.json", { hello: "world" }), base);
  });
  it("a URL that answers 404", async () => {
    expect(await fails(base, `${baseUrl}/missing.json`, "--json")).toContain("404");
  });
  it("wrong usage exits 2", async () => {
    const run = await specDiff(base);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: usage: spec:diff/);
    const unknown = await specDiff(base, base, "--bogus");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^error: Unknown option '--bogus'; usage:/),
    ]);
  });
});
