import { type TS, ts } from "../react-query/syntax.ts";

// A name orval's file uses that nothing binds: orval 8.38 writes `.rest(zodzod.object(…))` for a tuple whose `items`
// is an object. The file parses, so generation went on and wrote it, and the zod package's build failed later, far
// from the spec's cause. postprocess.ts refuses such a file instead, naming the name and the schema it is in.

/**
 * Free names that need no declaration: ECMAScript's own globals, which every host the zod package runs in has (a
 * `pattern` is `new RegExp(…)`; `undefined`, `Infinity`). Never a host's (`process`, `window`, `Buffer`): the
 * package runs in browsers and Node alike, so orval writing one would be a bug of its own.
 */
const ECMASCRIPT_GLOBALS: ReadonlySet<string> = new Set([
  "globalThis",
  "undefined",
  "NaN",
  "Infinity",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "decodeURI",
  "decodeURIComponent",
  "encodeURI",
  "encodeURIComponent",
  "Array",
  "ArrayBuffer",
  "BigInt",
  "BigInt64Array",
  "BigUint64Array",
  "Boolean",
  "DataView",
  "Date",
  "Error",
  "EvalError",
  "Float32Array",
  "Float64Array",
  "Function",
  "Int8Array",
  "Int16Array",
  "Int32Array",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Promise",
  "Proxy",
  "RangeError",
  "ReferenceError",
  "Reflect",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "SyntaxError",
  "TypeError",
  "Uint8Array",
  "Uint8ClampedArray",
  "Uint16Array",
  "Uint32Array",
  "URIError",
  "WeakMap",
  "WeakSet",
]);

/** A declaration's own name: what it binds, not a use. */
type Named = TS.Node & { name?: TS.Node };

/**
 * Every name `source` binds, anywhere: imports, variables, functions, classes, parameters. Scopes are not told
 * apart (a parameter of one arrow function counts everywhere): the check is for names that nothing binds at all.
 */
function boundNames(source: TS.SourceFile): Set<string> {
  const bound = new Set<string>();
  const visit = (node: TS.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isClassDeclaration(node) ||
        ts.isClassExpression(node) ||
        ts.isEnumDeclaration(node) ||
        ts.isImportClause(node) ||
        ts.isNamespaceImport(node) ||
        ts.isImportSpecifier(node) ||
        ts.isImportEqualsDeclaration(node)) &&
      node.name !== undefined &&
      ts.isIdentifier(node.name)
    )
      bound.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return bound;
}

/**
 * Whether the identifier names a value where it stands (`zod` in `zod.object(…)`, `X` in `.rest(X)`): not a
 * property's or key's name, not a declaration's own name, not a label or `import.meta`'s `meta`.
 */
function isValueReference(node: TS.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isMetaProperty(parent)) return parent.name !== node;
  if (ts.isQualifiedName(parent)) return parent.left === node;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  // `export { a as b }` uses `a` (unless it re-exports another module's); `import { a as b }` binds `b`.
  if (ts.isExportSpecifier(parent))
    return (parent.propertyName ?? parent.name) === node && !parent.parent.parent.moduleSpecifier;
  if (ts.isImportSpecifier(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return (parent as Named).name !== node;
}

/** A name used as a value that nothing in the file binds and that is no ECMAScript global, and where. */
export interface FreeName {
  name: string;
  /** The top-level statement it is in (orval's `export const <schema> = …`). */
  statement: TS.Statement;
}

/**
 * The first free name of `source` (in file order), or undefined. Types are not looked into: they are erased, and
 * orval's companion types (`zod.input<typeof X>`) are dropped anyway.
 */
export function firstFreeName(source: TS.SourceFile): FreeName | undefined {
  const bound = boundNames(source);
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    let found: string | undefined;
    const visit = (node: TS.Node): void => {
      if (found !== undefined || ts.isTypeNode(node)) return;
      if (
        ts.isIdentifier(node) &&
        isValueReference(node) &&
        !bound.has(node.text) &&
        !ECMASCRIPT_GLOBALS.has(node.text)
      ) {
        found = node.text;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    if (found !== undefined) return { name: found, statement };
  }
  return undefined;
}
