import { runInNewContext } from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  identifier,
  jsdoc,
  jsonLiteral,
  lineComment,
  propertyKey,
  stringLiteral,
  templateText,
  unescapeBlockText,
} from "../src/emit/index.ts";
import { hostileStrings } from "./hostile.ts";

/** Parses `code` as a module and returns its diagnostics and the comments TypeScript sees. */
function parse(code: string) {
  const file = ts.createSourceFile("probe.ts", code, ts.ScriptTarget.ESNext, true);
  return { file, statements: file.statements.length };
}

/** Runs generated JS (transpiled) and returns what it exported — `globalThis.pwned` must never be set. */
function evaluate(code: string): Record<string, unknown> {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const sandbox: Record<string, unknown> = { exports: {}, globalThis: {} };
  sandbox.globalThis = sandbox;
  runInNewContext(js, sandbox);
  expect(sandbox.pwned).toBeUndefined();
  return sandbox.exports as Record<string, unknown>;
}

describe("emit: spec text never becomes code", () => {
  it.each([...hostileStrings(300)].map((text, index) => [index, text]))(
    "string #%i round-trips in every context",
    (_index, text) => {
      const code = [
        jsdoc([text, `second ${text}`], [`@example ${text}`]),
        `export const s = ${stringLiteral(text)};`,
        lineComment(text),
        `export const t = \`${templateText(text)}\`;`,
        `export const j = ${jsonLiteral({ [text]: [text, Object.fromEntries([["__proto__", text]])] })};`,
        `export const o = { ${propertyKey(text)}: 1 };`,
      ].join("\n");
      // Exactly the four exports above: no comment ended early, no literal leaked into code.
      expect(parse(code).statements).toBe(4);
      const exported = evaluate(code);
      expect(exported.s).toBe(text);
      expect(exported.t).toBe(text);
      const j = exported.j as Record<string, unknown>;
      expect(Object.keys(j)).toEqual([text]);
      const inner = (j[text] as unknown[])[1] as object;
      expect(Object.getOwnPropertyDescriptor(inner, "__proto__")?.value).toBe(text);
      expect(Object.keys(exported.o as object)).toEqual([text]);
      // The comment's text reads back: each line, unescaped, is the original line.
      const comment = /^\/\*\*([\s\S]*?)\*\//.exec(code)?.[1] ?? "";
      const lines = comment
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, "").replace(/^ /, ""))
        .map((line) => unescapeBlockText(line.replace(/^(\s*)\\@/, "$1@")));
      for (const original of text.trim().split(/\r\n|[\n\r\u2028\u2029]/)) {
        expect(lines.join("\n")).toContain(original.trimEnd().replace(/ \*\/$/, ""));
      }
    },
  );

  it("identifier() refuses anything that is not a plain identifier or is reserved", () => {
    const hostile = [...hostileStrings(50)].filter((text) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text));
    for (const text of [...hostile, "", "1a", "a-b", "class", "await", "ünïcode", "a b"]) {
      expect(() => identifier(text)).toThrow(/cannot use .* as a generated identifier/);
    }
    expect(identifier("CampaignStatus")).toBe("CampaignStatus");
    expect(identifier("$ok_1")).toBe("$ok_1");
  });

  it("an error naming a hostile identifier stays one line", () => {
    try {
      identifier("a\nb\u2028c");
    } catch (error) {
      expect((error as Error).message.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
    }
  });
});
