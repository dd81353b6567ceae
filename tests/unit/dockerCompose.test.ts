import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { searchAttributeCliArgs } from '../../domain/searchAttributes';
import { CLUSTER_WORKERS, DYNAMIC_CONFIG_YAML, NAMESPACE_RETENTION_HOURS, TEMPORAL_SERVER_VERSION, clusterSettings, schemaSteps } from '../../platform/temporalCluster';

/**
 * docker-compose.yml and the Dockerfile cannot be run on these machines (no Docker engine), so
 * this test reads them and checks what would otherwise only fail at `docker compose up`. It reads
 * the map forms of `depends_on` and `environment`, the forms the file uses.
 */

const root = path.resolve(__dirname, '..', '..');
const readRepoFile = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string | string[];
  entrypoint?: string | string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  healthcheck?: { test?: string | string[] };
  restart?: string;
  stop_grace_period?: string;
  deploy?: { replicas?: number };
  configs?: { source: string; target: string }[];
}

const asText = (words: string | string[] | undefined) => (Array.isArray(words) ? words.join(' ') : (words ?? ''));
const npmScripts = (command: string) => [...command.matchAll(/\bnpm run (\S+)/g)].map((m) => m[1]);
/** A tag with at least major.minor, or a digest: never `latest`, a bare major or a variable. */
const PINNED = /^[^$]+(:v?\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/;

// Merge keys (`<<: *app`) resolved as Docker Compose resolves them.
const { services, configs } = parse(readRepoFile('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; configs: Record<string, { content: string }> };
const dockerfile = readRepoFile('Dockerfile');
const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;
const app = ['migrate', 'api', 'worker'];

test('runs every part of the deployment', () => {
  expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgresql', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker'].sort());
});

test('command lines are strings or lists of strings (an unquoted ": " in a list item makes it a mapping)', () => {
  const isWords = (v: unknown) => v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((w) => typeof w === 'string'));
  for (const [name, s] of Object.entries(services)) expect([name, [s.command, s.entrypoint, s.healthcheck?.test].every(isWords)]).toEqual([name, true]);
});

test('every dependency is a defined service that can meet its condition', () => {
  for (const [name, service] of Object.entries(services)) {
    for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
      const target = services[dep];
      expect([name, dep, Boolean(target)]).toEqual([name, dep, true]);
      expect([name, dep, condition]).toEqual([name, dep, expect.stringMatching(/^service_(started|healthy|completed_successfully)$/)]);
      if (condition === 'service_healthy') expect([name, dep, Boolean(target.healthcheck?.test)]).toEqual([name, dep, true]);
      // A job restarted for ever never completes.
      if (condition === 'service_completed_successfully') expect([name, dep, target.restart]).toEqual([name, dep, expect.not.stringMatching(/^(always|unless-stopped)$/)]);
    }
  }
});

test('the app services run the image built from this repository, with npm scripts package.json has; the others pinned images', () => {
  for (const [name, service] of Object.entries(services)) {
    if (app.includes(name)) expect([name, service.build]).toEqual([name, { context: '.', dockerfile: 'Dockerfile' }]);
    else expect([name, service.build, service.image]).toEqual([name, undefined, expect.stringMatching(PINNED)]);
  }
  expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  expect(Object.fromEntries(app.map((name) => [name, npmScripts(asText(services[name].command))]))).toEqual({ migrate: ['migrate'], api: ['start:api'], worker: ['start:worker'] });
  for (const script of ['migrate', 'start:api', 'start:worker']) expect(scripts).toHaveProperty([script]);
});

test('registers exactly the search attributes domain/searchAttributes.ts defines', () => {
  const registering = Object.entries(services).filter(([, s]) => asText(s.command).includes('search-attribute create'));
  expect(registering.map(([name]) => name)).toEqual(['temporal-namespace']);
  const [, job] = registering[0];
  expect(job.image).toMatch(/^temporalio\/admin-tools:/);
  const command = asText(job.command).replace(/\\\n\s*/g, ' ');
  const registered = [...command.matchAll(/--name (\w+) --type (\w+)/g)].map(([, name, type]) => `${name}=${type}`);
  // Every --name is followed by its --type, so none is left out of the pairs.
  expect(command.match(/--name\b/g)).toHaveLength(registered.length);
  expect(registered.sort()).toEqual(searchAttributeCliArgs().filter((_, i) => i % 2 === 1).sort());
});

test('the API listens on all interfaces, is health-checked with the readiness logic, and waits for the migration', () => {
  const { api } = services;
  expect(api.environment).toMatchObject({ API_HOST: '0.0.0.0', API_PORT: '3000' });
  expect(asText(api.healthcheck?.test)).toBe('CMD node dist/scripts/healthcheck.js api');
  expect(api.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
});

test("every service has a restart policy; every long-running one a health check, the app's through scripts/healthcheck.ts", () => {
  for (const [name, service] of Object.entries(services)) {
    expect([name, service.restart]).toEqual([name, expect.stringMatching(/^(unless-stopped|always|no|on-failure(:\d+)?)$/)]);
    if (service.restart !== 'no') expect([name, Boolean(service.healthcheck?.test)]).toEqual([name, true]);
  }
  expect(asText(services.worker.healthcheck?.test)).toBe('CMD node dist/scripts/healthcheck.js worker');
  expect(fs.existsSync(path.join(root, 'scripts', 'healthcheck.ts'))).toBe(true);
});

test('workers are replicated and get longer to stop than their own shutdown grace', () => {
  const { worker } = services;
  expect(worker.deploy?.replicas).toBe(2);
  const grace = Number(worker.environment?.WORKER_SHUTDOWN_GRACE_S);
  expect(grace).toBeGreaterThan(0);
  expect(worker.stop_grace_period).toMatch(/^\d+s$/);
  expect(Number.parseInt(worker.stop_grace_period!, 10)).toBeGreaterThan(grace);
});

test('the SMTP relay is required from the environment, never a built-in fake', () => {
  for (const name of ['api', 'worker']) expect([name, services[name].environment?.SMTP_URL]).toEqual([name, expect.stringMatching(/^\$\{SMTP_URL:\?.+\}$/)]);
  expect(Object.values(services).map((s) => s.image ?? '')).not.toContainEqual(expect.stringMatching(/mailhog|mailpit|smtp/i));
});

test('the Dockerfile builds FROM pinned images, runs as a non-root user and starts the API', () => {
  const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)$/gm)];
  expect(stages.map(([, , stage]) => stage)).toEqual(['build', 'runtime']);
  for (const [, image] of stages) expect(image).toMatch(PINNED);
  expect(dockerfile.match(/^FROM /gm)).toHaveLength(stages.length);
  const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
  expect(['root', '0', undefined]).not.toContain(users.at(-1));
  const cmds = [...dockerfile.matchAll(/^CMD (.+)$/gm)].map((m) => JSON.parse(m[1]) as string[]);
  expect(cmds.at(-1)).toEqual(['npm', 'run', 'start:api']);
});

test('the Dockerfile copies every source folder that tsconfig.build.json compiles', () => {
  const { include } = JSON.parse(readRepoFile('tsconfig.build.json')) as { include: string[] };
  // COPY <sources…> <destination>, from the build context (not --from another stage).
  const copied = [...dockerfile.matchAll(/^COPY (?!--)(.+) \S+$/gm)].flatMap(([, sources]) => sources.split(' ').map((s) => s.replace(/^\.\/|\/$/g, '')));
  for (const file of [...include, 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'prisma']) {
    expect([file, copied.includes(file)]).toEqual([file, true]);
  }
});

describe('the Temporal cluster agrees with npm run start:cluster (platform/temporalCluster.ts)', () => {
  test('the same server version in every Temporal image', () => {
    const temporalImages = Object.values(services).map((s) => s.image ?? '').filter((image) => /^temporalio\/(server|admin-tools):/.test(image));
    expect(temporalImages.length).toBe(3);
    for (const image of temporalImages) expect(image.split(':')[1]).toBe(TEMPORAL_SERVER_VERSION);
  });

  test('the same persistence settings, and the databases the init script makes for their owner', () => {
    expect(services.temporal.environment).toMatchObject(clusterSettings);
    const init = configs['create-databases'].content;
    expect(init).toContain(`CREATE ROLE ${clusterSettings.POSTGRES_USER} LOGIN`);
    for (const db of [clusterSettings.DBNAME, clusterSettings.VISIBILITY_DBNAME]) expect(init).toContain(`CREATE DATABASE ${db} OWNER ${clusterSettings.POSTGRES_USER};`);
  });

  test('the same schema steps, with the same tool settings', () => {
    const job = services['temporal-schema'];
    expect(job.environment).toMatchObject({ SQL_PLUGIN: clusterSettings.DB, SQL_USER: clusterSettings.POSTGRES_USER });
    const steps = asText(job.command)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('temporal-sql-tool '))
      .map((line) => line.split(/\s+/).slice(1));
    expect(steps).toEqual([...schemaSteps(clusterSettings.DBNAME, 'temporal'), ...schemaSteps(clusterSettings.VISIBILITY_DBNAME, 'visibility')]);
  });

  test('the same dynamic config, where the server is told to read it', () => {
    const mounted = services.temporal.configs ?? [];
    expect(mounted).toEqual([{ source: 'temporal-dynamic-config', target: services.temporal.environment?.DYNAMIC_CONFIG_FILE_PATH }]);
    expect(configs['temporal-dynamic-config'].content).toBe(DYNAMIC_CONFIG_YAML);
  });

  test('the same namespace retention, and as many workers', () => {
    expect(services['temporal-namespace'].environment?.RETENTION).toBe(`\${TEMPORAL_RETENTION:-${NAMESPACE_RETENTION_HOURS}h}`);
    expect(services.worker.deploy?.replicas).toBe(CLUSTER_WORKERS);
  });
});
