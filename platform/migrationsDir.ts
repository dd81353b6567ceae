import path from 'node:path';
import { projectRoot } from './projectRoot';

export function migrationsDir(): string {
  return path.join(projectRoot(), 'prisma', 'migrations');
}
