import fc from 'fast-check';
import { creditCodeCheckChar } from '../../domain/campaign';
import { layout } from '../../intake';
import { retryingActivities, useOpenCase } from '../support/openCase';

/**
 * Arbitrary strings at every string field of every mutating endpoint and of an import: each answer
 * is a 2xx, or a 4xx that says what is wrong, within its timeout; never a 500; and afterwards no
 * workflow has an activity retrying (past its third attempt).
 */
const f = useOpenCase('input-props', 47);

/** What breaks storage, encodings, parsers and layouts, beside any code point at all. */
const awkward = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\r', '\n', '\r\n', '\t', '\u200f', '\u202e', '\u2066', '\ufeff', "'", '"', '\\', '/', '%', '?', '#', '稀土', '😀');
const unit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), awkward);
const short = fc.string({ unit, maxLength: 30 });
/** 100,000 repeats of one character after a short prefix: bodies of 100 KB to 400 KB. */
const huge = fc.tuple(short, fc.constantFrom('a', '稀', '\u0000', '\ud800', '\u200f')).map(([prefix, ch]) => prefix + ch.repeat(100_000));
const anyString = fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: huge });

/** Percent-encodes any UTF-16 string, lone surrogates as the bytes a careless client sends (WTF-8). */
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0xd800 && cp <= 0xdfff ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('') : encodeURIComponent(ch);
  }
  return out;
}

const newEnterprise = (() => {
  const body = '91360100MA39PR8P7';
  return body + creditCodeCheckChar(body);
})();

interface Target {
  name: string;
  /** The request with `s` in the one field under test. */
  send(s: string): Promise<Response>;
}

function targets(): Target[] {
  const json = (token: string, path: string, body: unknown) => () =>
    f.h.as(token)(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const staff = (agency: string, role = 'staff') => f.h.tokens[`${f.c.provinceCode}-${agency}-${role}`];
  const coordinator = staff('industry', 'provincialCoordinator');
  const task = (key: string) => `/tasks/${encode(key)}`;
  const tip = { source: '12345 hotline', text: '夜间有卡车运出稀土矿', province: f.c.province, receivedAt: '2014-10-12T09:00:00+08:00' };
  const campaign = { id: 'prop-campaign', name: 'property test', provinces: [f.c.province], enterprises: [f.c.enterpriseCode] };
  const calendar = { selfInspection: { from: '2014-10-01', to: '2014-11-30' }, rectification: { from: '2014-12-01', to: '2015-01-31' }, acceptance: { from: '2015-02-01', to: '2015-03-31' }, reviewWindow: { from: '2012-01-01', to: '2014-06-30' } };
  const scope = (id: string, province: string) => `/campaigns/${encode(id)}/provinces/${encode(province)}`;
  const cells = { code: newEnterprise, name: '虚构性质测试稀土贸易有限公司', province: f.c.province, address: '某市某路1号', legalRepresentative: '张三', phone: '0797-8123456', contact: '李四', contactTitle: '主任', mobile: '13907971234', types: '贸易' };
  const importFile = (column: string, s: string) => JSON.stringify({ enterprises: [Object.fromEntries(layout.enterprises.columns.map((col) => [col.key, col.key === column ? s : cells[col.key as keyof typeof cells]]))] });
  const get = (token: string, path: string) => f.h.as(token)(path, { signal: AbortSignal.timeout(60_000) });
  const post = (token: string, path: string, body: string, type: string) => f.h.as(token)(path, { method: 'POST', headers: { 'content-type': type }, body, signal: AbortSignal.timeout(60_000) });

  return [
    ...(['source', 'text', 'province', 'enterpriseCode', 'receivedAt'] as const).map((field) => ({ name: `POST /tips ${field}`, send: (s: string) => json(staff('tax'), '/tips', { ...tip, [field]: s })() })),
    { name: 'POST /tasks/:key/complete key', send: (s) => json(staff('tax'), `${task(s)}/complete`, { completion: { findings: [] } })() },
    { name: 'POST /tasks/:key/complete note', send: (s) => json(staff('tax'), `${task(f.c.tasks.tax)}/complete`, { completion: { findings: [], note: s } })() },
    { name: 'POST /tasks/:key/complete violation', send: (s) => json(staff('industry'), `${task(f.c.tasks.industry)}/complete`, { completion: { findings: [{ violation: s }] } })() },
    { name: 'POST /tasks/:key/complete finding note', send: (s) => json(staff('industry'), `${task(f.c.tasks.industry)}/complete`, { completion: { findings: [{ violation: 'illegalMining', note: s }] } })() },
    { name: 'POST /tasks/:key/complete property name', send: (s) => json(staff('tax'), `${task(f.c.tasks.tax)}/complete`, { completion: { findings: [], [s]: 'x' } })() },
    { name: 'POST /tasks/:key/assign key', send: (s) => json(staff('tax', 'agencyHead'), `${task(s)}/assign`, { staffId: null })() },
    { name: 'POST /tasks/:key/assign staffId', send: (s) => json(staff('tax', 'agencyHead'), `${task(f.c.tasks.tax)}/assign`, { staffId: s })() },
    { name: 'POST /tasks/:key/cancel key', send: (s) => json(coordinator, `${task(s)}/cancel`, { reason: 'issued in error' })() },
    { name: 'POST /tasks/:key/cancel reason', send: (s) => json(coordinator, `${task(Object.values(f.c.tasks).at(-1)!)}/cancel`, { reason: s })() },
    ...(['id', 'name'] as const).map((field) => ({ name: `POST /campaigns ${field}`, send: (s: string) => json(f.h.tokens.miit, '/campaigns', { ...campaign, [field]: s })() })),
    { name: 'POST /campaigns provinces[0]', send: (s) => json(f.h.tokens.miit, '/campaigns', { ...campaign, provinces: [s] })() },
    { name: 'POST /campaigns enterprises[0]', send: (s) => json(f.h.tokens.miit, '/campaigns', { ...campaign, enterprises: [s] })() },
    { name: 'POST /campaigns calendar day', send: (s) => json(f.h.tokens.miit, '/campaigns', { ...campaign, id: 'prop-calendar', calendar: { ...calendar, acceptance: { from: '2015-02-01', to: s } } })() },
    { name: 'POST …/enterprises id', send: (s) => json(coordinator, `${scope(s, f.c.province)}/enterprises`, { code: f.c.enterpriseCode })() },
    { name: 'POST …/enterprises province', send: (s) => json(coordinator, `${scope(f.c.campaignId, s)}/enterprises`, { code: f.c.enterpriseCode })() },
    { name: 'POST …/enterprises code', send: (s) => json(coordinator, `${scope(f.c.campaignId, f.c.province)}/enterprises`, { code: s })() },
    { name: 'POST …/supervise id', send: (s) => json(f.h.tokens.miit, `${scope(s, f.c.province)}/cases/${f.c.enterpriseCode}/supervise`, {})() },
    { name: 'POST …/supervise province', send: (s) => json(f.h.tokens.miit, `${scope(f.c.campaignId, s)}/cases/${f.c.enterpriseCode}/supervise`, {})() },
    { name: 'POST …/supervise code', send: (s) => json(f.h.tokens.miit, `${scope(f.c.campaignId, f.c.province)}/cases/${encode(s)}/supervise`, {})() },
    { name: 'POST …/provinces/:province/reports id', send: (s) => json(coordinator, `${scope(s, f.c.province)}/reports`, { kind: 'annex3' })() },
    { name: 'POST …/provinces/:province/reports province', send: (s) => json(coordinator, `${scope(f.c.campaignId, s)}/reports`, { kind: 'annex3' })() },
    { name: 'POST …/provinces/:province/reports kind', send: (s) => json(coordinator, `${scope(f.c.campaignId, f.c.province)}/reports`, { kind: s })() },
    { name: 'POST /campaigns/:id/reports id', send: (s) => json(f.h.tokens.miit, `/campaigns/${encode(s)}/reports`, { kind: 'nationalSummary' })() },
    { name: 'POST /campaigns/:id/reports kind', send: (s) => json(f.h.tokens.miit, `/campaigns/${f.c.campaignId}/reports`, { kind: s })() },
    { name: 'POST /imports fileName', send: (s) => post(f.h.tokens.miit, `/imports?dryRun=true&fileName=${encode(s)}`, importFile('', ''), 'application/json') },
    { name: 'POST /imports campaign', send: (s) => post(f.h.tokens.miit, `/imports?dryRun=true&campaign=${encode(s)}`, importFile('', ''), 'application/json') },
    ...layout.enterprises.columns.map((col) => ({ name: `POST /imports JSON cell ${col.key}`, send: (s: string) => post(f.h.tokens.miit, '/imports?fileName=list.json', importFile(col.key, s), 'application/json') })),
    // Reads reach PostgreSQL and Temporal's visibility queries with what they are given too.
    ...(['/cases?campaignId=', '/cases?province=', '/tasks?caseId=', '/enterprises?province=', '/reports?campaign=', '/reports?province=', '/tips/', '/reports/', '/cases/', '/tasks/', '/enterprises/'] as const).map((prefix) => ({
      name: `GET ${prefix}`,
      send: (s: string) => get(f.h.tokens.miit, `${prefix}${encode(s)}`),
    })),
    {
      name: 'POST /imports CSV cell name',
      send: (s) => {
        const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const csv = [layout.enterprises.columns.map((col) => col.heading.zh), layout.enterprises.columns.map((col) => (col.key === 'name' ? s : cells[col.key as keyof typeof cells]))]
          .map((row) => row.map(quoted).join(','))
          .join('\r\n');
        return post(f.h.tokens.miit, '/imports?fileName=list.csv', csv, 'text/csv');
      },
    },
  ];
}

test('every string field of every mutating endpoint, of imports and of reads answers a 2xx or a clear 4xx, in time, and leaves nothing retrying', async () => {
  const seen: Record<string, number[]> = {};
  for (const target of targets()) {
    await fc.assert(
      fc.asyncProperty(anyString, async (s) => {
        const res = await target.send(s);
        const text = await res.text();
        (seen[target.name] ??= []).push(res.status);
        if (res.status >= 500) throw new Error(`${target.name}: ${res.status} ${text.slice(0, 300)}`);
        if (res.status >= 400 && res.status !== 431) {
          // 431 is Node refusing a URL too long for its header limit, before any code of ours.
          const body = JSON.parse(text) as { error?: unknown };
          if (typeof body.error !== 'string' || body.error === '') throw new Error(`${target.name}: ${res.status} without a message: ${text.slice(0, 300)}`);
        }
      }),
      { numRuns: 12 },
    );
  }
  // Every field was tried, and refused something (a NUL, a lone surrogate or 100 KB, at least).
  expect(Object.entries(seen).filter(([, statuses]) => !statuses.some((s) => s >= 400)).map(([name]) => name)).toEqual([]);
  expect(Object.keys(seen)).toHaveLength(targets().length);
  expect(await retryingActivities(f.h.client, f.h.taskQueue)).toEqual([]);
});
