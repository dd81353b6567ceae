import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IntakeFile } from '../../intake';

/** The files an import command was given, by their base name; undefined (the reason printed) when one cannot be read. */
export async function readInputFiles(paths: readonly string[]): Promise<IntakeFile[] | undefined> {
  const files: IntakeFile[] = [];
  for (const file of paths) {
    try {
      files.push({ fileName: path.basename(file), content: await readFile(file) });
    } catch (error) {
      console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return undefined;
    }
  }
  return files;
}
