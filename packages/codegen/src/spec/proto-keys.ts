import { CliError, quoteForMessage } from "../errors.ts";

/**
 * A schema property named `__proto__` is refused at pull: openapi-typescript builds its types with plain
 * assignments, so the property silently disappears from @instantly-kit/types while the mocks and the API carry
 * it — the packages would disagree about the shape. (A `__proto__` key in example or mock *data* is fine: the
 * emit layer writes it as a computed key, plain data.)
 */
export function checkProtoProperties(raw: unknown, source: string): void {
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${pointer}/${index}`);
      });
      return;
    }
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      const here = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (
        key === "properties" &&
        typeof value === "object" &&
        value !== null &&
        Object.hasOwn(value, "__proto__")
      ) {
        throw new CliError(
          `${source}: a schema property named "__proto__" at ${quoteForMessage(here)} is refused: ` +
            "openapi-typescript drops it from the types",
        );
      }
      visit(value, here);
    }
  };
  visit(raw, "#");
}
