// A scratch copy of this package generated from a hand-written fixture spec: the real generator (codegen's msw
// target, from the one model) writes src/generated/, next to a copy of the hand-written runtime (src/ minus
// generated/ and bin/). Tests import it like the package itself, so a fixture exercises generator and runtime
// end to end without the real spec.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildModel } from "../../codegen/src/model/index.ts";
import { normalize } from "../../codegen/src/spec/normalize/index.ts";
import { generateMsw } from "../../codegen/src/targets/msw/index.ts";
import type * as Package from "../src/index.js";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface FixturePackage {
  /** The fixture spec after normalization, as the generator saw it. */
  document: Record<string, unknown>;
  /** The scratch package's public index (types are this package's; values are the fixture's). */
  module: typeof Package;
  /** Its generated `stateful.gen.ts`. */
  stateful: typeof import("../src/generated/stateful.gen.js");
  /** Its hand-written rule tables (src/filters.ts), as copied. */
  filters: typeof import("../src/filters.js");
  remove(): void;
}

export async function fixturePackage(specFile: string): Promise<FixturePackage> {
  const root = mkdtempSync(join(tmpdir(), "ik-msw-fixture-"));
  try {
    const src = join(root, "src");
    cpSync(join(PACKAGE_DIR, "src"), src, {
      recursive: true,
      filter: (source) => !["generated", "bin"].includes(basename(source)),
    });
    mkdirSync(join(src, "generated"));
    const { document } = normalize(JSON.parse(readFileSync(specFile, "utf8")));
    await generateMsw(buildModel(document), join(src, "generated"));
    // msw and @instantly-kit/types resolve as from the package itself.
    symlinkSync(join(PACKAGE_DIR, "node_modules"), join(root, "node_modules"));
    const load = <T>(path: string) => import(pathToFileURL(join(src, path)).href) as Promise<T>;
    return {
      document: document as Record<string, unknown>,
      module: await load<typeof Package>("index.ts"),
      stateful: await load("generated/stateful.gen.ts"),
      filters: await load("filters.ts"),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
