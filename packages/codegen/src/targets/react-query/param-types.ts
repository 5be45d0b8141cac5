/**
 * The named types of hook parameters, declared in generated/model.gen.ts: each operation's query-parameter object
 * (`GetLeadsParams`) and, unless its body is a component schema (then the parameter is typed by that schema's
 * name, exported by @instantly-kit/types), its request body (`CreateLeadBody`).
 *
 * Why named declarations (ADR 0021): a person hovering `params` in a hook lands on `GetLeadsParams`, whose
 * declaration is one indexed access into openapi-typescript's `operations` and shows the fields — not on
 * `QueryParams<"getLeads">`, a generic conditional helper to expand first. The type-checker resolves a named
 * alias once and reuses it wherever the hooks mention it; no conditional type is instantiated per hook.
 * Names follow orval's convention (`<Name>Body`, `<Name>Params`, from the model's operation name), so they are
 * the names orval users expect; one that another declaration already uses gets `2`, `3`… (model/naming.ts).
 */

import { jsdoc } from "../../emit/index.ts";
import { uniqueName } from "../../model/index.ts";
import type { HookOperation } from "./operations.ts";
import type { TS } from "./syntax.ts";
import { f, str, ts, typeRef, withDoc } from "./syntax.ts";

export interface ParamTypeNames {
  /** The body's type name; undefined when the operation takes no body or its body is a component schema. */
  body: string | undefined;
  /** The query-parameter object's type name; undefined when the operation takes no query parameters. */
  params: string | undefined;
}

/** The JSON schema of the operation's request body is a component (`$ref`): the parameter keeps its name. */
export function bodyIsComponent(operation: HookOperation): boolean {
  const body = operation.model.requestBody;
  const schema = (body?.json ?? body?.media[0])?.schema;
  return typeof schema === "object" && schema !== null && "$ref" in schema;
}

/**
 * Names for every operation's parameter types, in document order, none equal to a name in `taken` (the component
 * schemas the hook files import, and every name orval's hook files declare) or to each other.
 */
export function paramTypeNames(
  operations: readonly HookOperation[],
  taken: ReadonlySet<string>,
): Map<string, ParamTypeNames> {
  const used = new Set(taken);
  const name = (wanted: string) => {
    const chosen = uniqueName(wanted, used);
    used.add(chosen);
    return chosen;
  };
  const names = new Map<string, ParamTypeNames>();
  for (const operation of operations) {
    const hasBody = operation.model.requestBody !== undefined && !bodyIsComponent(operation);
    names.set(operation.id, {
      body: hasBody ? name(`${operation.name}Body`) : undefined,
      params: operation.model.parametersIn.query.length > 0 ? name(`${operation.name}Params`) : undefined,
    });
  }
  return names;
}

/** `A["b"]` */
const index = (object: TS.TypeNode, key: string) =>
  f.createIndexedAccessTypeNode(object, f.createLiteralTypeNode(str(key)));

/**
 * `operations["createLead"]["requestBody"]["content"]["application/json"]` (an optional body under
 * `NonNullable<…>`, as openapi-typescript declares it `requestBody?:`).
 */
function bodyType(operation: HookOperation): TS.TypeNode {
  const body = operation.model.requestBody;
  const media = body?.json ?? body?.media[0];
  const requestBody = index(index(typeRef("operations"), operation.id), "requestBody");
  const present = body?.required ? requestBody : typeRef("NonNullable", requestBody);
  if (!media) return typeRef("never");
  return index(index(present, "content"), media.contentType);
}

/** `NonNullable<operations["getLeads"]["parameters"]["query"]>` (`query?:` unless a query parameter is required). */
function paramsType(operation: HookOperation): TS.TypeNode {
  return typeRef(
    "NonNullable",
    index(index(index(typeRef("operations"), operation.id), "parameters"), "query"),
  );
}

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });

/** generated/model.gen.ts: the parameter types the hook files use (`used`), sorted by name, each documented. */
export function renderParamTypes(
  operations: readonly HookOperation[],
  names: ReadonlyMap<string, ParamTypeNames>,
  used: ReadonlySet<string>,
): string {
  const declarations: { name: string; node: TS.TypeAliasDeclaration }[] = [];
  const declare = (name: string, type: TS.TypeNode, doc: string) => {
    const node = f.createTypeAliasDeclaration(
      [f.createModifier(ts.SyntaxKind.ExportKeyword)],
      name,
      undefined,
      type,
    );
    declarations.push({ name, node: withDoc(node, jsdoc([doc])) });
  };
  for (const operation of operations) {
    const { body, params } = names.get(operation.id) ?? { body: undefined, params: undefined };
    const endpoint = `\`${operation.method.toUpperCase()} ${operation.path}\``;
    if (body && used.has(body))
      declare(body, bodyType(operation), `The request body of \`${operation.id}\` (${endpoint}).`);
    if (params && used.has(params))
      declare(params, paramsType(operation), `The query parameters of \`${operation.id}\` (${endpoint}).`);
  }
  declarations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const file = f.createSourceFile([], f.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
  const print = (node: TS.Node) => printer.printNode(ts.EmitHint.Unspecified, node, file);
  if (declarations.length === 0)
    return `${print(f.createExportDeclaration(undefined, false, f.createNamedExports([])))}\n`;
  const importOperations = f.createImportDeclaration(
    undefined,
    f.createImportClause(
      true,
      undefined,
      f.createNamedImports([f.createImportSpecifier(false, undefined, f.createIdentifier("operations"))]),
    ),
    str("@instantly-kit/types"),
  );
  // A blank line between declarations (the printer keeps none).
  return `${[importOperations, ...declarations.map((declaration) => declaration.node)].map(print).join("\n\n")}\n`;
}
