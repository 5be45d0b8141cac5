// `pnpm bench [name…]`: runs every benchmark in this folder (or the named ones) one after another, each in its
// own Node 22 process so that one benchmark's heap and JIT state never colour the next one's numbers.
// Each benchmark prints its own table and writes bench/results/<name>.json.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`error: unknown benchmark ${unknown.join(", ")} (have: ${all.join(", ")})\n`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  process.stdout.write(`\n## ${name}\n`);
  const { status } = spawnSync(process.execPath, [join(dir, `${name}.ts`)], { stdio: "inherit" });
  if (status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
