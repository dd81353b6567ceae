import type { Express } from 'express';
import { createApp, type ApiDependencies } from '../../api/app';
import { openApiDocument, openApiPath, operations } from '../../api/openapi';
import { createLogger } from '../../platform/logger';
import { webPagePaths } from '../../api/webApp';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `GET /tasks/{key}` for every API route the app's routers serve (all are mounted at the root). */
function servedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat();
        if (paths.every((p) => webPagePaths.includes(p))) continue;
        for (const p of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') found.push(`${method.toUpperCase()} ${openApiPath(p)}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found.sort();
}

// Building the app connects to nothing: the routers only keep these until a request comes.
const app = createApp({ log: createLogger('test', 'silent'), reportsDir: '/nonexistent' } as unknown as ApiDependencies);
const document = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
const documented = Object.entries(document.paths)
  .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
  .sort();

test('every route the routers serve is in the document, and every documented route is served', () => {
  expect(servedRoutes(app)).toEqual(documented);
});

test("every path parameter is declared, and every declared one is in the path", () => {
  for (const [p, methods] of Object.entries(document.paths)) {
    const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const op of Object.values(methods)) {
      expect({ path: p, params: op.parameters.filter((x) => x.in === 'path').map((x) => x.name).sort() }).toEqual({ path: p, params: inPath });
    }
  }
});

test('every JSON body has an example that its schema accepts', () => {
  for (const op of operations) {
    if (!op.body || !('schema' in op.body)) continue;
    const result = op.body.schema.safeParse(op.body.example);
    expect({ op: op.id, issues: result.error?.issues ?? [] }).toEqual({ op: op.id, issues: [] });
  }
});

test('every operation but the public ones answers 401 without a token, per the document', () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      // Sign-in is public, and answers 401 to the credentials in its body.
      const checksCredentials = `${m} ${p}` === 'post /auth/sign-in';
      expect({ op: `${m} ${p}`, has401: '401' in op.responses }).toEqual({ op: `${m} ${p}`, has401: !isPublic || checksCredentials });
    }
  }
});
