import fc from 'fast-check';
import { creditCodeCheckChar } from '../../domain/campaign';
import { provinceNames } from '../../domain/provinces';
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

const codeOf = (body: string) => body + creditCodeCheckChar(body);
const newEnterprise = codeOf('91360100MA39PR8P7');

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

/** The directory (as MIIT's administrator), API tokens (as their holder) and sign-in (as nobody yet). */
function accountTargets(): Target[] {
  const json = (token: string, path: string, body: unknown) => () =>
    f.h.as(token)(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const get = (token: string, path: string) => f.h.as(token)(path, { signal: AbortSignal.timeout(60_000) });
  const post = (token: string, path: string, body: string, type: string) => f.h.as(token)(path, { method: 'POST', headers: { 'content-type': type }, body, signal: AbortSignal.timeout(60_000) });
  const staff = (agency: string, role = 'staff') => f.h.tokens[`${f.c.provinceCode}-${agency}-${role}`];
  const admin = f.h.tokens['national-miit-administrator'];
  const agency = { kind: 'tax', province: f.c.province, name: '性质测试办公室', emails: ['props@tax.example.cn'] };
  const newStaff = { name: '性质测试', email: 'props@tax.example.cn', mobile: null, agencyId: `${f.c.provinceCode}-tax`, role: 'staff' };
  // Someone whose details the property may change: no other target acts as them.
  const bystander = `${f.c.provinceCode}-workSafety-agencyHead`;
  const directoryFile = (column: string, s: string) => JSON.stringify({ agencies: [{ province: f.c.province, kind: 'tax', name: '性质测试办公室', emails: 'props@tax.example.cn', [column]: s }] });
  const anonymous = (path: string, body: unknown) => fetch(`${f.h.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });

  return [
    ...(['kind', 'province', 'name'] as const).map((field) => ({ name: `POST /directory/agencies ${field}`, send: (s: string) => json(admin, '/directory/agencies', { ...agency, [field]: s })() })),
    { name: 'POST /directory/agencies emails[0]', send: (s) => json(admin, '/directory/agencies', { ...agency, emails: [s] })() },
    { name: 'POST /directory/agencies/:id id', send: (s) => json(admin, `/directory/agencies/${encode(s)}`, { name: '性质测试办公室' })() },
    { name: 'POST /directory/agencies/:id name', send: (s) => json(admin, `/directory/agencies/${encode(`${f.c.provinceCode}-tax`)}`, { name: s })() },
    ...(['name', 'email', 'mobile', 'agencyId', 'role'] as const).map((field) => ({ name: `POST /directory/staff ${field}`, send: (s: string) => json(admin, '/directory/staff', { ...newStaff, [field]: s })() })),
    { name: 'POST /directory/staff/:id id', send: (s) => json(admin, `/directory/staff/${encode(s)}`, { mobile: null })() },
    ...(['name', 'email', 'agencyId'] as const).map((field) => ({ name: `POST /directory/staff/:id ${field}`, send: (s: string) => json(admin, `/directory/staff/${bystander}`, { [field]: s })() })),
    { name: 'POST /directory/staff/:id/disable id', send: (s) => json(admin, `/directory/staff/${encode(s)}/disable`, {})() },
    { name: 'POST /directory/imports fileName', send: (s) => post(admin, `/directory/imports?dryRun=true&fileName=${encode(s)}`, directoryFile('name', '性质测试办公室'), 'application/json') },
    ...(['province', 'kind', 'name', 'emails'] as const).map((field) => ({ name: `POST /directory/imports JSON cell ${field}`, send: (s: string) => post(admin, '/directory/imports?dryRun=true&fileName=directory.json', directoryFile(field, s), 'application/json') })),
    ...(['/directory/agencies?province=', '/directory/staff?province=', '/directory/staff?agencyId=', '/directory/staff?active='] as const).map((prefix) => ({
      name: `GET ${prefix}`,
      send: (s: string) => get(admin, `${prefix}${encode(s)}`),
    })),
    // API tokens, as the person who holds them.
    { name: 'POST /auth/tokens name', send: (s) => json(staff('tax'), '/auth/tokens', { name: s, expiresInDays: 1 })() },
    { name: 'POST /auth/tokens/:id/revoke id', send: (s) => json(staff('tax'), `/auth/tokens/${encode(s)}/revoke`, {})() },
    // Sign-in and password links, as nobody: a client that is not signed in yet.
    ...(['email', 'password'] as const).map((field) => ({ name: `POST /auth/sign-in ${field}`, send: (s: string) => anonymous('/auth/sign-in', { email: 'nobody@campaign.example', password: 'not the password at all', [field]: s }) })),
    { name: 'POST /auth/password-links email', send: (s) => anonymous('/auth/password-links', { email: s }) },
    ...(['token', 'password'] as const).map((field) => ({ name: `POST /auth/password ${field}`, send: (s: string) => anonymous('/auth/password', { token: 'x'.repeat(43), password: 'a long enough password', [field]: s }) })),
    { name: 'GET /auth/password token', send: (s) => fetch(`${f.h.baseUrl}/auth/password?token=${encode(s)}`, { signal: AbortSignal.timeout(60_000) }) },
  ];
}

/**
 * Cross-province referrals and tips: reporting, MIIT's routing, the receiving province's
 * acceptance and a tip's triage. A decision is taken once, so each field gets a referral or tip of
 * its own: the first arbitrary string it accepts decides it, and the rest meet a 409.
 */
async function coordinationTargets(): Promise<Target[]> {
  const json = (token: string, path: string, body: unknown) =>
    f.h.as(token)(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const get = (token: string, path: string) => f.h.as(token)(path, { signal: AbortSignal.timeout(60_000) });
  const miit = f.h.tokens.miit;
  const coordinator = f.h.tokens[`${f.c.provinceCode}-industry-provincialCoordinator`];
  const other = provinceNames.find((p) => p !== f.c.province)!;
  const referral = { campaignId: f.c.campaignId, fromProvince: other, toProvince: f.c.province, counterpart: { name: '虚构性质测试贸易公司' }, facts: '从无证矿点购进稀土矿', evidence: { month: '2014-03' } };
  const reported = async () => {
    const res = await json(miit, '/referrals', referral);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const routed = async () => {
    const id = await reported();
    expect((await json(miit, `/referrals/${id}/route`, { decision: 'route', toProvince: f.c.province })).status).toBe(200);
    return id;
  };
  const tipped = async () => {
    const res = await json(coordinator, '/tips', { source: '12345 hotline', text: '夜间有卡车运出稀土矿', province: f.c.province, receivedAt: '2014-10-12T09:00:00+08:00' });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const block = (code: string, name: string) => ({ code, name, address: '某市某路1号', legalRepresentative: '张三', phone: '0797-8123456', contact: '李四', contactTitle: '主任', mobile: '13907971234', province: f.c.province, types: ['trading'] });
  const [toRoute, toClose] = [await reported(), await reported()];
  const [byCode, byAgency, byRegistration] = [await routed(), await routed(), await routed()];
  const [closing, linking, linkingCampaign, referring, registering] = [await tipped(), await tipped(), await tipped(), await tipped(), await tipped()];
  const accept = (id: string) => `/referrals/${id}/accept`;
  const triage = (id: string) => `/tips/${id}/triage`;
  return [
    ...(['campaignId', 'fromProvince', 'toProvince', 'facts', 'source'] as const).map((field) => ({ name: `POST /referrals ${field}`, send: (s: string) => json(miit, '/referrals', { ...referral, [field]: s }) })),
    ...(['name', 'code'] as const).map((field) => ({ name: `POST /referrals counterpart.${field}`, send: (s: string) => json(miit, '/referrals', { ...referral, counterpart: { name: 'x', [field]: s } }) })),
    { name: 'POST /referrals evidence property name', send: (s) => json(miit, '/referrals', { ...referral, evidence: { [s]: 1 } }) },
    { name: 'POST /referrals evidence value', send: (s) => json(miit, '/referrals', { ...referral, evidence: { note: s } }) },
    { name: 'POST /referrals/:id/route id', send: (s) => json(miit, `/referrals/${encode(s)}/route`, { decision: 'close', reason: 'x' }) },
    { name: 'POST /referrals/:id/route toProvince', send: (s) => json(miit, `/referrals/${toRoute}/route`, { decision: 'route', toProvince: s }) },
    { name: 'POST /referrals/:id/route reason', send: (s) => json(miit, `/referrals/${toClose}/route`, { decision: 'close', reason: s }) },
    { name: 'POST /referrals/:id/accept enterpriseCode', send: (s) => json(coordinator, accept(byCode), { action: 'verifyInCase', enterpriseCode: s, agencyKind: 'tax' }) },
    { name: 'POST /referrals/:id/accept agencyKind', send: (s) => json(coordinator, accept(byAgency), { action: 'verifyInCase', enterpriseCode: f.c.enterpriseCode, agencyKind: s }) },
    { name: 'POST /referrals/:id/accept register.name', send: (s) => json(coordinator, accept(byRegistration), { action: 'addToCampaign', enterpriseCode: codeOf('91360100MA39RF1A7'), register: block(codeOf('91360100MA39RF1A7'), s) }) },
    { name: 'POST /tips/:id/triage reason', send: (s) => json(coordinator, triage(closing), { action: 'close', reason: s }) },
    { name: 'POST /tips/:id/triage enterpriseCode', send: (s) => json(coordinator, triage(linking), { action: 'linkToCase', campaignId: f.c.campaignId, enterpriseCode: s, agencyKind: 'landResources' }) },
    { name: 'POST /tips/:id/triage campaignId', send: (s) => json(coordinator, triage(linkingCampaign), { action: 'linkToCase', campaignId: s, enterpriseCode: f.c.enterpriseCode, agencyKind: 'landResources' }) },
    { name: 'POST /tips/:id/triage counterpart.name', send: (s) => json(coordinator, triage(referring), { action: 'refer', campaignId: f.c.campaignId, toProvince: other, counterpart: { name: s } }) },
    { name: 'POST /tips/:id/triage register.name', send: (s) => json(coordinator, triage(registering), { action: 'addToCampaign', campaignId: f.c.campaignId, enterpriseCode: codeOf('91360100MA39TP2B8'), register: block(codeOf('91360100MA39TP2B8'), s) }) },
    ...(['/referrals?campaignId=', '/referrals?open=', '/referrals/', '/tips?open=', '/tips?page='] as const).map((prefix) => ({ name: `GET ${prefix}`, send: (s: string) => get(miit, `${prefix}${encode(s)}`) })),
  ];
}

/** Each target answers each arbitrary string with a 2xx, or a 4xx with a message; never a 500. */
async function checkTargets(list: Target[]): Promise<void> {
  const seen: Record<string, number[]> = {};
  for (const target of list) {
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
      // Besides the drawn strings, always the three every field must refuse: 12 draws may hold none.
      { numRuns: 12, examples: [['\u0000'], ['\ud800'], ['x'.repeat(100_000)]] },
    );
  }
  // Every field was tried, and refused something (a NUL, a lone surrogate or 100 KB, at least).
  expect(Object.entries(seen).filter(([, statuses]) => !statuses.some((s) => s >= 400)).map(([name]) => name)).toEqual([]);
  expect(Object.keys(seen)).toHaveLength(list.length);
}

test('every string field of every mutating endpoint, of imports and of reads answers a 2xx or a clear 4xx, in time, and leaves nothing retrying', async () => {
  await checkTargets(targets());
  expect(await retryingActivities(f.h.client, f.h.taskQueue)).toEqual([]);
});

// Its own test: the first one already takes most of a test's time on a loaded machine.
test('every string field of the directory, token and sign-in endpoints answers a 2xx or a clear 4xx, never a 500', async () => {
  await checkTargets(accountTargets());
});

test('every string field of referrals and tips, reported, routed, accepted and triaged, answers a 2xx or a clear 4xx and leaves nothing retrying', async () => {
  await checkTargets(await coordinationTargets());
  expect(await retryingActivities(f.h.client, f.h.taskQueue)).toEqual([]);
});
