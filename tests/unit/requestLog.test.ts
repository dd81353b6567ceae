import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { requestLog } from '../../api/requestLog';

/** The request log's line names the request id (the one answered in X-Request-Id) and the actor. */
test('each request line names its id and its actor, or no actor when nobody authenticated', async () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = express();
  app.use(requestLog(log));
  app.get('/mine', (_req, res) => {
    res.locals.principal = { staffId: '36-tax-staff' };
    res.json({});
  });
  app.get('/anonymous', (_req, res) => void res.status(401).json({}));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const mine = await fetch(`${base}/mine`, { headers: { 'x-request-id': 'given-id-1' } });
    const anonymous = await fetch(`${base}/anonymous`, { headers: { 'x-request-id': 'not a sane id!' } });
    const generated = anonymous.headers.get('x-request-id');
    expect(mine.headers.get('x-request-id')).toBe('given-id-1');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ requestId, actor, path, status }) => ({ requestId, actor, path, status }))).toEqual([
      { requestId: 'given-id-1', actor: '36-tax-staff', path: '/mine', status: 200 },
      { requestId: generated, actor: null, path: '/anonymous', status: 401 },
    ]);
  } finally {
    server.close();
  }
});
