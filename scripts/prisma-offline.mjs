// Runs the Prisma CLI offline. Its start-up looks for native engines and downloads any it lacks;
// on the recipe this project uses (query compiler + driver adapters) none is ever executed, so
// placeholder files stop the download. See ../shared/PLATFORM.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, '.tools', 'prisma');
fs.mkdirSync(dir, { recursive: true });
const placeholder = (name) => {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  return file;
};
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder('schema-engine-placeholder'),
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder('query-engine-placeholder'),
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: root });
process.exit(result.status ?? 1);
