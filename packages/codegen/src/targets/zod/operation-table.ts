import type { SpecModel } from "../../model/index.ts";
import { f, type TS, ts } from "../react-query/syntax.ts";
import type { OperationSchemaNames } from "./names.ts";
import { fail } from "./postprocess.ts";

/**
 * `operations.gen.ts`: `operationSchemas`, every operation's schemas by operationId — `body` (JSON request body),
 * `query`, `params` (path) and `responses` by documented status (JSON bodies only) — for the validating client
 * and `contract:check`, which look schemas up by the operation they call. Built from the model; a name the
 * schemas file does not export is a generator bug, refused here. Its type is the public shape of the subpath
 * (packages/zod/src/operations.ts), spelled out so that `operationSchemas[id]` is usable for any `OperationId`.
 */
export function renderOperationTable(
  model: SpecModel,
  names: ReadonlyMap<string, OperationSchemaNames>,
  exported: ReadonlySet<string>,
): string {
  const used: string[] = [];
  const ref = (name: string, id: string): TS.Identifier => {
    if (!exported.has(name)) fail(`the schemas file exports no ${name} for operation ${JSON.stringify(id)}`);
    used.push(name);
    return f.createIdentifier(name);
  };
  const entries = model.operations.map((operation) => {
    const schemaNames =
      names.get(operation.id) ?? fail(`no names for operation ${JSON.stringify(operation.id)}`);
    const members: TS.PropertyAssignment[] = [];
    if (operation.requestBody?.json)
      members.push(f.createPropertyAssignment("body", ref(schemaNames.body, operation.id)));
    if (operation.parametersIn.query.length > 0)
      members.push(f.createPropertyAssignment("query", ref(schemaNames.query, operation.id)));
    if (operation.parametersIn.path.length > 0)
      members.push(f.createPropertyAssignment("params", ref(schemaNames.params, operation.id)));
    const responses = [...schemaNames.responses].map(([status, name]) =>
      f.createPropertyAssignment(f.createNumericLiteral(status), ref(name, operation.id)),
    );
    members.push(f.createPropertyAssignment("responses", f.createObjectLiteralExpression(responses, true)));
    return f.createPropertyAssignment(
      isIdentifierName(operation.id) ? f.createIdentifier(operation.id) : f.createStringLiteral(operation.id),
      f.createObjectLiteralExpression(members, true),
    );
  });
  const file = f.createSourceFile([], f.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const print = (node: TS.Node) => printer.printNode(ts.EmitHint.Unspecified, node, file);
  const imports = f.createImportDeclaration(
    undefined,
    f.createImportClause(
      false,
      undefined,
      f.createNamedImports(
        [...new Set(used)]
          .sort()
          .map((name) => f.createImportSpecifier(false, undefined, f.createIdentifier(name))),
      ),
    ),
    f.createStringLiteral("./schemas.gen.js"),
  );
  const typeImport = f.createImportDeclaration(
    undefined,
    f.createImportClause(
      true,
      undefined,
      f.createNamedImports([
        f.createImportSpecifier(false, undefined, f.createIdentifier("OperationSchemaTable")),
      ]),
    ),
    f.createStringLiteral("../operation-schemas.js"),
  );
  const table = f.createVariableStatement(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          "operationSchemas",
          undefined,
          f.createTypeReferenceNode("OperationSchemaTable"),
          f.createObjectLiteralExpression(entries, true),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  return `${[typeImport, ...(used.length > 0 ? [imports] : []), table].map(print).join("\n\n")}\n`;
}

/** Whether `text` can be an unquoted property name (public compiler API: identifier start/part per code point). */
function isIdentifierName(text: string): boolean {
  const points = [...text].map((char) => char.codePointAt(0) ?? 0);
  return (
    points.length > 0 &&
    points.every((point, index) =>
      (index === 0 ? ts.isIdentifierStart : ts.isIdentifierPart)(point, ts.ScriptTarget.ES2022),
    )
  );
}
