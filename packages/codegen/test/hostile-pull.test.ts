// Issue 8 §1, the part the pipeline refuses rather than escapes: a path that is not a valid URL path template
// (src/spec/url-paths.ts). Every case goes through the real CLI: one `error:` line naming the path and why, with
// no raw control or line-breaking character in it, a non-zero exit, and nothing written. The valid-but-hostile
// paths (`*/`, `/*`, `'`, `$`, `;`, `(`…) are carried by every target instead: test/hostile-pipeline.test.ts.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "../src/errors.ts";
import { loadSpec } from "../src/spec/load.ts";
import { pathTemplateProblem } from "../src/spec/url-paths.ts";
import { removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { corpusSpecs, loadCorpusSpec } from "./corpus.ts";

afterAll(removeTempRoots);

/** A minimal valid document with one operation at `path`. */
function specWithPath(path: string): Record<string, unknown> {
  const names = [...path.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] as string);
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      [path]: {
        get: {
          operationId: "getThing",
          parameters: names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
          responses: { "200": { description: "ok" } },
        },
      },
    },
  };
}

/** Whether `text` holds a character that would break a terminal line or reorder text if printed raw. */
function hasRawControl(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0) as number;
    return (
      (code < 0x20 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    );
  });
}

const REFUSED: [string, string][] = [
  ["a backtick", "/api/v2/a`b"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the point is a literal `${` in a spec path
  ["a template literal ${…}", "/api/v2/`${globalThis.x=1}`"],
  ["a double quote", '/api/v2/a"+x+"'],
  ["a backslash", "/api/v2/a\\u0060"],
  ["a space", "/api/v2/a b"],
  ["a newline", "/api/v2/a\n(globalThis.x=1)//"],
  ["a carriage return", "/api/v2/a\rb"],
  ["U+2028", "/api/v2/a\u2028b"],
  ["U+2029", "/api/v2/a\u2029b"],
  ["</script>", "/api/v2/</script><script>x=1</script>"],
  ["a non-BMP character", "/api/v2/😀"],
  ["a bidi override", "/api/v2/a\u202eb"],
  ["a C1 control", "/api/v2/a\u0085b"],
  ["an unbalanced {", "/api/v2/{id"],
  ["a lone }", "/api/v2/id}"],
  ["a template name with */", "/api/v2/{id*/x}"],
  ["a template name with a newline", "/api/v2/{id\nx}"],
  ["an empty template name", "/api/v2/{}"],
  ["a bad percent escape", "/api/v2/%zz"],
  ["$ right before a parameter", "/api/v2/things/$" + "{id}"],
  ["no leading slash", "api/v2/things"],
  ["a very long path ending in a backtick", `/api/v2/${"x".repeat(5000)}\``],
];

/** The one-line message loadSpec (the pull's reader) refuses `path` with. */
async function refusal(path: string): Promise<string> {
  const root = await tempRoot([]);
  const source = join(root, "spec-source.json");
  await writeFile(source, JSON.stringify(specWithPath(path)));
  const error = await loadSpec(source).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as CliError).message;
}

describe("spec:pull refuses paths that are not URL path templates", () => {
  it.each(REFUSED)("%s", async (_what, path) => {
    const message = await refusal(path);
    expect(message).toMatch(/: path ".*" is refused: .+$/);
    expect(message).not.toMatch(/\n/);
    expect(hasRawControl(message)).toBe(false);
    expect(message.length).toBeLessThan(600);
  });

  // Through the real CLI (a child process each, so only a few): exit code, one line, nothing written.
  it.each(REFUSED.filter(([what]) => ["a backtick", "a newline", "U+2028"].includes(what)))(
    "CLI: %s",
    async (_what, path) => {
      const root = await tempRoot([]);
      const source = join(root, "spec-source.json");
      await writeFile(source, JSON.stringify(specWithPath(path)));
      const result = await runCli(root, ["pull", "--source", source]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      // One line, naming the path (quoted, cut when long) and the reason.
      expect(result.stderr).toMatch(/^error: .*: path ".*" is refused: .+\n$/);
      expect(result.stderr.trimEnd()).not.toMatch(/\n/);
      expect(hasRawControl(result.stderr)).toBe(false);
      expect(result.stderr.length).toBeLessThan(600);
      expect(existsSync(join(root, "spec", "openapi.json"))).toBe(false);
      expect(existsSync(join(root, "spec", "openapi.lock.json"))).toBe(false);
    },
  );

  it("refuses a schema property named __proto__ (openapi-typescript would drop it from the types)", async () => {
    const root = await tempRoot([]);
    const source = join(root, "spec-source.json");
    const spec = specWithPath("/api/v2/things");
    spec.components = JSON.parse(
      '{"schemas":{"Thing":{"type":"object","properties":{"__proto__":{"type":"string"}}}}}',
    );
    await writeFile(source, JSON.stringify(spec));
    const error = await loadSpec(source).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(
      /: a schema property named "__proto__" at "#\/components\/schemas\/Thing\/properties" is refused/,
    );
  });

  it.each([
    ["*/ and /*", "/api/v2/a*/b/*c"],
    ["sub-delims and quotes allowed in paths", "/api/v2/$'()+,;=:@!~"],
    ["$ elsewhere", "/api/v2/$/{id}/a$b"],
    ["percent-encoded backtick, ${, U+2028 and non-BMP", "/api/v2/%60%24%7B%E2%80%A8%F0%9F%98%80"],
    ["template names with - and .", "/api/v2/{rule-id}/{a.b}/{_x}"],
  ])("accepts a valid hostile path: %s", (_what, path) => {
    expect(pathTemplateProblem(path)).toBeUndefined();
  });

  it("every real spec version's paths are valid templates", async () => {
    for (const file of corpusSpecs.slice(-2)) {
      const document = await loadCorpusSpec(file);
      for (const path of Object.keys(document.paths as object))
        expect(pathTemplateProblem(path), path).toBeUndefined();
    }
  });
});
