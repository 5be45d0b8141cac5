// The hooks' post-processing asserts, per operation, that each transformation applied exactly once (syntax.ts
// Tally). Here it runs on orval's real output for a fixture, with a fault injected into that output: one
// declaration renamed (a transformation finds nothing), one duplicated (a transformation applies twice). Each must
// stop generation with one clear error naming the operation and the transformation.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "orval";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { tagFileContext } from "../../src/targets/react-query/index.ts";
import { hookOperations } from "../../src/targets/react-query/operations.ts";
import { orvalOptions } from "../../src/targets/react-query/orval-options.ts";
import { postprocessTagFile, type TagFileContext } from "../../src/targets/react-query/postprocess.ts";
import { fixture } from "../helpers.ts";

const model = buildModel(fixture("react-query-operations.json"));
const operations = hookOperations(model);
let workDir = "";
let files: { name: string; text: string }[] = [];

const context = (): TagFileContext =>
  tagFileContext(
    model,
    operations,
    files.map((file) => ts.createSourceFile(file.name, file.text, ts.ScriptTarget.Latest, true)),
  );

/** The top-level statement of `text` that declares `name` (function or `const`). */
function declaration(text: string, name: string): ts.Statement {
  const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const found = source.statements.find(
    (statement) =>
      (ts.isFunctionDeclaration(statement) && statement.name?.text === name) ||
      (ts.isVariableStatement(statement) &&
        statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)),
  );
  if (!found) throw new Error(`orval's output has no declaration ${name}`);
  return found;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ik-rq-tally-"));
  await generate(
    orvalOptions({ document: model.document as Record<string, unknown>, operations, workDir }),
    workDir,
    { logLevel: "error", throwOnError: true },
  );
  const names = (await readdir(workDir)).filter((name) => name.endsWith(".ts")).sort();
  files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(workDir, name), "utf8") })),
  );
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The first tag file and query operation in it: the fault goes into that operation's declarations. */
function target(): { name: string; text: string; id: string; pascal: string } {
  for (const file of files) {
    const query = operations.find(
      (operation) => operation.isQuery && file.text.includes(`export const ${operation.orvalName} = `),
    );
    if (query) return { ...file, id: query.id, pascal: query.name };
  }
  throw new Error("no query operation in orval's output");
}

/** A query operation with path parameters and the `enabled` property orval wrote in its options helper. */
function enabledTarget(): {
  name: string;
  text: string;
  id: string;
  pascal: string;
  enabled: ts.PropertyAssignment;
} {
  for (const file of files) {
    const query = operations.find(
      (operation) =>
        operation.isQuery &&
        operation.pathParamNames.length > 0 &&
        file.text.includes(`export const ${operation.orvalName} = `),
    );
    if (!query) continue;
    const helper = declaration(file.text, `get${query.name}QueryOptions`);
    let enabled: ts.PropertyAssignment | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "enabled")
        enabled = node;
      ts.forEachChild(node, visit);
    };
    visit(helper);
    if (!enabled) throw new Error(`orval's get${query.name}QueryOptions has no enabled`);
    return { ...file, id: query.id, pascal: query.name, enabled };
  }
  throw new Error("no query operation with path parameters in orval's output");
}

describe("react-query post-processing: each transformation applies exactly once per operation", () => {
  it("orval's unmodified output passes", () => {
    for (const file of files) expect(() => postprocessTagFile(file.name, file.text, context())).not.toThrow();
  });

  it("a hook orval renamed: one error naming the operation and the transformation that found nothing", () => {
    const { name, text, id, pascal } = target();
    // Every overload and the implementation: the hook as a whole is renamed.
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const starts = source.statements
      .filter((statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === `use${pascal}`)
      .map((statement) => (statement as ts.FunctionDeclaration).name?.getStart() ?? 0);
    expect(starts.length).toBeGreaterThan(0);
    let renamed = text;
    for (const at of starts.reverse()) {
      renamed = `${renamed.slice(0, at)}use${pascal}Renamed${renamed.slice(at + `use${pascal}`.length)}`;
    }
    expect(() => postprocessTagFile(name, renamed, context())).toThrow(
      `react-query: transformation "client from provider: use${pascal}" applied 0 time(s) to operation ${JSON.stringify(id)}, expected 1 — has orval's output changed?`,
    );
  });

  it("a query key orval wrote twice: one error naming the operation and the transformation applied twice", () => {
    const { name, text, id, pascal } = target();
    const key = declaration(text, `get${pascal}QueryKey`);
    const duplicated = `${text}\n${key.getFullText()}\n`;
    expect(() => postprocessTagFile(name, duplicated, context())).toThrow(
      `react-query: transformation "query key" applied 2 time(s) to operation ${JSON.stringify(id)}, expected 1 — has orval's output changed?`,
    );
  });

  it("orval's `enabled` in another shape: one error naming the operation (an empty id must stay disabled)", () => {
    const { name, text, id, enabled } = enabledTarget();
    const value = enabled.initializer;
    const changed = `${text.slice(0, value.getStart())}!!(${value.getText()})${text.slice(value.getEnd())}`;
    expect(() => postprocessTagFile(name, changed, context())).toThrow(
      `react-query: orval's \`enabled\` of ${id} is not a null/undefined check of its path parameters`,
    );
  });

  it("orval's `enabled` gone: the transformation that found nothing is named", () => {
    const { name, text, id, pascal, enabled } = enabledTarget();
    // The property and the comma after it.
    const end = text.indexOf(",", enabled.getEnd()) + 1;
    const removed = `${text.slice(0, enabled.getStart())}${text.slice(end)}`;
    expect(() => postprocessTagFile(name, removed, context())).toThrow(
      `react-query: transformation "enabled: get${pascal}QueryOptions" applied 0 time(s) to operation ${JSON.stringify(id)}, expected 1 — has orval's output changed?`,
    );
  });
});
