/**
 * Spec strings as TypeScript literals. JSON escaping is valid TypeScript; on top of it we escape U+2028/U+2029
 * (line terminators to pre-ES2019 parsers and to some tools) and `<` (so `</script>` in a mock body cannot end an
 * inline script that embeds generated code) — each still evaluates to the original string.
 */
function escapeJsonText(json: string): string {
  return json.replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029").replaceAll("<", "\\u003c");
}

/** A double-quoted string literal that evaluates to `value`. */
export function stringLiteral(value: string): string {
  return escapeJsonText(JSON.stringify(value));
}

/**
 * A JSON value as a TypeScript expression (objects, arrays, strings, numbers, booleans, null): pretty-printed,
 * or on one line when `indent` is "" (large data such as mock bodies). A `__proto__` key is emitted as a
 * computed key (`["__proto__"]`) so it stays plain data instead of setting the object's prototype.
 */
export function jsonLiteral(value: unknown, indent = "  ", depth = 0): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("jsonLiteral: a number with no JSON form");
    return String(value);
  }
  if (typeof value === "string") return stringLiteral(value);
  const compact = indent === "";
  const inner = compact ? "" : `\n${indent.repeat(depth + 1)}`;
  const outer = compact ? "" : `\n${indent.repeat(depth)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${value.map((item) => inner + jsonLiteral(item, indent, depth + 1)).join(",")}${outer}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const body = entries.map(([key, item]) => {
      const name = key === "__proto__" ? `[${stringLiteral(key)}]` : stringLiteral(key);
      return `${inner}${name}:${compact ? "" : " "}${jsonLiteral(item, indent, depth + 1)}`;
    });
    return `{${body.join(",")}${outer}}`;
  }
  throw new TypeError(`jsonLiteral: a ${typeof value} has no JSON form`);
}

/** The text between backticks of a template literal that evaluates to `value` (no `${…}` ever runs). */
export function templateText(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${").replace(/\r/g, "\\r");
}
