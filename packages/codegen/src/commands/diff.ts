import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { diffSpecs } from "../spec/diff/index.ts";
import { renderDiffText } from "../spec/diff/render.ts";
import { loadSpec } from "../spec/load.ts";

const USAGE = "usage: spec:diff <old> <new> [--json]   (each a path or an http(s) URL)";

/**
 * `pnpm spec:diff <old> <new> [--json]`: both documents are read, validated and normalized like `spec:pull`
 * does, then compared. Exit 0 whatever the bump (a breaking change is a result, not a failure); non-zero only
 * when an input cannot be read. With --json stdout carries exactly one JSON object; warnings go to stderr.
 */
export async function diffCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    // parseArgs explains at length; one line is enough: what was wrong, then how to call.
    const reason = (error instanceof Error ? error.message : String(error)).split(". ")[0];
    throw new CliError(`${reason}; ${USAGE}`, 2);
  }

  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new CliError(USAGE, 2);
  const [oldSource, newSource] = positionals as [string, string];
  const [oldSpec, newSpec] = await Promise.all([load(oldSource, "old"), load(newSource, "new")]);
  for (const [label, spec] of [
    ["old", oldSpec],
    ["new", newSpec],
  ] as const) {
    for (const warning of spec.warnings) process.stderr.write(`warning (${label}): ${warning}\n`);
  }
  const diff = diffSpecs(oldSpec.document, newSpec.document);
  process.stdout.write(values.json ? `${JSON.stringify(diff)}\n` : renderDiffText(diff));
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

async function load(source: string, label: string) {
  try {
    return await loadSpec(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // One line naming the input: the pipeline's own CliErrors already say what went wrong.
    throw new CliError(`cannot read the ${label} spec: ${message.split("\n")[0]}`);
  }
}
