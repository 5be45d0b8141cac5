// Issue 11 §6, the class "an enum helper disagrees with the spec": seeded numeric enums (random codes, negative
// and fractional ones, nullable occurrences with and without a text for `null`, descriptions made of hostile
// fragments) go through the model and the types target; the generated module type-checks with the real
// hand-written runtime (packages/types/src/enum-runtime.ts) and, run, its guards, labels and descriptions agree
// with the model and the model with the seeded spec.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildModel, enumExportNames, type NumericEnum, shortLabel } from "../../src/model/index.ts";
import { renderEnums } from "../../src/targets/types/enums.ts";
import { hostileStrings } from "../hostile.ts";

const RUNTIME = join(import.meta.dirname, "..", "..", "..", "types", "src", "enum-runtime.ts");
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

interface Seeded {
  property: string;
  codes: number[];
  descriptions: Record<string, string>;
  nullable: boolean;
  nullText: string | undefined;
}

/** A deterministic spec with one schema per seed, each with a numeric enum property. */
function seededSpec(seed: number): { document: Record<string, unknown>; seeded: Seeded } {
  let state = seed * 0x9e3779b1;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state;
  };
  const texts = [...hostileStrings(60)].slice(next() % 20);
  const codes = [...new Set(Array.from({ length: 1 + (next() % 7) }, () => (next() % 400) - 200))];
  if (seed % 3 === 0) codes.push(1.5);
  const descriptions: Record<string, string> = {};
  codes.forEach((code, index) => {
    // Some codes' text is a plain "Label - sentence", the rest hostile (a description may even be only a fragment).
    descriptions[String(code)] =
      index % 2 === 0 ? `Code ${index} - ${texts[index] ?? ""}` : (texts[index] ?? "x").slice(0, 300);
  });
  const nullable = seed % 2 === 0;
  const nullText = seed % 4 === 0 ? `Nothing yet; ${texts[30] ?? ""}` : undefined;
  if (nullText !== undefined) descriptions.null = nullText;
  const property = `status_${seed}`;
  const schema = {
    type: nullable ? ["number", "null"] : "number",
    enum: nullable ? [...codes, null] : codes,
    "x-enumDescriptions": descriptions,
  };
  return {
    document: {
      openapi: "3.1.0",
      info: { title: "seeded enums", version: "1" },
      paths: {},
      components: { schemas: { [`Thing${seed}`]: { type: "object", properties: { [property]: schema } } } },
    },
    seeded: { property, codes, descriptions, nullable, nullText },
  };
}

interface Case {
  seed: number;
  seeded: Seeded;
  numericEnum: NumericEnum;
}

const dir = mkdtempSync(join(tmpdir(), "ik-enums-"));
const cases: Case[] = [];
let generated: Record<string, unknown> = {};
let diagnostics: string[] = [];

beforeAll(async () => {
  const all: NumericEnum[] = [];
  for (const seed of SEEDS) {
    const { document, seeded } = seededSpec(seed);
    const [numericEnum] = buildModel(document).enums;
    if (!numericEnum) throw new Error(`seed ${seed}: no enum`);
    // Names per seed differ (`Thing<seed>Status<seed>`): one module holds every seed's enum.
    cases.push({ seed, seeded, numericEnum });
    all.push(numericEnum);
  }
  mkdirSync(join(dir, "generated"));
  const source = renderEnums(all);
  writeFileSync(join(dir, "generated", "enums.gen.ts"), source);
  writeFileSync(join(dir, "enum-runtime.ts"), readFileSync(RUNTIME, "utf8"));
  // Type-check exactly as the package's build does (strict), then emit JS next to it and import it.
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    rewriteRelativeImportExtensions: false,
    noEmitOnError: true,
    outDir: join(dir, "out"),
    rootDir: dir,
    skipLibCheck: true,
    types: [],
  };
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const program = ts.createProgram(
    [join(dir, "generated", "enums.gen.ts"), join(dir, "enum-runtime.ts")],
    options,
  );
  const result = program.emit();
  diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  );
  writeFileSync(join(dir, "out", "package.json"), '{ "type": "module" }\n');
  generated = await import(pathToFileURL(join(dir, "out", "generated", "enums.gen.js")).href);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("seeded enums with hostile descriptions: guards, labels and descriptions agree with the model", () => {
  test("the generated module type-checks with the runtime and imports", () => {
    expect(diagnostics).toEqual([]);
    // Per enum: the constant, the guard, the two maps and the two functions (the type has no runtime value).
    expect(Object.keys(generated)).toHaveLength(SEEDS.length * 6);
  });

  test.each(SEEDS)("seed %i: the model keeps the spec's codes and texts", (seed) => {
    const { seeded, numericEnum } = cases.find((each) => each.seed === seed) as Case;
    expect(numericEnum.members.map((member) => member.value)).toEqual(seeded.codes);
    for (const member of numericEnum.members) {
      const text = (seeded.descriptions[String(member.value)] ?? "").trim() || String(member.value);
      expect(member.description).toBe(text);
      expect(member.label).toBe(shortLabel(text));
      expect(text.startsWith(member.label)).toBe(true);
    }
    expect(numericEnum.absent !== undefined).toBe(seeded.nullable);
    if (seeded.nullText !== undefined) expect(numericEnum.absent?.description).toBe(seeded.nullText.trim());
  });

  test.each(SEEDS)("seed %i: the generated helpers answer what the model says", (seed) => {
    const { numericEnum } = cases.find((each) => each.seed === seed) as Case;
    const names = enumExportNames(numericEnum.name);
    const constant = generated[names.constant] as Record<string, number | null>;
    const guard = generated[names.guard] as (value: unknown) => boolean;
    const label = generated[names.label] as (code: unknown) => string;
    const description = generated[names.description] as (code: unknown) => string;
    const labels = generated[names.labels] as Record<string, string>;
    const descriptions = generated[names.descriptions] as Record<string, string>;
    const expected = Object.fromEntries(numericEnum.members.map((member) => [member.name, member.value]));
    if (numericEnum.absent) expected[numericEnum.absent.name] = null as unknown as number;
    expect(constant).toEqual(expected);
    for (const member of numericEnum.members) {
      expect(guard(member.value)).toBe(true);
      expect(label(member.value)).toBe(member.label);
      expect(description(member.value)).toBe(member.description);
      expect(labels[String(member.value)]).toBe(member.label);
      expect(descriptions[String(member.value)]).toBe(member.description);
    }
    const unknown = Math.max(...numericEnum.members.map((member) => member.value)) + 1;
    expect(guard(unknown)).toBe(false);
    expect(label(unknown)).toBe(`Unknown (${unknown})`);
    expect(description(unknown)).toBe(`Unknown (${unknown})`);
    for (const value of [String(numericEnum.members[0]?.value), undefined, {}, "constructor"]) {
      expect(guard(value)).toBe(false);
    }
    if (numericEnum.absent) {
      expect(guard(null)).toBe(true);
      expect(label(null)).toBe(numericEnum.absent.label);
      expect(label(undefined)).toBe(numericEnum.absent.label);
      expect(description(null)).toBe(numericEnum.absent.description);
    } else {
      expect(guard(null)).toBe(false);
      expect(label(null)).toBe("Unknown (null)");
    }
    expect(Reflect.get(globalThis, "pwned")).toBeUndefined();
    expect(Reflect.get(globalThis, "__pwned")).toBeUndefined();
  });
});
