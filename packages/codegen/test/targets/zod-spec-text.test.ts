// Spec text that reaches the zod schemas: enum values, `const`s, `pattern`s, `default`s of responses and
// property names reach orval's output as literals; descriptions, titles, summaries and `x-` extensions must not
// reach it at all (orval would write them into `.describe('…')`, JSDoc and enum keys). Every hostile string
// below, put in every such place at once, must leave the generated file's structure (its declarations and
// identifiers) exactly that of a harmless twin spec.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { generateZodSchemas } from "../../src/targets/zod/index.ts";
import { hostileStrings } from "../hostile.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function spec(text: (slot: string) => string): Record<string, unknown> {
  const field = (slot: string) => ({
    type: "string",
    description: text(`${slot} description`),
    title: text(`${slot} title`),
    enum: [text(`${slot} enum`), "plain"],
    "x-enumDescriptions": { plain: text(`${slot} enum description`) },
    "x-enumNames": [text(`${slot} enum name`), "Plain"],
  });
  const object = (slot: string) => ({
    type: "object",
    description: text(`${slot} object`),
    properties: {
      [text(`${slot} key`)]: field(`${slot} a`),
      pattern: { type: "string", pattern: text(`${slot} pattern`).replace(/[\\[\](){}*+?|^$.]/g, "") || "x" },
      constant: { const: text(`${slot} const`) },
      defaulted: { type: "string", default: text(`${slot} default`) },
    },
    required: ["defaulted"],
  });
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/api/v2/things/{id}": {
        summary: text("path summary"),
        post: {
          operationId: "createThing",
          summary: text("summary"),
          description: text("description"),
          parameters: [
            {
              name: "id",
              in: "path",
              required: true,
              description: text("param description"),
              schema: field("path"),
            },
            {
              name: "q",
              in: "query",
              description: text("query description"),
              schema: { type: "string", default: text("q") },
            },
          ],
          requestBody: {
            description: text("request description"),
            content: { "application/json": { schema: object("body") } },
          },
          responses: {
            "200": {
              description: text("response description"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
          },
        },
      },
    },
    components: { schemas: { Thing: { ...object("component"), title: "Thing" } } },
  };
}

async function generated(document: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ik-zod-text-"));
  dirs.push(dir);
  await generateZodSchemas(buildModel(document), dir);
  return readFile(join(dir, "schemas.gen.ts"), "utf8");
}

/** The file's shape: every identifier and every kind of node, in order — literals' text left out. */
function structure(text: string): string[] {
  const source = ts.createSourceFile("schemas.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shape: string[] = [];
  const visit = (node: ts.Node): void => {
    shape.push(ts.isIdentifier(node) ? `id:${node.text}` : ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shape;
}

describe("spec text in the zod schemas", () => {
  const hostile = [...hostileStrings(10)];
  let harmless: Promise<string> | undefined;
  const twin = () => {
    harmless ??= generated(spec((slot) => `plain_${slot.replace(/\W/g, "_")}`));
    return harmless;
  };

  it("prose (summaries, descriptions, titles, x- extensions) never reaches the file", async () => {
    const text = await twin();
    const prose = [
      "path_summary",
      "summary",
      "param_description",
      "query_description",
      "request_description",
    ];
    for (const slot of [...prose, "response_description", "body_object", "path_a_title"])
      expect(text).not.toContain(`plain_${slot}`);
    for (const slot of ["path_a_enum_description", "path_a_enum_name", "component_a_description"])
      expect(text).not.toContain(`plain_${slot}`);
    // …while the values do, as literals.
    for (const slot of ["path_enum", "body_a_enum", "component_const", "component_default"])
      expect(text).toContain(`plain_${slot}`);
  });

  it.each(hostile.map((text, index) => [index, text]))(
    "hostile string %i leaves the structure of the harmless twin",
    async (_, text) => {
      const evil = await generated(spec((slot) => `${text} ${slot}`));
      expect(structure(evil)).toEqual(structure(await twin()));
    },
  );
});
