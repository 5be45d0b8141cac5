// The workspace as spec:watch sees it: the generated packages to regenerate and rebuild (packages/* with a
// `generate` script, in dependency order) and the apps to check (apps/*).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface WorkspacePackage {
  name: string;
  /** Relative to the root, `/` separated. */
  dir: string;
  scripts: Record<string, string>;
  /** Its dependencies and devDependencies. */
  dependencies: string[];
  /**
   * What its published code is built against: dependencies, peerDependencies and optionalDependencies, not
   * devDependencies (its tests' and tools'). A package's `build` waits for these packages' builds only.
   */
  buildDependencies: string[];
}

function readPackages(root: string, folder: string): WorkspacePackage[] {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, "package.json")))
    .map((entry) => {
      const manifest = JSON.parse(readFileSync(join(base, entry.name, "package.json"), "utf8"));
      return {
        name: String(manifest.name ?? entry.name),
        dir: `${folder}/${entry.name}`,
        scripts: manifest.scripts ?? {},
        dependencies: Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
        buildDependencies: Object.keys({
          ...manifest.dependencies,
          ...manifest.peerDependencies,
          ...manifest.optionalDependencies,
        }),
      };
    })
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

/** The generated packages, dependencies before dependents (types ← client ← react-query). */
export function generatedPackages(root: string): WorkspacePackage[] {
  const packages = readPackages(root, "packages").filter((pkg) => pkg.scripts.generate !== undefined);
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered: WorkspacePackage[] = [];
  const visit = (pkg: WorkspacePackage, stack: Set<string>) => {
    if (ordered.includes(pkg) || stack.has(pkg.name)) return;
    stack.add(pkg.name);
    for (const dep of pkg.dependencies) {
      const found = byName.get(dep);
      if (found) visit(found, stack);
    }
    ordered.push(pkg);
  };
  for (const pkg of packages) visit(pkg, new Set());
  return ordered;
}

/** The apps whose use of the packages a spec update is checked against. */
export function workspaceApps(root: string): WorkspacePackage[] {
  return readPackages(root, "apps");
}
