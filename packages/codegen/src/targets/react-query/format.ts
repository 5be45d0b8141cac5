import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { CliError } from "../../errors.ts";

/**
 * Formats generated files with the repository's Biome settings (biome.json: 2 spaces, 110 columns, double
 * quotes), so the hooks read like the hand-written code. Runs the Biome CLI once on a scratch folder with its own
 * biome.json: src/generated is excluded from the repository's Biome run (it is a build output).
 */
export async function formatWithBiome(
  files: ReadonlyMap<string, string>,
  scratchDir: string,
): Promise<Map<string, string>> {
  const dir = join(scratchDir, "formatted");
  await mkdir(dir, { recursive: true });
  const config = {
    files: { maxSize: 64 * 1024 * 1024 },
    formatter: { indentStyle: "space", indentWidth: 2, lineWidth: 110 },
    javascript: { formatter: { quoteStyle: "double" } },
  };
  await writeFile(join(dir, "biome.json"), JSON.stringify(config));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  const biome = join(
    createRequire(import.meta.url).resolve("@biomejs/biome/package.json"),
    "..",
    "bin",
    "biome",
  );
  await promisify(execFile)(process.execPath, [biome, "format", "--write", "."], {
    cwd: dir,
    maxBuffer: 16 << 20,
  }).catch((error: { stderr?: string; message: string }) => {
    throw new CliError(
      `react-query: biome could not format the hooks: ${(error.stderr ?? error.message).split("\n")[0]}`,
    );
  });
  const formatted = new Map<string, string>();
  for (const name of files.keys()) formatted.set(name, await readFile(join(dir, name), "utf8"));
  return formatted;
}
