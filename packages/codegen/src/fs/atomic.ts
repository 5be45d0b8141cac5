import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Write a file so that readers see either the old bytes or the new ones, never a half-written file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.tmp-${basename(file)}-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Replace a whole directory: build it in a sibling temp dir with `fill`, then swap it in with renames.
 * If `fill` throws, the old directory is untouched.
 */
export async function replaceDirAtomic(dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const suffix = randomBytes(6).toString("hex");
  const tmp = join(dirname(dir), `.tmp-${basename(dir)}-${suffix}`);
  const old = join(dirname(dir), `.old-${basename(dir)}-${suffix}`);
  await mkdir(tmp, { recursive: true });
  try {
    await fill(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  let hadOld = true;
  await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
    hadOld = false;
  });
  await rename(tmp, dir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
