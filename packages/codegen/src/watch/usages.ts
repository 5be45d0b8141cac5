// Where an app uses an operation, found with the TypeScript compiler's syntax trees (never by grepping text): the
// names the packages export for it (hooks, options helpers, request functions, mock handlers) when imported from
// @instantly-kit/*, client calls by method + path literal, `paginate(client, path)`, and operationId literals in
// type arguments and mock helpers (`RequestBody<"createLeadLabel">`, `mockError("listCampaign", 429)`).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { pascalCase, type SpecModel } from "../model/index.ts";

/** An operation as an app can refer to it. */
export interface OperationRef {
  id: string;
  /** The model's PascalCase name the packages' exports are built from (`Operation.name`); default from the id. */
  name?: string;
  /** Upper case, as the client methods are named (`GET`). */
  method: string;
  path: string;
  paginated: boolean;
}

export type UsageKind =
  | "hook"
  | "query options"
  | "request function"
  | "client call"
  | "paginate"
  | "mock"
  | "type";

export interface Usage {
  operationId: string;
  kind: UsageKind;
  /** Relative to the app's folder, `/` separated. */
  file: string;
  line: number;
  column: number;
  /** What is written there (`useGetCampaign`, `client.GET("/api/v2/campaigns/{id}")`). */
  text: string;
}

/** Every exported name the generated packages derive from an operationId, and what kind of use it is. */
export function exportedNames(id: string, name?: string): [string, UsageKind][] {
  const p = name ?? pascalCase(id);
  const hooks = [
    `use${p}`,
    `use${p}Infinite`,
    `use${p}Suspense`,
    `use${p}SuspenseInfinite`,
    `useSuspense${p}`,
  ];
  const options = ["", "Infinite", "Suspense", "SuspenseInfinite"].flatMap((v) => [
    `get${p}${v}QueryOptions`,
    `get${p}${v}QueryKey`,
  ]);
  return [
    ...hooks.map((name): [string, UsageKind] => [name, "hook"]),
    ...options.map((name): [string, UsageKind] => [name, "query options"]),
    [`get${p}MutationOptions`, "query options"],
    [id, "request function"],
    [`get${p}MockHandler`, "mock"],
    [`get${p}ResponseMock`, "mock"],
  ];
}

export const CLIENT_METHODS = new Set(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]);
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", "generated", "test-results", "public", ".turbo"]);

/** The TypeScript files of an app (src/, test/, configs), skipping build outputs and dependencies. */
export function appSourceFiles(appDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(join(dir, entry.name));
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(join(dir, entry.name));
    }
  };
  walk(appDir);
  return files.sort();
}

/** Every use of `operations` in the app at `appDir`, in file and line order. */
export function findUsages(appDir: string, operations: readonly OperationRef[]): Usage[] {
  const byName = new Map<string, { op: OperationRef; kind: UsageKind }>();
  const byId = new Map<string, OperationRef>();
  const byCall = new Map<string, OperationRef>();
  const byPaginatedPath = new Map<string, OperationRef>();
  for (const op of operations) {
    byId.set(op.id, op);
    byCall.set(`${op.method} ${op.path}`, op);
    if (op.paginated) byPaginatedPath.set(op.path, op);
    for (const [name, kind] of exportedNames(op.id, op.name)) byName.set(name, { op, kind });
  }
  const usages: Usage[] = [];
  for (const file of appSourceFiles(appDir)) {
    const source = parseAppFile(file);
    const rel = relative(appDir, file).split(sep).join("/");
    usages.push(...usagesInFile(source, rel, { byName, byId, byCall, byPaginatedPath }));
  }
  return usages;
}

interface Indexes {
  byName: Map<string, { op: OperationRef; kind: UsageKind }>;
  byId: Map<string, OperationRef>;
  byCall: Map<string, OperationRef>;
  byPaginatedPath: Map<string, OperationRef>;
}

function usagesInFile(source: ts.SourceFile, file: string, index: Indexes): Usage[] {
  // Local names bound by imports from our packages (an `as` rename keeps the exported name's meaning).
  const imported = new Map<string, { op: OperationRef; kind: UsageKind }>();
  let importsOurPackages = false;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!statement.moduleSpecifier.text.startsWith("@instantly-kit/")) continue;
    importsOurPackages = true;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const exported = (element.propertyName ?? element.name).text;
      const found = index.byName.get(exported);
      if (found) imported.set(element.name.text, found);
    }
  }
  if (!importsOurPackages) return [];

  const usages: Usage[] = [];
  const seen = new Set<string>();
  const add = (node: ts.Node, op: OperationRef, kind: UsageKind, text: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    const key = `${op.id}:${line}:${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    usages.push({ operationId: op.id, kind, file, line: line + 1, column: character + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const found = imported.get(node.text);
      if (found) add(node, found.op, found.kind, node.text);
    } else if (ts.isCallExpression(node)) {
      const [first, second] = node.arguments;
      const callee = node.expression;
      // client.GET("/api/v2/…", …)
      if (ts.isPropertyAccessExpression(callee) && CLIENT_METHODS.has(callee.name.text) && first) {
        const path = literalText(first);
        const op = path === undefined ? undefined : index.byCall.get(`${callee.name.text} ${path}`);
        if (op) add(node, op, "client call", `${callee.getText(source)}(${JSON.stringify(path)})`);
      }
      // paginate(client, "/api/v2/…", …)
      if (ts.isIdentifier(callee) && callee.text === "paginate" && second) {
        const path = literalText(second);
        const op = path === undefined ? undefined : index.byPaginatedPath.get(path);
        if (op) add(node, op, "paginate", `paginate(…, ${JSON.stringify(path)})`);
      }
      // mockError("listCampaign", …) and any other helper taking an operationId
      if (first) {
        const id = literalText(first);
        const op = id === undefined ? undefined : index.byId.get(id);
        if (op) add(node, op, "mock", `${callee.getText(source)}(${JSON.stringify(id)})`);
      }
    } else if (ts.isTypeReferenceNode(node)) {
      // RequestBody<"createLeadLabel">, ResponseBody<…>, QueryParams<…>, PathParams<…>
      for (const argument of node.typeArguments ?? []) {
        if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
          const op = index.byId.get(argument.literal.text);
          if (op) add(node, op, "type", node.getText(source));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return usages;
}

/** The text of a string literal (or a template without substitutions), else undefined. */
export function literalText(node: ts.Expression): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** An app's source file as a syntax tree (TSX for `.tsx`). */
export function parseAppFile(file: string): ts.SourceFile {
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
}

/** Every operation of a model as an app can refer to it. */
export function operationRefs(model: SpecModel): OperationRef[] {
  return model.operations.map((op) => ({
    id: op.id,
    name: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    paginated: op.pagination !== undefined,
  }));
}
