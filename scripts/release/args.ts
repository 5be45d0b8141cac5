export interface ReleaseOptions {
  /** Show the plan, build, check and `pnpm publish --dry-run`: nothing is written to the repo or a registry. */
  dryRun: boolean;
  /** Publish to this registry instead of the one npm config names (e.g. a local Verdaccio). */
  registry?: string;
  /** Skip `changeset version` (the versions in package.json are released as they are). */
  skipVersion: boolean;
  /** Skip the build (dist/ is already fresh, e.g. turbo built it). */
  skipBuild: boolean;
  /** Passed to pnpm publish: allow a dirty tree or another branch (local rehearsals only). */
  noGitChecks: boolean;
}

export const RELEASE_USAGE =
  "usage: pnpm release [--dry-run] [--registry <url>] [--skip-version] [--skip-build] [--no-git-checks]";

export class ReleaseError extends Error {
  override name = "ReleaseError";
}

export function parseReleaseArgs(argv: string[]): ReleaseOptions {
  const options: ReleaseOptions = { dryRun: false, skipVersion: false, skipBuild: false, noGitChecks: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dry-run") options.dryRun = true;
    else if (arg === "--skip-version") options.skipVersion = true;
    else if (arg === "--skip-build") options.skipBuild = true;
    else if (arg === "--no-git-checks") options.noGitChecks = true;
    else if (arg === "--registry" || arg?.startsWith("--registry=")) {
      const value = arg === "--registry" ? argv[++i] : arg.slice("--registry=".length);
      if (!value || !/^https?:\/\/[^\s]+$/.test(value)) {
        throw new ReleaseError(`--registry needs an http(s) URL, got ${value ? `"${value}"` : "nothing"}`);
      }
      options.registry = value;
    } else if (arg !== "--") {
      throw new ReleaseError(`unknown option ${arg}; ${RELEASE_USAGE}`);
    }
  }
  return options;
}
