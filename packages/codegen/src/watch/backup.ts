// What spec:watch can change before its report, saved first so that any failure puts it back: the pull's files
// (spec, lock, changeset — old bytes or absence) and each generated package's src/generated/ and dist/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { commitFiles, type FileWrite } from "../fs/transaction.ts";

export interface Backup {
  restore(): Promise<void>;
  discard(): void;
}

export function backUp(
  root: string,
  backupDir: string,
  txDir: string,
  files: string[],
  dirs: string[],
): Backup {
  rmSync(backupDir, { recursive: true, force: true });
  mkdirSync(backupDir, { recursive: true });
  const old = files.map((target) => {
    const path = resolve(root, target);
    return { target, data: existsSync(path) ? readFileSync(path, "utf8") : undefined };
  });
  const savedDirs = dirs
    .filter((dir) => existsSync(resolve(root, dir)))
    .map((dir, index) => {
      const copy = join(backupDir, String(index));
      cpSync(resolve(root, dir), copy, { recursive: true, verbatimSymlinks: true });
      return { dir, copy };
    });
  const absentDirs = dirs.filter((dir) => !existsSync(resolve(root, dir)));
  return {
    async restore() {
      // The files together (the pull's own journal: all or nothing), then what did not exist before.
      const back: FileWrite[] = old.flatMap((file) =>
        file.data === undefined ? [] : [{ target: file.target, data: file.data }],
      );
      await commitFiles(root, txDir, back);
      for (const file of old)
        if (file.data === undefined) rmSync(resolve(root, file.target), { force: true });
      for (const { dir, copy } of savedDirs) {
        rmSync(resolve(root, dir), { recursive: true, force: true });
        cpSync(copy, resolve(root, dir), { recursive: true, verbatimSymlinks: true });
      }
      for (const dir of absentDirs) rmSync(resolve(root, dir), { recursive: true, force: true });
      rmSync(backupDir, { recursive: true, force: true });
    },
    discard() {
      rmSync(backupDir, { recursive: true, force: true });
    },
  };
}
