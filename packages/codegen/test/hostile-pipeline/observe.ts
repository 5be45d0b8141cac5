// What the built packages say about the spec strings, read two ways:
// - at runtime, by importing every built entry point in a fresh Node process (probe below) that reports the
//   canary and the exported values that carry spec text;
// - at type level, by reading the emitted .d.ts with the TypeScript compiler API (property names, string
//   literal types, JSDoc comment text).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { CANARY } from "./spec.ts";
import { run, type Workspace } from "./workspace.ts";

/** Built entry points imported by the probe (relative to packages/). */
const ENTRY_POINTS = [
  "types/dist/index.js",
  "client/dist/index.js",
  "client/dist/generated/text-responses.gen.js",
  "client/dist/generated/operation-ids.gen.js",
  "msw/dist/index.js",
  "msw/dist/node.js",
  "react-query/dist/index.js",
];

/** Runs in a fresh process: imports everything, then prints what it saw as one JSON line. */
const PROBE = `
const root = process.argv[2];
const out = { canary: globalThis.${CANARY}, importErrors: [], callErrors: [], labels: [], paginated: [], text: [], operationPaths: [], scopes: [], operations: [], bodies: [], responseMocks: [], errorBodies: [], queryKeys: [] };
// Calls a generated function: spec text broken out of a literal inside a function body only runs (or throws) here.
const call = (what, fn, ...args) => {
  try {
    return fn(...args) ?? null;
  } catch (error) {
    out.callErrors.push(what + ": " + String(error && error.message).split("\\n")[0]);
    return null;
  }
};
const modules = {};
for (const entry of ${JSON.stringify(ENTRY_POINTS)}) {
  try {
    modules[entry] = await import(new URL("packages/" + entry, "file://" + root + "/").href);
  } catch (error) {
    out.importErrors.push(entry + ": " + String(error && error.message).split("\\n")[0]);
  }
}
const types = modules["types/dist/index.js"] ?? {};
// Short labels and whole descriptions: the spec's text is the description, its leading clause the label.
for (const [name, value] of Object.entries(types)) if (/(Labels|Descriptions)$/.test(name)) out.labels.push(...Object.values(value));
out.paginated = Object.keys(modules["client/dist/index.js"]?.paginatedOperations ?? {});
out.text = Object.keys(modules["client/dist/generated/text-responses.gen.js"]?.textResponses ?? {});
out.operationPaths = Object.keys(modules["client/dist/generated/operation-ids.gen.js"]?.operationIds ?? {});
out.scopes = Object.values(types.operationScopes ?? {}).flat();
const msw = modules["msw/dist/index.js"] ?? {};
out.operations = Object.entries(msw.operationSpecs ?? {}).map(([key, spec]) => ({ key, ...spec, errors: Object.keys(spec.errors ?? {}) }));
out.bodies = Object.entries(msw.defaultBodies ?? {}).map(([key, body]) => call("defaultBodies." + key, body));
for (const [name, value] of Object.entries(msw)) {
  if (/^get\\w+ResponseMock$/.test(name) && typeof value === "function") out.responseMocks.push(call(name, value));
}
for (const [key, spec] of Object.entries(msw.operationSpecs ?? {})) {
  for (const [status, body] of Object.entries(spec.errors ?? {})) {
    if (typeof body === "function") out.errorBodies.push(call("operationSpecs." + key + ".errors." + status, body));
  }
}
for (const [name, value] of Object.entries(modules["react-query/dist/index.js"] ?? {})) {
  if (/^get\\w+QueryKey$/.test(name) && typeof value === "function") out.queryKeys.push(call(name, value));
}
out.canary = globalThis.${CANARY};
process.stdout.write(JSON.stringify(out));
`;

export interface RuntimeView {
  /** `globalThis.__pwned` after every import: undefined unless spec text ran. */
  canary: unknown;
  importErrors: string[];
  /** Generated functions the probe called (mock bodies, error bodies, query keys) that threw. */
  callErrors: string[];
  labels: string[];
  paginated: string[];
  text: string[];
  /** Keys (path templates) of @instantly-kit/client's `operationIds`. */
  operationPaths: string[];
  /** Every scope in @instantly-kit/types' `operationScopes`. */
  scopes: string[];
  operations: {
    key: string;
    operationId: string;
    path: string;
    /** "none" when the success response has no body (then there is no `get*ResponseMock`). */
    body: string;
    /** The documented error statuses (their body factories are called into `errorBodies`). */
    errors: string[];
    contentType?: string;
    requiredBody: string[];
  }[];
  bodies: unknown[];
  /** What every exported `get*ResponseMock()` returned. */
  responseMocks: unknown[];
  /** What every documented error body factory (`operationSpecs[*].errors[*]()`) returned. */
  errorBodies: unknown[];
  queryKeys: unknown[][];
  stdout: string;
  stderr: string;
}

export async function probeRuntime(workspace: Workspace): Promise<RuntimeView> {
  const script = workspace.writeFile("probe.mjs", PROBE);
  const result = await run(process.execPath, [script, workspace.root], { cwd: workspace.root });
  if (result.code !== 0) throw new Error(`probe failed (${result.code}): ${result.stderr.slice(0, 2000)}`);
  return { ...(JSON.parse(result.stdout) as RuntimeView), stdout: result.stdout, stderr: result.stderr };
}

export interface DeclarationView {
  properties: Set<string>;
  literals: Set<string>;
  /** JSDoc comment texts per file name (e.g. `openapi.gen.d.ts`). */
  comments: Map<string, string[]>;
  files: string[];
}

/** Property names, string literal types and comments of every .d.ts under `dir`, via the compiler API. */
export function readDeclarations(dir: string): DeclarationView {
  const view: DeclarationView = {
    properties: new Set(),
    literals: new Set(),
    comments: new Map(),
    files: [],
  };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    view.files.push(name);
    if (!name.endsWith(".d.ts")) continue;
    const text = readFileSync(join(dir, name), "utf8");
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.name) {
        const key = node.name;
        if (ts.isStringLiteral(key) || ts.isIdentifier(key) || ts.isNumericLiteral(key))
          view.properties.add(key.text);
      }
      if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
        view.literals.add(node.literal.text);
      ts.forEachChild(node, visit);
    };
    visit(file);
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
    const comments: string[] = [];
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.MultiLineCommentTrivia) comments.push(scanner.getTokenText());
    }
    view.comments.set(name.split("/").at(-1) as string, comments);
  }
  return view;
}

/** The text of a JSDoc comment: delimiters and each line's leading ` * ` removed. */
export function commentBody(comment: string): string {
  return comment
    .replace(/^\/\*\*?/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\*(?!\\\/)\s?/, ""))
    .join("\n");
}

/** Text with every kind of whitespace (incl. line terminators U+2028/U+2029) removed: layout is not content. */
export const squash = (text: string): string => text.replace(/[\s\u2028\u2029]+/g, "");

/**
 * The documented escapes of comment text: ours (src/emit/comments.ts: `\` doubled, `*\/` for `*` + `/`) and
 * openapi-typescript's (`*\/` only, backslashes kept as they are).
 */
export const escapeForEmit = (text: string): string => text.replaceAll("\\", "\\\\").replaceAll("*/", "*\\/");
export const escapeForOpenapiTs = (text: string): string => text.replaceAll("*/", "*\\/");
