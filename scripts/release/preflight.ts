// What a published package must look like before it leaves the workspace. pnpm pack produces exactly the
// tarball `pnpm publish` would upload, so we inspect that, not the source folder: a `dist` that `files`
// forgets, an `exports` target that was never built, or a `workspace:`/`catalog:` range pnpm did not rewrite
// would all pass a look at the source and still break every consumer.

export interface PackedPackage {
  name: string;
  version: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
  /** The package.json as packed (pnpm has already rewritten workspace: and catalog: ranges in it). */
  manifest: Record<string, unknown>;
}

const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;
// Protocols only a workspace understands: npm, yarn and pnpm outside the repo all fail on them.
const LOCAL_PROTOCOLS = ["workspace:", "catalog:", "link:", "file:"];

/** Every problem that would make the packed package unusable for a consumer; empty when it is fine. */
export function preflightProblems(pkg: PackedPackage): string[] {
  const problems: string[] = [];
  const files = new Set(pkg.files.map((file) => file.replace(/^\.\//, "")));
  const label = `${pkg.name}@${pkg.version}`;

  for (const field of DEPENDENCY_FIELDS) {
    const deps = pkg.manifest[field];
    if (!isRecord(deps)) continue;
    for (const [dep, range] of Object.entries(deps)) {
      if (typeof range === "string" && LOCAL_PROTOCOLS.some((protocol) => range.startsWith(protocol))) {
        problems.push(`${label}: ${field}.${dep} is "${range}", which only resolves inside the workspace`);
      }
    }
  }

  const exportsField = pkg.manifest.exports;
  if (exportsField === undefined) {
    problems.push(`${label}: no "exports" map`);
  } else {
    for (const { where, target } of exportTargets(exportsField, "exports")) {
      if (target.includes("*")) continue; // subpath patterns cannot be checked file by file
      if (!files.has(target.replace(/^\.\//, ""))) {
        problems.push(`${label}: ${where} points to ${target}, which is not in the tarball`);
      }
    }
    problems.push(...typesOrderProblems(exportsField, "exports").map((problem) => `${label}: ${problem}`));
  }

  for (const field of ["main", "module", "types", "typings"]) {
    const target = pkg.manifest[field];
    if (typeof target === "string" && !files.has(target.replace(/^\.\//, ""))) {
      problems.push(`${label}: "${field}" points to ${target}, which is not in the tarball`);
    }
  }

  const bin = pkg.manifest.bin;
  const bins = typeof bin === "string" ? { [pkg.name]: bin } : isRecord(bin) ? bin : {};
  for (const [command, target] of Object.entries(bins)) {
    if (typeof target === "string" && !files.has(target.replace(/^\.\//, ""))) {
      problems.push(`${label}: bin "${command}" points to ${target}, which is not in the tarball`);
    }
  }
  return problems;
}

/** Every file path an `exports` value can resolve to, with where in the map it sits. */
function exportTargets(value: unknown, where: string): Array<{ where: string; target: string }> {
  if (typeof value === "string") return [{ where, target: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => exportTargets(item, `${where}[${i}]`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) => exportTargets(item, `${where}["${key}"]`));
  }
  return []; // null: an explicitly blocked subpath
}

// TypeScript picks the first matching condition: a "types" listed after "default"/"import" is never used.
function typesOrderProblems(value: unknown, where: string): string[] {
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  const problems: string[] = [];
  const typesAt = keys.indexOf("types");
  if (typesAt > 0 && !keys[0]?.startsWith(".")) {
    problems.push(`${where} lists "types" after "${keys[0]}", so TypeScript never sees it`);
  }
  for (const [key, item] of Object.entries(value)) {
    problems.push(...typesOrderProblems(item, `${where}["${key}"]`));
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
