// Issue 11 §4, "every hook documented": reads built declaration files (.d.ts) with the TypeScript compiler API
// and lists every exported declaration whose doc comment lacks a part the model says it must have. Used on the
// corpus build (generated-corpus.test.ts: the newest era of the real spec, and the committed snapshot of the docs
// fixture).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { SpecModel } from "../src/model/index.ts";
import { operationExports } from "../src/targets/operation-exports.ts";
import { hookOperations } from "../src/targets/react-query/operations.ts";
import { commentBody, escapeForEmit, squash } from "./hostile-pipeline/observe.ts";

/** Exported declaration name → the text of each of its declarations' JSDoc ("" for one without). */
export function exportedDocs(dir: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    if (!name.endsWith(".d.ts")) continue;
    const text = readFileSync(join(dir, name), "utf8");
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    for (const statement of file.statements) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (!exported) continue;
      const names: string[] = [];
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
        }
      } else if (
        (ts.isFunctionDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement)) &&
        statement.name
      ) {
        names.push(statement.name.text);
      }
      const comment = (ts.getLeadingCommentRanges(text, statement.pos) ?? [])
        .map((range) => text.slice(range.pos, range.end))
        .filter((each) => each.startsWith("/**"))
        .at(-1);
      for (const each of names)
        docs.set(each, [...(docs.get(each) ?? []), comment ? commentBody(comment) : ""]);
    }
  }
  return docs;
}

/** Whether `body` (a comment's text) contains spec `text`, modulo our documented escape and whitespace. */
const mentions = (body: string, text: string) => squash(body).includes(squash(escapeForEmit(text)));

/** What the doc of an export standing for `operation` must say. */
function operationProblems(
  model: SpecModel,
  operationId: string,
  name: string,
  docs: string[] | undefined,
): string[] {
  const operation = model.operation(operationId);
  if (!operation) return [`${name}: no operation ${operationId}`];
  if (!docs || docs.length === 0) return [`${name} (${operationId}): not exported`];
  const problems: string[] = [];
  for (const body of docs) {
    const want: [string, boolean][] = [
      ["summary", !operation.summary || mentions(body, operation.summary.split("\n")[0] ?? "")],
      ["method and path", mentions(body, `${operation.method.toUpperCase()} ${operation.path}`)],
      [
        "scopes",
        operation.requiredScopes.length === 0 ||
          (body.includes("Scopes: one of") &&
            operation.requiredScopes.flat().every((scope) => mentions(body, `\`${scope}\``))),
      ],
      [
        "pagination",
        operation.pagination ? body.includes("Cursor-paginated") : body.includes("Not paginated."),
      ],
      ["example call", /^@example$/m.test(body) && body.includes(`${name}(`)],
      ["deprecation", operation.deprecated === /^@deprecated/m.test(body)],
    ];
    for (const [part, ok] of want) if (!ok) problems.push(`${name} (${operationId}): no ${part}`);
  }
  return problems;
}

export interface BuiltDeclarations {
  /** dist of @instantly-kit/types' generated files (schemas.gen.d.ts, enums.gen.d.ts). */
  types: string;
  reactQuery: string;
  msw: string;
}

/**
 * Every problem with the docs of a build of `model`: per operation its request function, hooks, options helpers,
 * mock handler and response mock (names from operation-exports.ts, so a name that does not exist is reported
 * too); every exported schema type; every export of the enums. Also how many declarations were checked.
 */
export function docProblems(
  model: SpecModel,
  dirs: BuiltDeclarations,
): { problems: string[]; checked: number } {
  const reactQuery = exportedDocs(dirs.reactQuery);
  const msw = exportedDocs(dirs.msw);
  const types = exportedDocs(dirs.types);
  const problems: string[] = [];
  let checked = 0;
  for (const hook of hookOperations(model)) {
    const exports = operationExports(hook.model, hook.isQuery);
    const hooksPackage = [exports.requestFunction, ...exports.hooks, ...exports.optionsHelpers];
    for (const name of hooksPackage) {
      checked++;
      problems.push(...operationProblems(model, hook.id, name, reactQuery.get(name)));
    }
    for (const name of [exports.mockHandler, exports.responseMock]) {
      if (name === undefined) continue;
      checked++;
      problems.push(...operationProblems(model, hook.id, name, msw.get(name)));
    }
  }
  for (const schema of model.schemas.filter((each) => each.exported)) {
    checked++;
    const docs = types.get(schema.name);
    if (!docs?.every((body) => body.includes(`\`${schema.name}\` schema`))) {
      problems.push(`type ${schema.name}: no doc`);
    } else if (schema.description && !docs.every((body) => mentions(body, schema.description ?? ""))) {
      problems.push(`type ${schema.name}: no description`);
    }
  }
  const enumDocs = exportedDocs(dirs.types);
  for (const numericEnum of model.enums) {
    for (const [name, docs] of enumDocs) {
      if (!name.toLowerCase().includes(numericEnum.name.toLowerCase())) continue;
      checked++;
      if (docs.some((body) => body.trim() === "")) problems.push(`enum export ${name}: no doc`);
    }
  }
  return { problems, checked };
}
