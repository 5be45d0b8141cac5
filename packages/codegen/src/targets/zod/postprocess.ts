import { CliError, quoteForMessage } from "../../errors.ts";
import type { SpecModel } from "../../model/index.ts";
import { f, type TS, ts } from "../react-query/syntax.ts";
import { closedBodyObjects } from "./closed-bodies.ts";
import { firstFreeName } from "./free-names.ts";
import { componentSchemaName, type OperationSchemaNames } from "./names.ts";
import { checkedUnique, UNIQUE_ITEMS_NAME, uniqueBodyArrays, uniqueItemsImport } from "./unique-arrays.ts";

export function fail(message: string): never {
  throw new CliError(`zod: ${message}`);
}

export function parseOrvalOutput(fileName: string, text: string): TS.SourceFile {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first)
    fail(`orval's ${fileName} does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`);
  return source;
}

/**
 * orval's export name → ours, for every operation schema; what the model expects orval to have written; and each
 * such name's operation.
 */
function renames(names: ReadonlyMap<string, OperationSchemaNames>): {
  renamed: Map<string, string>;
  expected: Map<string, string>;
  operations: Map<string, string>;
} {
  const renamed = new Map<string, string>();
  const expected = new Map<string, string>();
  const operations = new Map<string, string>();
  for (const [id, operation] of names) {
    const orval = operation.orvalPrefix;
    renamed.set(`${orval}Params`, operation.params);
    renamed.set(`${orval}QueryParams`, operation.query);
    renamed.set(`${orval}Body`, operation.body);
    for (const [status, name] of operation.responses) {
      renamed.set(`${orval}${status}Response`, name);
      expected.set(`${orval}${status}Response`, id);
    }
    for (const suffix of ["Params", "QueryParams", "Body"]) operations.set(`${orval}${suffix}`, id);
    for (const status of operation.responses.keys()) operations.set(`${orval}${status}Response`, id);
  }
  return { renamed, expected, operations };
}

/**
 * Refuses orval's file if it uses a name that nothing binds (free-names.ts): it parses, but the zod package would
 * not build. One line, naming the name and the schema it is in (by the name the package exports), with its
 * operation or component.
 */
function refuseFreeNames(
  source: TS.SourceFile,
  model: SpecModel,
  renamed: ReadonlyMap<string, string>,
  operations: ReadonlyMap<string, string>,
): void {
  const free = firstFreeName(source);
  if (!free) return;
  const declaration = ts.isVariableStatement(free.statement)
    ? free.statement.declarationList.declarations[0]
    : undefined;
  const orvalName = declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  const component = model.schemas.find((schema) => componentSchemaName(schema.name) === orvalName);
  const operation = orvalName === undefined ? undefined : operations.get(orvalName);
  const where =
    orvalName === undefined
      ? `a statement at line ${source.getLineAndCharacterOfPosition(free.statement.getStart()).line + 1}`
      : `${renamed.get(orvalName) ?? orvalName}${
          operation !== undefined
            ? ` (operation ${quoteForMessage(operation)})`
            : component
              ? ` (component ${quoteForMessage(component.name)})`
              : ""
        }`;
  fail(
    `orval wrote ${quoteForMessage(free.name)}, which the file neither declares nor imports, in ${where}; the zod package would not build`,
  );
}

/**
 * What `format: "email"` means, as Ajv's ajv-formats and the mocks' request validator (@instantly-kit/msw's
 * validate.ts) check it. zod's default `zod.email()` is narrower — no `&`, `!`, `=`, `/`, `{}` before the `@`, a
 * top-level domain of letters only (`.xn--p1ai` refused) — so the validating client refused bodies the API and the
 * mocks take, and `contract:check` reported valid addresses as drift. Agreement is tested value by value
 * (packages/msw/test/zod-formats.test.ts).
 */
const EMAIL_PATTERN =
  "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$";
const EMAIL_PATTERN_NAME = "emailFormatPattern";

/** `zod.<name>()` with no arguments (`zod.email()`, as orval writes it for `format: "email"`; `zod.unknown()`). */
function isBareZodCall(node: TS.Node | undefined, name: string): node is TS.CallExpression {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    node.arguments.length === 0 &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === "zod" &&
    node.expression.name.text === name
  );
}

/** X, when `node` is `zod.unknown().and(X)` or `X.and(zod.unknown())`. */
function intersectionWithUnknown(node: TS.Node): TS.Expression | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "and") return undefined;
  const [other] = node.arguments as unknown as [TS.Expression];
  if (isBareZodCall(callee.expression, "unknown")) return other;
  if (isBareZodCall(other, "unknown")) return callee.expression;
  return undefined;
}

/** `export type X = zod.input<typeof X>` / `zod.output<…>`: orval's companion types (the types package has ours). */
function isCompanionType(statement: TS.Statement): boolean {
  if (!ts.isTypeAliasDeclaration(statement)) return false;
  const type = statement.type;
  return (
    ts.isTypeReferenceNode(type) &&
    ts.isQualifiedName(type.typeName) &&
    ts.isIdentifier(type.typeName.left) &&
    type.typeName.left.text === "zod" &&
    (type.typeName.right.text === "input" || type.typeName.right.text === "output") &&
    type.typeArguments?.length === 1 &&
    ts.isTypeQueryNode(type.typeArguments[0] as TS.TypeNode)
  );
}

/**
 * orval's single file → `schemas.gen.ts`: refused if it uses a name that nothing binds (free-names.ts), operation
 * schemas renamed to names.ts's names (every identifier that refers to one, too), component schemas checked against
 * the naming rule, companion types dropped, every schema marked pure, a request body's objects that the spec closes
 * made strict (closed-bodies.ts) and its arrays that the spec makes unique checked (unique-arrays.ts). Everything is
 * done on the syntax tree; an orval upgrade that names or shapes things differently fails here, naming what it
 * expected.
 */
export function postprocessSchemas(
  source: TS.SourceFile,
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
): { text: string; exported: Set<string> } {
  const { renamed, expected, operations } = renames(names);
  const declared = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations)
      if (ts.isIdentifier(declaration.name)) declared.add(declaration.name.text);
  }
  for (const [orvalName, id] of expected)
    if (!declared.has(orvalName)) fail(`orval wrote no ${orvalName} for operation ${JSON.stringify(id)}`);
  for (const schema of model.schemas) {
    const name = componentSchemaName(schema.name);
    if (model.schema(name))
      fail(`component ${schema.name}'s schema name ${name} is a component of the spec too`);
    if (!declared.has(name)) fail(`orval wrote no ${name} for component ${JSON.stringify(schema.name)}`);
  }
  refuseFreeNames(source, model, renamed, operations);
  const closed = closedBodyObjects(source, model, names);
  const unique = uniqueBodyArrays(source, model, names);
  for (const name of [EMAIL_PATTERN_NAME, UNIQUE_ITEMS_NAME])
    if (declared.has(name)) fail(`orval wrote a ${name} of its own`);
  let emails = 0;
  let uniques = 0;
  const exported = new Set<string>();
  const result = ts.transform(source, [
    (context) => (file) => {
      // One pass over orval's tree (parents intact): references renamed, and every call chain marked
      // `/* @__PURE__ */` — the outermost call of `zod.string().optional()` and every call in its arguments. A
      // bundler then drops each schema an app does not import; unmarked, `zod.object(…)` is a call with possible
      // side effects and every schema of the API stays in every bundle.
      const visit = (node: TS.Node): TS.Node => {
        const parent = node.parent;
        if (ts.isIdentifier(node)) {
          const to = renamed.get(node.text);
          // Property names and keys are not references: only identifiers in reference position are renamed.
          const isKey =
            (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
            (ts.isPropertyAssignment(parent) && parent.name === node);
          return to && !isKey ? f.createIdentifier(to) : node;
        }
        let visited = ts.visitEachChild(node, visit, context);
        if (closed.has(node as TS.CallExpression)) {
          const call = visited as TS.CallExpression;
          const callee = call.expression as TS.PropertyAccessExpression;
          visited = f.updateCallExpression(
            call,
            f.updatePropertyAccessExpression(callee, callee.expression, f.createIdentifier("strictObject")),
            call.typeArguments,
            call.arguments,
          );
        }
        // `zod.unknown().and(X)` / `X.and(zod.unknown())` (orval's rendering of an `allOf` part zod cannot say,
        // such as `if`/`then`) is X: it validates the same and infers the same type — except that zod 4 reports an
        // unknown key of an intersection only when both sides do, so a strict X inside it would accept any key.
        const unknownAnd = intersectionWithUnknown(visited);
        if (unknownAnd) visited = ts.setSyntheticLeadingComments(unknownAnd, undefined);
        if (isBareZodCall(visited, "email")) {
          emails++;
          visited = f.updateCallExpression(visited, visited.expression, undefined, [
            f.createObjectLiteralExpression([
              f.createPropertyAssignment("pattern", f.createIdentifier(EMAIL_PATTERN_NAME)),
            ]),
          ]);
        }
        // `zod.array(X).min(1)` of an array the spec makes unique → `zod.unknown().check(uniqueItems).pipe(…)`.
        if (unique.has(node as TS.CallExpression)) {
          uniques++;
          visited = checkedUnique(visited as TS.Expression);
        }
        const innerOfChain = ts.isPropertyAccessExpression(parent) && parent.expression === node;
        // `new RegExp(…)` (a `pattern`) too: a bundler cannot know it is free of side effects.
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !innerOfChain)
          return ts.addSyntheticLeadingComment(
            visited,
            ts.SyntaxKind.MultiLineCommentTrivia,
            " @__PURE__ ",
            false,
          );
        return visited;
      };
      const statements: TS.Statement[] = [];
      for (const statement of file.statements) {
        if (isCompanionType(statement)) continue;
        const next = ts.visitNode(statement, visit) as TS.Statement;
        if (ts.isVariableStatement(next))
          for (const declaration of next.declarationList.declarations)
            if (ts.isIdentifier(declaration.name)) exported.add(declaration.name.text);
        statements.push(next);
      }
      const imports = statements.findIndex((statement) => !ts.isImportDeclaration(statement));
      const afterImports = imports === -1 ? statements.length : imports;
      if (uniques > 0) statements.splice(afterImports, 0, uniqueItemsImport());
      if (emails > 0) {
        // After the imports: `const emailFormatPattern = /* @__PURE__ */ new RegExp("…", "i");`, not exported.
        const pattern = f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [
              f.createVariableDeclaration(
                EMAIL_PATTERN_NAME,
                undefined,
                undefined,
                ts.addSyntheticLeadingComment(
                  f.createNewExpression(f.createIdentifier("RegExp"), undefined, [
                    f.createStringLiteral(EMAIL_PATTERN),
                    f.createStringLiteral("i"),
                  ]),
                  ts.SyntaxKind.MultiLineCommentTrivia,
                  " @__PURE__ ",
                  false,
                ),
              ),
            ],
            ts.NodeFlags.Const,
          ),
        );
        statements.splice(afterImports + (uniques > 0 ? 1 : 0), 0, pattern);
      }
      return f.updateSourceFile(file, statements);
    },
  ]);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const text = printer.printFile(result.transformed[0] as TS.SourceFile);
  result.dispose();
  return { text, exported };
}
