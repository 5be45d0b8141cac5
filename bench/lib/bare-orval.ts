// Bare orval 8 as a benchmark contender: the same orval our generator uses (resolved from packages/codegen),
// called through its programmatic `generate` in a fresh `node -e` process, as a user of orval alone would run
// it. Each benchmark passes only the `output` options that make orval produce what our target produces.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface BareOrvalOptions {
  /** The normalized spec every contender reads. */
  spec: string;
  /** orval's `output` option (JSON-serializable). */
  output: Record<string, unknown>;
  /** orval's working directory: relative paths and its `clean` stay inside it. */
  workspace: string;
  logLevel: "error" | "silent";
}

/** Node arguments (after the Node binary) that run orval's `generate` once with these options. */
export function bareOrvalArgs(root: string, options: BareOrvalOptions): string[] {
  const orvalEntry = pathToFileURL(
    createRequire(join(root, "packages", "codegen", "package.json")).resolve("orval"),
  ).href;
  const script = `
  import { readFileSync } from "node:fs";
  const { generate } = await import(${JSON.stringify(orvalEntry)});
  const document = JSON.parse(readFileSync(${JSON.stringify(options.spec)}, "utf8"));
  await generate({ input: { target: document }, output: ${JSON.stringify(options.output)} },
    ${JSON.stringify(options.workspace)}, { logLevel: ${JSON.stringify(options.logLevel)}, throwOnError: true });
`;
  return ["--input-type=module", "-e", script];
}

/**
 * orval's `output` for the hooks our react-query target makes: TanStack Query v5, suspense + infinite hooks
 * paged on `starting_after`, one file per tag and the models in a folder, as orval users set it up; written
 * to `<dir>/endpoints*.ts` and `<dir>/model/`.
 */
export function reactQueryOutput(dir: string): Record<string, unknown> {
  return {
    target: join(dir, "endpoints.ts"),
    schemas: join(dir, "model"),
    client: "react-query",
    mode: "tags",
    clean: true,
    prettier: false,
    override: {
      query: {
        version: 5,
        useSuspenseQuery: true,
        useInfinite: true,
        useInfiniteQueryParam: "starting_after",
        signal: true,
      },
    },
  };
}
