import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { planContractCheck, unknownOperations } from "../contract/plan.ts";
import { exitCodeOf, renderJson, renderText, summarize } from "../contract/report.ts";
import { type ClientModule, runContractCheck, type Violation } from "../contract/run.ts";
import { CliError, quoteForMessage } from "../errors.ts";
import { buildModel } from "../model/index.ts";
import { projectPaths } from "../paths.ts";
import { readLockedSpec } from "../spec/lock.ts";

/** The most a response body may hold here: one page of any list of the API (100 items) is a few MB at most. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const USAGE = "usage: contract:check --base-url <url> --api-key-env <VAR> [--only <operationId,…>] [--json]";

/**
 * `pnpm contract:check --base-url <url> --api-key-env <VAR> [--only <op,…>] [--json]`: does the server still
 * answer what the spec (and so our types) say? Calls the read-only GET operations it can call without
 * inventing ids — lists first, then detail operations with ids from the lists, one page each — through
 * @instantly-kit/client (its retries and `Retry-After` handling) validating every response against
 * @instantly-kit/zod, and reports per operation OK or each violation. Exit 0: everything called matched;
 * 1: something drifted or failed; 2: bad arguments. The key is read from the environment only and is
 * never printed (the client redacts whatever a server echoes).
 */
export async function contractCheckCommand(args: string[]): Promise<number> {
  let values: { "base-url"?: string; "api-key-env"?: string; only?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        "base-url": { type: "string" },
        "api-key-env": { type: "string" },
        only: { type: "string" },
        json: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    // The argument itself is not repeated: it may be the key, pasted where the variable's name goes.
    const reason =
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
        ? "takes no positional arguments (the key is read from the variable --api-key-env names)"
        : (error instanceof Error ? error.message : String(error)).split(". ")[0];
    throw new CliError(`contract:check: ${reason}; ${USAGE}`, 2);
  }
  const baseUrl = values["base-url"];
  const keyVar = values["api-key-env"];
  if (!baseUrl) throw new CliError(`contract:check: --base-url is required; ${USAGE}`, 2);
  if (!keyVar) throw new CliError(`contract:check: --api-key-env is required; ${USAGE}`, 2);
  // A value echoed in an error is shown without the key: a key pasted in the wrong place must not end up in a
  // CI log. (Read here only for that; whether it is set is checked below, in the usual order.)
  const envKey = /^[A-Za-z_][A-Za-z0-9_]*$/.test(keyVar) ? process.env[keyVar]?.trim() : undefined;
  const shown = (value: string, max?: number) => quoteForMessage(envKey ? scrub(value, envKey) : value, max);
  // Whitespace and controls are refused, not left to URL parsing, which drops tabs and line breaks anywhere
  // (`http://host\n/x` is `http://host/x`): they are a paste gone wrong, and would break the report's header.
  if (!/^https?:\/\/[^/?#]/.test(baseUrl) || /[\s\p{Cc}]/u.test(baseUrl)) {
    throw new CliError(
      `contract:check: --base-url must be an absolute http(s) URL, got ${shown(baseUrl)}`,
      2,
    );
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyVar)) {
    throw new CliError(
      `contract:check: --api-key-env takes the NAME of an environment variable holding the key, not the key itself`,
      2,
    );
  }
  const apiKey = process.env[keyVar]?.trim();
  if (!apiKey) {
    // A key pasted in place of the name would be echoed here: only a name that looks like one is repeated.
    const named = /^[A-Z_][A-Z0-9_]{0,63}$/.test(keyVar)
      ? keyVar
      : "named by --api-key-env (e.g. INSTANTLY_API_KEY)";
    throw new CliError(`contract:check: the environment variable ${named} is not set (or empty)`, 2);
  }
  const only = values.only
    ?.split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (values.only !== undefined && only?.length === 0) {
    throw new CliError(`contract:check: --only needs operationIds, e.g. --only listCampaign,getCampaign`, 2);
  }

  const paths = projectPaths();
  const { document, lock } = await readLockedSpec(paths);
  const model = buildModel(document);
  if (only) {
    const unknown = unknownOperations(model, only);
    if (unknown.length > 0) {
      throw new CliError(`contract:check: --only: ${unknown.map((u) => shown(u, 120)).join(", ")}`, 2);
    }
  }

  const clientModule = await loadClient(paths.root);
  const issues = new Map<string, readonly Violation[]>();
  let client: ReturnType<ClientModule["createInstantlyClient"]>;
  try {
    client = clientModule.createInstantlyClient({
      apiKey,
      baseUrl,
      validate: { response: "warn", samples: true },
      // A body larger than any page fails its operation at once instead of being read until the deadline.
      maxResponseBytes: MAX_BODY_BYTES,
      onValidationIssue: (error) => issues.set(error.operation, error.violations),
    });
  } catch (error) {
    // The client's own one-line option errors (a bad key, credentials in the URL) never repeat the key.
    throw new CliError(`contract:check: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const plan = planContractCheck(model, only);
  const progress = values.json
    ? undefined
    : (line: string) => process.stderr.write(`${scrub(line, apiKey)}\n`);
  const checked = await runContractCheck(plan, client, clientModule.unwrap, issues, progress);
  const header = { baseUrl, spec: lock.sha256.slice(0, 12) };
  const report = values.json ? renderJson(checked, header) : renderText(checked, header);
  // The client already redacts what a server sends; the report is scrubbed once more as a last guard.
  process.stdout.write(scrub(report, apiKey));
  return exitCodeOf(summarize(checked));
}

function scrub(text: string, apiKey: string): string {
  return text.includes(apiKey) ? text.split(apiKey).join("[redacted]") : text;
}

/** The built client (codegen cannot depend on it: the client's generate step runs codegen). */
async function loadClient(root: string): Promise<ClientModule> {
  const entry = join(root, "packages", "client", "dist", "index.js");
  if (!existsSync(entry) || !existsSync(join(root, "packages", "zod", "dist", "operations.js"))) {
    throw new CliError(
      "contract:check: @instantly-kit/client and @instantly-kit/zod are not built; run `pnpm build` first",
    );
  }
  return (await import(pathToFileURL(entry).href)) as ClientModule;
}
