import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { searchAttributeCliArgs } from '../../domain/searchAttributes';

/**
 * docker-compose.yml and the Dockerfile cannot be run on these machines (no Docker engine), so
 * this test reads them and checks what would otherwise only fail at `docker compose up`.
 */

const root = path.resolve(__dirname, '..', '..');
const readRepoFile = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');

// ---------------------------------------------------------------------------------------------
// Helpers: pure functions over the parsed files, unit-tested below on broken inline examples.
// ---------------------------------------------------------------------------------------------

type Words = string | string[];

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: Words;
  entrypoint?: Words;
  depends_on?: string[] | Record<string, { condition?: string } | null>;
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: { test?: Words; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
  deploy?: { replicas?: number };
}

interface ComposeFile {
  services: Record<string, Service>;
}

interface ProjectFacts {
  /** package.json's scripts. */
  scripts: Record<string, string>;
  /** Whether a path (absolute, or relative to the repo) exists. */
  fileExists: (file: string) => boolean;
  /** The CMD of the repo's Dockerfile, for built services that do not set a command. */
  defaultCommand?: Words;
}

/** Parses compose YAML as Docker Compose does (with `<<` merge keys); throws on a YAML error. */
function parseCompose(text: string): ComposeFile {
  const doc: unknown = parse(text, { merge: true });
  if (typeof doc !== 'object' || doc === null) throw new Error('compose file is not a mapping');
  const services = (doc as { services?: unknown }).services;
  if (typeof services !== 'object' || services === null || Array.isArray(services)) {
    throw new Error('compose file has no `services` mapping');
  }
  return doc as ComposeFile;
}

function dependencies(service: Service): Array<{ name: string; condition: string }> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return deps.map((name) => ({ name, condition: 'service_started' }));
  return Object.entries(deps).map(([name, spec]) => ({ name, condition: spec?.condition ?? 'service_started' }));
}

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

const isWords = (value: unknown): value is Words =>
  typeof value === 'string' || (Array.isArray(value) && value.every((word) => typeof word === 'string'));

const asText = (words: Words | undefined) => (Array.isArray(words) ? words.join(' ') : (words ?? ''));

/** An image reference pinned to a digest, or to a tag carrying at least a major.minor version. */
function isPinnedImage(ref: string): boolean {
  if (ref.includes('${')) return false;
  if (/@sha256:[0-9a-f]{64}$/.test(ref)) return true;
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  if (colon < 0) return false;
  const tag = lastSegment.slice(colon + 1);
  return tag !== 'latest' && /^v?\d+\.\d+/.test(tag);
}

/** The package.json scripts a command line starts with `npm run X` or `npm start`. */
function npmScriptsRun(command: string): string[] {
  const scripts: string[] = [];
  for (const match of command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(start|stop|restart|test)\b)/g)) {
    scripts.push(match[1] ?? match[2]);
  }
  return scripts;
}

/** `--name X --type Y` pairs of a `temporal operator search-attribute create` command line. */
function searchAttributesRegistered(command: string): Record<string, string> {
  const clean = command.replace(/\\\n/g, ' ').replace(/["']/g, '');
  const pairs = [...clean.matchAll(/--name[=\s]+(\w+)\s+--type[=\s]+(\w+)/g)];
  const nameFlags = clean.match(/--name\b/g)?.length ?? 0;
  if (pairs.length !== nameFlags) throw new Error('a --name without a --type right after it');
  const registered: Record<string, string> = {};
  for (const [, name, type] of pairs) {
    if (name in registered) throw new Error(`search attribute ${name} registered twice`);
    registered[name] = type;
  }
  return registered;
}

/** Compose durations such as `45s`, `1m30s` or `2h`, in seconds. */
function durationSeconds(value: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) throw new Error(`not a duration: ${value}`);
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * units[unit], 0);
}

/** Every problem found in a compose file; an empty list means it passed. */
function composeProblems(compose: ComposeFile, facts: ProjectFacts): string[] {
  const problems: string[] = [];
  const conditions = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

  for (const [name, service] of Object.entries(compose.services)) {
    // An unquoted ": " inside a list item silently turns the item into a mapping.
    const lines: Array<[string, unknown]> = [
      ['command', service.command],
      ['entrypoint', service.entrypoint],
      ['healthcheck.test', service.healthcheck?.test],
    ];
    for (const [key, value] of lines) {
      if (value !== undefined && !isWords(value)) problems.push(`${name}: ${key} is not a string or a list of strings`);
    }

    if (service.build) {
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const dockerfile = path.join(build.context ?? '.', build.dockerfile ?? 'Dockerfile');
      if (!facts.fileExists(dockerfile)) problems.push(`${name}: Dockerfile ${dockerfile} does not exist`);

      const command = `${asText(service.entrypoint)} ${asText(service.command ?? facts.defaultCommand)}`;
      for (const script of npmScriptsRun(command)) {
        if (!(script in facts.scripts)) problems.push(`${name}: runs npm script "${script}", which package.json lacks`);
      }
    } else if (!service.image) {
      problems.push(`${name}: has neither image nor build`);
    } else if (!isPinnedImage(service.image)) {
      problems.push(`${name}: image ${service.image} is not pinned to a version`);
    }

    for (const dep of dependencies(service)) {
      const target = compose.services[dep.name];
      if (!target) {
        problems.push(`${name}: depends on undefined service "${dep.name}"`);
        continue;
      }
      if (!conditions.has(dep.condition)) problems.push(`${name}: unknown depends_on condition ${dep.condition}`);
      if (dep.condition === 'service_healthy' && (!target.healthcheck?.test || target.healthcheck.disable)) {
        problems.push(`${name}: waits for ${dep.name} to be healthy, but ${dep.name} has no healthcheck`);
      }
      if (dep.condition === 'service_completed_successfully' && ['always', 'unless-stopped'].includes(target.restart ?? '')) {
        problems.push(`${name}: waits for ${dep.name} to complete, but ${dep.name} restarts forever`);
      }
    }
  }
  return problems;
}

/** The images a Dockerfile builds FROM, leaving out references to its own earlier stages. */
function dockerfileBaseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(match[1])) images.push(match[1]);
    if (match[2]) stages.add(match[2]);
  }
  return images;
}

/** The Dockerfile's last CMD, as an exec-form array or a shell-form string. */
function dockerfileCmd(dockerfile: string): Words | undefined {
  const cmd = [...dockerfile.matchAll(/^CMD\s+(.+)$/gm)].at(-1)?.[1].trim();
  if (cmd === undefined) return undefined;
  return cmd.startsWith('[') ? (JSON.parse(cmd) as string[]) : cmd;
}

/** The sources of the Dockerfile's COPY lines that copy from the build context. */
function dockerfileContextCopies(dockerfile: string): string[] {
  const sources: string[] = [];
  for (const [, args] of dockerfile.matchAll(/^COPY\s+(.+)$/gm)) {
    const words = args.trim().split(/\s+/);
    if (words.some((word) => word.startsWith('--from='))) continue;
    const paths = words.filter((word) => !word.startsWith('--'));
    sources.push(...paths.slice(0, -1).map((p) => p.replace(/^\.\//, '').replace(/\/$/, '') || '.'));
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------
// The helpers catch what they claim to catch.
// ---------------------------------------------------------------------------------------------

describe('compose checking helpers', () => {
  const facts: ProjectFacts = {
    scripts: { 'start:api': 'node dist/api/main.js' },
    fileExists: (file) => path.normalize(file) === 'Dockerfile',
    defaultCommand: ['npm', 'run', 'start:api'],
  };

  test('a YAML syntax error or a file without services is rejected', () => {
    expect(() => parseCompose('services:\n  api:\n    image: [unclosed\n')).toThrow();
    expect(() => parseCompose('services:\n  a: {}\n  a: {}\n')).toThrow();
    expect(() => parseCompose('version: "3"\n')).toThrow(/services/);
  });

  test('a broken compose file yields one problem per fault', () => {
    const broken = parseCompose(`
services:
  web:
    image: nginx
    depends_on: [db, redis]
  db:
    image: postgres:latest
  cache:
    image: \${CACHE_IMAGE}
  floating:
    image: postgres:16
  worker:
    build: ./nowhere
    command: npm run nope
  api:
    build: .
  job:
    image: busybox:1.36.1
    restart: unless-stopped
  probe:
    image: busybox:1.36.1
    healthcheck:
      test: [CMD, node, -e, process.exit(ok ? 0 : 1)]
  waiter:
    image: busybox:1.36.1@sha256:${'a'.repeat(64)}
    depends_on:
      db: { condition: service_healthy }
      job: { condition: service_completed_successfully }
      web: { condition: service_ready }
`);
    expect(composeProblems(broken, facts).sort()).toEqual(
      [
        'web: image nginx is not pinned to a version',
        'web: depends on undefined service "redis"',
        'db: image postgres:latest is not pinned to a version',
        'cache: image ${CACHE_IMAGE} is not pinned to a version',
        'floating: image postgres:16 is not pinned to a version',
        'worker: Dockerfile nowhere/Dockerfile does not exist',
        'worker: runs npm script "nope", which package.json lacks',
        'waiter: waits for db to be healthy, but db has no healthcheck',
        'waiter: waits for job to complete, but job restarts forever',
        'waiter: unknown depends_on condition service_ready',
        'probe: healthcheck.test is not a string or a list of strings',
      ].sort(),
    );
  });

  test('a dependency on a service that is not defined is reported, in list and map form', () => {
    const listForm = parseCompose('services:\n  a:\n    image: x:1.0\n    depends_on: [b]\n');
    const mapForm = parseCompose('services:\n  a:\n    image: x:1.0\n    depends_on:\n      b:\n        condition: service_started\n');
    expect(composeProblems(listForm, facts)).toEqual(['a: depends on undefined service "b"']);
    expect(composeProblems(mapForm, facts)).toEqual(['a: depends on undefined service "b"']);
  });

  test('a built service without a command is checked against the Dockerfile CMD', () => {
    const compose = parseCompose('services:\n  api:\n    build: .\n');
    expect(composeProblems(compose, facts)).toEqual([]);
    expect(composeProblems(compose, { ...facts, defaultCommand: 'npm start' })).toEqual([
      'api: runs npm script "start", which package.json lacks',
    ]);
  });

  test('merge keys are honoured, as Docker Compose honours them', () => {
    const compose = parseCompose('x-app: &app\n  build: .\n  command: npm run nope\nservices:\n  a:\n    <<: *app\n');
    expect(composeProblems(compose, facts)).toEqual(['a: runs npm script "nope", which package.json lacks']);
  });

  test('image pinning', () => {
    for (const ref of ['postgres:16.13', 'temporalio/ui:2.42.1', 'ghcr.io/org/app:v1.2.3-alpine', `x@sha256:${'0'.repeat(64)}`]) {
      expect([ref, isPinnedImage(ref)]).toEqual([ref, true]);
    }
    for (const ref of ['postgres', 'postgres:latest', 'postgres:16', 'postgres:alpine', 'registry:5000/app', 'app:${TAG}']) {
      expect([ref, isPinnedImage(ref)]).toEqual([ref, false]);
    }
  });

  test('npm scripts are found in exec and shell forms', () => {
    expect(npmScriptsRun('npm run start:worker')).toEqual(['start:worker']);
    expect(npmScriptsRun('sh -c "npm run-script migrate && npm start"')).toEqual(['migrate', 'start']);
    expect(npmScriptsRun('node dist/api/main.js')).toEqual([]);
  });

  test('search attributes are parsed out of a multi-line CLI command', () => {
    const command = 'temporal operator search-attribute create --namespace "$NS" \\\n  --name A --type Keyword \\\n  --name=B --type=Int';
    expect(searchAttributesRegistered(command)).toEqual({ A: 'Keyword', B: 'Int' });
    expect(searchAttributesRegistered('until x --name A --type Bool; do sleep 1; done')).toEqual({ A: 'Bool' });
    expect(() => searchAttributesRegistered('--name A --type Keyword --name B')).toThrow(/--type/);
    expect(() => searchAttributesRegistered('--name A --type Keyword --name A --type Int')).toThrow(/twice/);
  });

  test('durations', () => {
    expect(durationSeconds('45s')).toBe(45);
    expect(durationSeconds('1m30s')).toBe(90);
    expect(() => durationSeconds('45')).toThrow();
  });

  test('Dockerfile parsing', () => {
    const dockerfile = [
      'FROM node:20.20.2-bookworm-slim AS build',
      'COPY package.json ./',
      'COPY --chown=node src/ ./src',
      'FROM --platform=linux/amd64 build AS test',
      'FROM debian',
      'COPY --from=build /app/dist ./dist',
      'CMD ["npm", "run", "start:api"]',
    ].join('\n');
    expect(dockerfileBaseImages(dockerfile)).toEqual(['node:20.20.2-bookworm-slim', 'debian']);
    expect(dockerfileCmd(dockerfile)).toEqual(['npm', 'run', 'start:api']);
    expect(dockerfileContextCopies(dockerfile)).toEqual(['package.json', 'src']);
  });
});

// ---------------------------------------------------------------------------------------------
// The repository's own files.
// ---------------------------------------------------------------------------------------------

/** The custom search attributes the app's workflows upsert. */
const EXPECTED_SEARCH_ATTRIBUTES = {
  CampaignId: 'Keyword',
  Province: 'Keyword',
  EnterpriseName: 'Keyword',
  EnterpriseTypes: 'KeywordList',
  CasePhase: 'Keyword',
  CaseStatus: 'Keyword',
  OverdueTaskCount: 'Int',
  Supervised: 'Bool',
  Violations: 'KeywordList',
};

describe('docker-compose.yml and Dockerfile', () => {
  const dockerfile = readRepoFile('Dockerfile');
  const compose = parseCompose(readRepoFile('docker-compose.yml'));
  const { services } = compose;
  const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;

  test('has no problem: dependencies defined, images pinned, Dockerfiles and npm scripts exist', () => {
    const facts: ProjectFacts = {
      scripts,
      fileExists: (file) => fs.existsSync(path.resolve(root, file)),
      defaultCommand: dockerfileCmd(dockerfile),
    };
    expect(composeProblems(compose, facts)).toEqual([]);
  });

  test('runs every part of the deployment', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'migrate', 'postgresql', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker'].sort(),
    );
  });

  test('registers exactly the search attributes the workflows use', () => {
    const registering = Object.entries(services).filter(([, s]) =>
      `${asText(s.entrypoint)} ${asText(s.command)}`.includes('search-attribute create'),
    );
    expect(registering.map(([name]) => name)).toEqual(['temporal-namespace']);
    const [, job] = registering[0];
    expect(job.image).toMatch(/^temporalio\/admin-tools:/);
    expect(searchAttributesRegistered(asText(job.command))).toEqual(EXPECTED_SEARCH_ATTRIBUTES);
  });

  test('the expected search attributes are the ones domain/searchAttributes.ts defines', () => {
    const fromDomain = Object.fromEntries(
      searchAttributeCliArgs()
        .filter((_, i) => i % 2 === 1)
        .map((pair) => pair.split('=')),
    );
    expect(fromDomain).toEqual(EXPECTED_SEARCH_ATTRIBUTES);
  });

  test('the app services run the image built from this repository, with the npm scripts asked for', () => {
    const commands = Object.fromEntries(
      ['migrate', 'api', 'worker'].map((name) => [name, npmScriptsRun(asText(services[name].command))]),
    );
    expect(commands).toEqual({ migrate: ['migrate'], api: ['start:api'], worker: ['start:worker'] });
    for (const name of ['migrate', 'api', 'worker']) expect([name, services[name].build]).toEqual([name, expect.anything()]);
  });

  test('the API listens on all interfaces, is health-checked with the readiness logic, and waits for the migration', () => {
    const api = services.api;
    expect(environment(api)).toMatchObject({ API_HOST: '0.0.0.0', API_PORT: '3000' });
    expect(asText(api.healthcheck?.test)).toBe('CMD node dist/scripts/healthcheck.js api');
    expect(dependencies(api)).toContainEqual({ name: 'migrate', condition: 'service_completed_successfully' });
  });

  test('every service has a restart policy; every long-running one a health check, the app\'s through scripts/healthcheck.ts', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.restart]).toEqual([name, expect.stringMatching(/^(unless-stopped|always|no|on-failure(:\d+)?)$/)]);
      if (service.restart !== 'no') expect([name, Boolean(service.healthcheck?.test)]).toEqual([name, true]);
    }
    expect(asText(services.worker.healthcheck?.test)).toBe('CMD node dist/scripts/healthcheck.js worker');
    expect(fs.existsSync(path.join(root, 'scripts', 'healthcheck.ts'))).toBe(true);
  });

  test('workers are replicated and get longer to stop than their own shutdown grace', () => {
    const worker = services.worker;
    expect(worker.deploy?.replicas).toBe(2);
    const grace = Number(environment(worker).WORKER_SHUTDOWN_GRACE_S);
    expect(grace).toBeGreaterThan(0);
    expect(durationSeconds(worker.stop_grace_period ?? '10s')).toBeGreaterThan(grace);
  });

  test('the SMTP relay is required from the environment, never a built-in fake', () => {
    for (const name of ['api', 'worker']) {
      expect([name, environment(services[name]).SMTP_URL]).toEqual([name, expect.stringMatching(/^\$\{SMTP_URL:\?.+\}$/)]);
    }
    expect(Object.values(services).map((s) => s.image ?? '')).not.toContainEqual(expect.stringMatching(/mailhog|mailpit|smtp/i));
  });

  test('the Dockerfile builds FROM pinned images, runs as a non-root user and starts the API', () => {
    const images = dockerfileBaseImages(dockerfile);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect([image, isPinnedImage(image)]).toEqual([image, true]);

    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(['root', '0']).not.toContain(users.at(-1));

    const cmd = dockerfileCmd(dockerfile);
    expect(npmScriptsRun(asText(cmd))).toEqual(['start:api']);
  });

  test('the Dockerfile copies every source folder that tsconfig.build.json compiles', () => {
    const { include } = JSON.parse(readRepoFile('tsconfig.build.json')) as { include: string[] };
    const copied = dockerfileContextCopies(dockerfile);
    for (const folder of [...include, 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'prisma']) {
      expect([folder, copied.includes(folder) || copied.includes('.')]).toEqual([folder, true]);
    }
  });
});
