/**
 * The small vocabulary the hooks transforms share: TypeScript compiler API helpers and the tally that proves
 * each transformation applied exactly once per operation (so an orval upgrade that changes its output fails
 * generation loudly, naming the operation and the transformation, instead of shipping half-processed hooks).
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";
import { CliError } from "../../errors.ts";
import { cacheCompiledCode } from "../../startup/compile-cache.ts";

/**
 * The compiler API, loaded with `require`: typescript.js is a 9 MB CommonJS file, and an ESM `import` of it makes
 * Node scan it twice more (module-format detection and the CommonJS export lexer), ~1 s per run. Its compiled code
 * comes from the compile cache when an earlier run left it there (startup/compile-cache.ts).
 */
cacheCompiledCode();
export const ts: typeof TS = createRequire(import.meta.url)("typescript");
export type { TS };

export const f = ts.factory;

export function fail(message: string): never {
  throw new CliError(`react-query: ${message}`);
}

export function parse(fileName: string, text: string): TS.SourceFile {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  if (diagnostics.length > 0) {
    const first = diagnostics[0] as TS.Diagnostic;
    fail(`orval's ${fileName} does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`);
  }
  return source;
}

/** Counts applications of each transformation per operation; {@link Tally.check} demands exact counts. */
export class Tally {
  private readonly counts = new Map<string, number>();
  private readonly expected = new Map<string, number>();

  applied(operationId: string, transformation: string): void {
    const key = `${operationId}\u0000${transformation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  expect(operationId: string, transformation: string, times = 1): void {
    this.expected.set(`${operationId}\u0000${transformation}`, times);
  }

  check(): void {
    for (const key of new Set([...this.expected.keys(), ...this.counts.keys()])) {
      const want = this.expected.get(key) ?? 0;
      const got = this.counts.get(key) ?? 0;
      if (want !== got) {
        const [operationId, transformation] = key.split("\u0000");
        fail(
          `transformation "${transformation}" applied ${got} time(s) to operation ${JSON.stringify(operationId)}, expected ${want} — has orval's output changed?`,
        );
      }
    }
  }
}

/** `export const <name> = <arrow>`: the name and arrow of a top-level statement, if it is one. */
export function exportedArrow(
  statement: TS.Statement,
): { name: string; declaration: TS.VariableDeclaration; arrow: TS.ArrowFunction } | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const declaration = statement.declarationList.declarations[0];
  if (!declaration || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  if (!ts.isArrowFunction(declaration.initializer)) return undefined;
  return { name: declaration.name.text, declaration, arrow: declaration.initializer };
}

/** The statement with `arrow` as its initializer (and, given `name`, declaring that name instead). */
export function replaceArrow(
  statement: TS.VariableStatement,
  arrow: TS.ArrowFunction,
  name?: string,
): TS.VariableStatement {
  const [declaration] = statement.declarationList.declarations as unknown as [TS.VariableDeclaration];
  return f.updateVariableStatement(
    statement,
    statement.modifiers,
    f.updateVariableDeclarationList(statement.declarationList, [
      f.updateVariableDeclaration(
        declaration,
        name === undefined ? declaration.name : id(name),
        declaration.exclamationToken,
        declaration.type,
        arrow,
      ),
    ]),
  );
}

export function withBody(arrow: TS.ArrowFunction, statements: TS.Statement[]): TS.ArrowFunction {
  return f.updateArrowFunction(
    arrow,
    arrow.modifiers,
    arrow.typeParameters,
    arrow.parameters,
    arrow.type,
    arrow.equalsGreaterThanToken,
    f.createBlock(statements, true),
  );
}

export const id = (name: string) => f.createIdentifier(name);
export const str = (value: string) => f.createStringLiteral(value);
export const typeRef = (name: string, ...args: TS.TypeNode[]) =>
  f.createTypeReferenceNode(name, args.length > 0 ? args : undefined);
/** `Name<"operationId">`, e.g. `RequestBody<"createLead">`. */
export const opType = (name: string, operationId: string) =>
  typeRef(name, f.createLiteralTypeNode(str(operationId)));
export const asConst = (expression: TS.Expression) => f.createAsExpression(expression, typeRef("const"));
export const call = (callee: string | TS.Expression, args: TS.Expression[], types?: TS.TypeNode[]) =>
  f.createCallExpression(typeof callee === "string" ? id(callee) : callee, types, args);
/** `...(name !== undefined ? [name] : [])` */
export const spreadIfDefined = (name: string) =>
  f.createSpreadElement(
    f.createParenthesizedExpression(
      f.createConditionalExpression(
        f.createBinaryExpression(id(name), ts.SyntaxKind.ExclamationEqualsEqualsToken, id("undefined")),
        undefined,
        f.createArrayLiteralExpression([id(name)]),
        undefined,
        f.createArrayLiteralExpression([]),
      ),
    ),
  );

/** Adds a property signature to the type literal of a parameter (`options?: { …; invalidate?: T }`). */
export function withMember(
  parameter: TS.ParameterDeclaration,
  member: TS.PropertySignature,
): TS.ParameterDeclaration {
  const type = parameter.type;
  if (!type || !ts.isTypeLiteralNode(type))
    fail(`parameter ${(parameter.name as TS.Identifier).text} has no type literal`);
  return f.updateParameterDeclaration(
    parameter,
    parameter.modifiers,
    parameter.dotDotDotToken,
    parameter.name,
    parameter.questionToken,
    f.updateTypeLiteralNode(type, f.createNodeArray([...type.members, member])),
    parameter.initializer,
  );
}

/** Attaches a JSDoc block (the text `jsdoc()` of emit/ returns) to a node. */
export function withDoc<T extends TS.Node>(node: T, doc: string): T {
  if (doc === "") return node;
  // `/** … */` → the comment's inner text: the printer adds `/*` and `*/`.
  ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, doc.slice(2, -2), true);
  return node;
}

/** Every identifier text in a (possibly synthesized) tree. */
export function identifiersIn(node: TS.Node, into = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node)) into.add(node.text);
  ts.forEachChild(node, (child) => {
    identifiersIn(child, into);
  });
  return into;
}
