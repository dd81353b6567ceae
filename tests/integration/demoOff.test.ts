import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import { calendar2014 } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign } from '../../demo/generator';
import { agencyLabels, bilingual, staffRoleLabels } from '../../domain/labels';
import type { StoredMail } from '../../platform/mailSink';
import { projectRoot } from '../../platform/projectRoot';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { useHarness, type TaskRow } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * A province's installation with the demo off, walked as the README walks it: an empty directory,
 * the first administrator from `npm run directory -- create-admin`, a password set through the
 * printed link, the province's offices and people imported through the API, MIIT's coordinator
 * starting a campaign with a token of their own, a tax officer who sees only the tax tasks, and
 * escalation emails to the imported addresses. Only the enterprise records are on file beforehand.
 * A task is due 2 s after it opens (reminder 0.3 s before, discipline inspection 0.7 s after) while
 * the phases run in real time from today, so the ladder arrives and no phase ends during the test.
 */
const generated = generateCampaign({ seed: 97, enterprises: 120 });
const [P] = provincesWith(generated, [cleanTrader]);
const trader = enterprisesOf(generated, cleanTrader, P)[0].enterprise;
const campaignId = `demo-off-${Date.now().toString(36)}`;
const second = 1 / 86_400;
/** A calendar that begins today in Beijing, so the real-time phases end months after the test. */
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const calendar = {
  selfInspection: { from: beijingDay(0), to: beijingDay(59) },
  rectification: { from: beijingDay(60), to: beijingDay(119) },
  acceptance: { from: beijingDay(120), to: beijingDay(179) },
  reviewWindow: calendar2014.reviewWindow,
};

const h = useHarness('demo-off', {
  dossiers: generated.dataset.dossiers,
  seedDemoDirectory: false,
  caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 2 * second, reminderBeforeDays: 0.3 * second, graceDays: 0.7 * second },
});

const run = promisify(execFile);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = { 'content-type': 'application/json' };
const domain = `${P.code}.demo-off.example.cn`;
const people = {
  coordinator: { name: '周协调', email: `coordinator@miit.demo-off.example.cn` },
  taxOfficer: { name: '吴税', email: `tax-officer@${domain}` },
  taxHead: { name: '郑局', email: `tax-head@${domain}` },
};
const jiwei = `jiwei@${domain}`;

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;
interface Session {
  fetch: Fetch;
  cookie: string;
}

const mails = async () => (await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[];

/** Sign in with a password; the session's cookie goes with every request, its CSRF token with writes. */
async function signIn(email: string, password: string): Promise<Session> {
  const res = await fetch(`${h.baseUrl}/auth/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    cookie,
    fetch: (p, init = {}) => fetch(`${h.baseUrl}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie, ...(init.method && init.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}) } }),
  };
}

/** The token of a one-time link, from the command's output or from the email that carried it. */
const linkToken = (text: string) => /\/auth\/password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

async function setPassword(token: string, password: string) {
  const res = await fetch(`${h.baseUrl}/auth/password`, { method: 'POST', headers: json, body: JSON.stringify({ token, password, passwordAgain: password }) });
  expect(res.status).toBe(200);
}

/** What a member of the directory does on their first day: ask for a link, follow it, sign in. */
async function firstSignIn(email: string, password: string): Promise<Session> {
  const asked = await fetch(`${h.baseUrl}/auth/password-links`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
  expect(asked.status).toBe(202);
  const mail = await waitFor(`the password link to ${email}`, async () => (await mails()).find((m) => m.to.includes(email) && linkToken(m.text)));
  await setPassword(linkToken(mail.text)!, password);
  return signIn(email, password);
}

let admin: Session;

test('the first administrator comes from the documented command and signs in through its link', async () => {
  expect(await h.prisma.staffUser.count()).toBe(0);
  const { stdout } = await run(process.execPath, [path.join(projectRoot(), 'dist', 'scripts', 'directory.js'), 'create-admin', '--email', 'admin@miit.demo-off.example.cn', '--name', '李管理'], {
    env: { ...process.env, DATABASE_URL: h.databaseUrl, PUBLIC_URL: h.baseUrl, LOG_LEVEL: 'silent' },
  });
  expect(stdout).toContain('administrator at MIIT (national administrator)');
  const link = /(http:\/\/\S+\/auth\/password\?token=[A-Za-z0-9_-]+)/.exec(stdout)![1];
  expect((await fetch(link)).status).toBe(200);
  await setPassword(linkToken(link)!, 'first administrator password');
  admin = await signIn('admin@miit.demo-off.example.cn', 'first administrator password');
  expect(await (await admin.fetch('/auth/me')).json()).toMatchObject({ role: 'administrator', province: null });
});

test('no demo token works on this installation', async () => {
  for (const token of ['demo-national-miit-miitCoordinator', `demo-${P.code}-tax-staff`, `demo-${P.code}-industry-administrator`]) {
    const res = await fetch(`${h.baseUrl}/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  }
});

test('the administrator imports the province’s offices and people; a write without the CSRF token is refused', async () => {
  const template = await admin.fetch('/templates/directory.xlsx');
  expect(template.status).toBe(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(await template.arrayBuffer());
  const offices = (Object.keys(agencyLabels) as (keyof typeof agencyLabels)[])
    .filter((kind) => kind !== 'miit' && kind !== 'coordinationMechanism')
    .map((kind) => [P.name, agencyLabels[kind].zh, `${P.name}${agencyLabels[kind].zh}`, kind === 'disciplineInspection' ? jiwei : `${kind}@${domain}`]);
  const staff = [
    [people.coordinator.name, people.coordinator.email, null, null, agencyLabels.miit.zh, staffRoleLabels.miitCoordinator.zh, null],
    [people.taxOfficer.name, people.taxOfficer.email, '13800000001', P.name, agencyLabels.tax.zh, staffRoleLabels.staff.zh, null],
    [people.taxHead.name, people.taxHead.email, null, P.name, agencyLabels.tax.zh, staffRoleLabels.agencyHead.zh, null],
  ];
  for (const [name, rows] of [
    ['机构', offices],
    ['人员', staff],
  ] as const) {
    const sheet = workbook.getWorksheet(name)!;
    rows.forEach((row, i) => row.forEach((value, c) => (sheet.getCell(i + 3, c + 1).value = value)));
  }
  const file = new Uint8Array(await workbook.xlsx.writeBuffer());
  const request = { method: 'POST', headers: { 'content-type': XLSX }, body: file };

  const withoutCsrf = await fetch(`${h.baseUrl}/directory/imports?fileName=province.xlsx`, { ...request, headers: { ...request.headers, cookie: admin.cookie } });
  expect(withoutCsrf.status).toBe(403);
  expect(await h.prisma.agency.count({ where: { provinceName: P.name } })).toBe(0);
  const imported = await admin.fetch('/directory/imports?fileName=province.xlsx', request);
  expect({ status: imported.status, body: await imported.json() }).toMatchObject({ status: 200, body: { agencies: { created: offices.length }, staff: { created: staff.length } } });
  expect(await h.prisma.staffUser.findUniqueOrThrow({ where: { email: people.taxOfficer.email }, include: { agency: true } })).toMatchObject({ role: 'staff', agency: { kind: 'tax', provinceName: P.name } });
});

test('MIIT’s coordinator issues a token and starts a campaign; the tax officer sees only their agency’s tasks; escalations go to the imported addresses', async () => {
  const coordinator = await firstSignIn(people.coordinator.email, 'coordinator password long');
  const issued = await coordinator.fetch('/auth/tokens', { method: 'POST', headers: json, body: JSON.stringify({ name: 'campaign script', expiresInDays: 1 }) });
  expect(issued.status).toBe(201);
  const { token, id: tokenId } = (await issued.json()) as { token: string; id: string };
  const started = await h.as(token)('/campaigns', { method: 'POST', headers: json, body: JSON.stringify({ id: campaignId, name: '打击稀土违法违规行为专项行动', provinces: [P.name], calendar, enterprises: [trader.code] }) });
  expect(started.status).toBe(201);
  const caseId = caseWorkflowId(campaignId, P.name, trader.code);

  const everyTask = await waitFor('the self-inspection tasks', async () => {
    const items = ((await (await h.as(token)(`/tasks?pageSize=500&caseId=${encodeURIComponent(caseId)}`)).json()) as { items: TaskRow[] }).items;
    return items.length >= 2 && items.some((t) => t.agency === 'tax') ? items : undefined;
  });
  expect(everyTask.some((t) => t.agency !== 'tax')).toBe(true);

  const officer = await firstSignIn(people.taxOfficer.email, 'tax officer password long');
  const seen = ((await (await officer.fetch('/tasks?pageSize=500')).json()) as { items: TaskRow[] }).items;
  expect(seen.map((t) => t.key).sort()).toEqual(everyTask.filter((t) => t.agency === 'tax').map((t) => t.key).sort());

  const ladder = await waitFor('three escalation emails of the tax task', async () => {
    const about = (await mails()).filter((m) => [...m.to, ...m.cc].some((a) => a.endsWith(domain)) && m.text.includes(trader.code) && m.text.includes(`承办部门 Responsible agency: ${bilingual(agencyLabels.tax)}`));
    return about.length >= 3 ? about : undefined;
  });
  expect(ladder.map((m) => ({ to: m.to, cc: [...m.cc].sort() }))).toEqual([
    { to: [people.taxOfficer.email], cc: [] },
    { to: [people.taxHead.email], cc: [people.taxOfficer.email] },
    { to: [jiwei], cc: [people.taxHead.email] },
  ]);

  // Each of those writes left one audit row, by whoever made it, written with the change itself.
  const coordinatorId = (await h.prisma.staffUser.findUniqueOrThrow({ where: { email: people.coordinator.email } })).id;
  const officerId = (await h.prisma.staffUser.findUniqueOrThrow({ where: { email: people.taxOfficer.email } })).id;
  const rows = await h.prisma.auditEvent.findMany({ where: { action: { in: ['auth.passwordLink', 'auth.passwordSet', 'auth.signIn', 'token.issue', 'campaigns.start'] }, objectId: { in: [coordinatorId, officerId, tokenId, campaignId] } }, orderBy: { id: 'asc' } });
  expect(rows.map((r) => [r.action, r.objectId, r.status, r.actorStaffId, r.credentialKind])).toEqual([
    ['auth.passwordLink', coordinatorId, 202, null, null],
    ['auth.passwordSet', coordinatorId, 200, null, null],
    ['auth.signIn', coordinatorId, 200, null, null],
    ['token.issue', tokenId, 201, coordinatorId, 'session'],
    ['campaigns.start', campaignId, 201, coordinatorId, 'token'],
    ['auth.passwordLink', officerId, 202, null, null],
    ['auth.passwordSet', officerId, 200, null, null],
    ['auth.signIn', officerId, 200, null, null],
  ]);
});
