// Spec text that reaches the hooks: operationIds (function and type names), paths (request functions and keys),
// summaries/descriptions (JSDoc) and tags (file names).
// - Names: operationIds that are suffixes/prefixes of each other (`createLead` / `bulkCreateLead` /
//   `createLeadBulk`, `getLeads` / `getLeadsParams`) once made the text rewrites produce `BulkRequestBody<…>`.
//   The whole class is covered by compiling the generated hooks with their types package (real tsc).
// - Hostile text: every string below, put in every place at once, must leave the generated code's structure
//   (its declarations) exactly that of a harmless twin spec, and reach the code only as escaped literals.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { unescapeBlockText } from "../../src/emit/index.ts";
import { buildModel } from "../../src/model/index.ts";
import { generateHooks, reactQueryTarget } from "../../src/targets/react-query/index.ts";
import { typesTarget } from "../../src/targets/types/index.ts";
import { createCorpusWorkspace, loadCorpusSpec } from "../corpus.ts";
import { FIXTURES } from "../helpers.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function hooksOf(document: Record<string, unknown>): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), "ik-rq-text-"));
  dirs.push(dir);
  await generateHooks(buildModel(document), dir);
  const files = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")])),
  );
}

describe("operationIds that are suffixes and prefixes of each other", () => {
  it("generate hooks that compile against their types package", async () => {
    const workspace = createCorpusWorkspace("ik-rq-names-");
    try {
      const document = await loadCorpusSpec(join(FIXTURES, "react-query-names.json"));
      await workspace.generate("names.json", document, [typesTarget, reactQueryTarget]);
      const generated = join(workspace.eraDir("names.json"), "react-query", "src", "generated");
      const lead = await readFile(join(generated, "lead.gen.ts"), "utf8");
      // Each operation's body and query object is its own named type (model.gen.ts), one indexed access from
      // the operation's fields — never a helper instantiated in the hooks.
      const model = await readFile(join(generated, "model.gen.ts"), "utf8");
      for (const id of ["createLead", "bulkCreateLead", "createLeadBulk", "xCreateLead"]) {
        const name = `${id.charAt(0).toUpperCase()}${id.slice(1)}Body`;
        expect(lead).toContain(`data: ${name} }`);
        expect(model).toContain(
          `export type ${name} = operations["${id}"]["requestBody"]["content"]["application/json"];`,
        );
      }
      expect(lead).toContain("params?: GetLeadsParams,");
      expect(lead).toContain("params?: GetLeadsParamsParams,");
      expect(model).toContain(
        'export type GetLeadsParamsParams = NonNullable<operations["getLeadsParams"]["parameters"]["query"]>;',
      );
      expect(lead).not.toMatch(/(RequestBody|QueryParams)</);
      // An underscore operationId: the request function keeps the id, the hooks take the model's PascalCase
      // (`list_lead_items` → `ListLeadItems`), the name orval builds too.
      expect(lead).toContain("export const list_lead_items = ");
      expect(lead).toContain("export function useListLeadItems");
      expect(lead).toContain("export const getListLeadItemsQueryKey = ");
      const output = await workspace.typecheck({
        include: (era) => [`${era}/*/src/**/*.ts`, `${era}/*/src/**/*.tsx`],
        compilerOptions: { jsx: "react-jsx", noEmit: true },
      });
      expect(output).toBe("");
    } finally {
      workspace.remove();
    }
  }, 300_000);
});

const HOSTILE = [
  "end */ globalThis.pwned = 1; /* ",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the point is a `${` that must not become code
  "tick ` ${globalThis.pwned = 1} `",
  "line\nbreak */ export const pwned = 1;",
  "separator\u2028export const pwned = 1;\u2029end",
  '" + globalThis.pwned + "',
  "\\*/ @deprecated fake tag",
];

/** The text as one path segment: a path's `/` separates segments and `{…}` names a parameter. */
const segment = (text: string) => text.replace(/[/{}]/g, "");

/** A small spec with `text` as summary, description, tag description, a path segment and a parameter name. */
function spec(text: string): Record<string, unknown> {
  const response = {
    description: text,
    content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
  };
  return {
    openapi: "3.1.0",
    info: { title: text, version: "1" },
    tags: [{ name: "Thing", description: text }],
    paths: {
      [`/api/v2/things/${segment(text)}/{id}`]: {
        summary: text,
        get: {
          operationId: "getThing",
          tags: ["Thing"],
          summary: text,
          description: `${text}\n\nRequires one of the following scopes: \`things:read\`, \`${text}\``,
          parameters: [
            { name: "id", in: "path", required: true, description: text, schema: { type: "string" } },
            { name: "q", in: "query", description: text, schema: { type: "string", description: text } },
          ],
          responses: { "200": response },
        },
        patch: {
          operationId: "patchThing",
          tags: ["Thing"],
          summary: text,
          description: text,
          deprecated: true,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  description: text,
                  properties: { name: { type: "string", description: text } },
                },
              },
            },
          },
          responses: { "200": response },
        },
      },
    },
  };
}

/** Top-level declarations (kind and name) of a file: what code it contains, whatever its comments say. */
function declarations(text: string): string[] {
  const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toEqual([]);
  return source.statements.map((statement) => {
    const name = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText(source)).join(",")
      : "name" in statement && statement.name
        ? (statement.name as ts.Identifier).text
        : "";
    return `${ts.SyntaxKind[statement.kind]} ${name}`;
  });
}

/** Every string literal of a file, as values. */
function stringLiterals(text: string): string[] {
  const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("hostile spec text", () => {
  let baseline: Record<string, string>;

  it.each(HOSTILE)("%j cannot become code", async (text) => {
    baseline ??= await hooksOf(spec("harmless"));
    const hooks = await hooksOf(spec(text));
    expect(Object.keys(hooks)).toEqual(Object.keys(baseline));
    for (const [file, code] of Object.entries(hooks)) {
      expect(declarations(code), file).toEqual(declarations(baseline[file] as string));
    }
    const thing = hooks["thing.gen.ts"] as string;
    // The path reaches the code as one string literal holding exactly the spec's path; the key has its segment.
    expect(stringLiterals(thing)).toContain(`/api/v2/things/${segment(text)}/{id}`);
    expect(stringLiterals(thing)).toContain(segment(text));
    // The summary reaches the JSDoc and reads back unescaped.
    const firstLine = text.split(/\r\n|[\n\r\u2028\u2029]/)[0]?.trim() as string;
    expect(unescapeBlockText(thing)).toContain(firstLine);
    expect(thing).toMatch(/^ \* @deprecated$/m);
  });

  it("an operationId that is not an identifier is one clear error", async () => {
    const document = spec("harmless");
    const item = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)[0];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the point is a `${` that must not become code
    (item?.get as { operationId: string }).operationId = "get`Thing${x}";
    await expect(hooksOf(document)).rejects.toThrow(
      /^react-query: operationId of GET .*cannot use "get`Thing\$\{x\}" as a generated identifier$/,
    );
  });
});
