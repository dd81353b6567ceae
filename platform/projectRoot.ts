import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, found from this file whether it runs from source or dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Cached tools (Temporal CLI, Prisma placeholders) live in this ignored folder. */
export function toolsDir(): string {
  return path.join(projectRoot(), '.tools');
}
