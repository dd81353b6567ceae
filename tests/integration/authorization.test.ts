import { creditCodeCheckChar } from '../../domain/campaign';
import { campaignWorkflowId, caseWorkflowId } from '../../domain/caseIds';
import type { AgencyKind } from '../../domain/enums';
import { generateCampaign, provinces, type ProvinceInfo } from '../../demo/generator';
import { writeDirectory } from '../../store/directory';
import { tipWorkflowId } from '../../domain/tip';
import { caseViewQuery } from '../../workflows/caseMessages';
import { progressQuery } from '../../workflows/campaignMessages';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { useHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * Every authenticated endpoint × every caller the directory knows × own/foreign agency and
 * province. The campaign runs in two provinces, A and B, with a clean trader each: its case opens
 * exactly a commerce, an industry and a tax task. Callers are the same eight people in each
 * province plus MIIT, so one object in A meets every role from its own and from a foreign
 * province, and from its own and a foreign agency.
 *
 * Mutating endpoints never change a probe object: a forbidden attempt sends a request that would
 * change it (so a leak shows), a permitted one a request that stops just past the permission check
 * (an invalid body, an idempotent repeat). The permitted changes themselves are made at the end,
 * each on an object no other cell looks at.
 */

// ---------------------------------------------------------------------------------------------
// The rules, restated from domain/access.ts (and the routes' documented extras) rather than
// imported: the matrix must be able to disagree with the code it grades.

type Role = 'staff' | 'agencyHead' | 'provincialCoordinator' | 'miitCoordinator' | 'disciplineInspection' | 'administrator';
interface Caller {
  role: Role;
  agency: AgencyKind;
  /** null for MIIT, a national office. */
  province: string | null;
  /** The harness token name, `<province code>-<agency>-<role>` or `miit`. */
  key: string;
  staffId: string;
  email: string;
}
interface TaskRef {
  label: string;
  province: string;
  agency: AgencyKind;
}
interface TipRef {
  label: string;
  province: string | null;
  submitter: Caller;
}

const isMiit = (c: Caller) => c.role === 'miitCoordinator';
const rules = {
  seesProvince: (c: Caller, province: string) => isMiit(c) || c.province === province,
  actsOnTask: (c: Caller, t: TaskRef) =>
    isMiit(c) ||
    (c.province === t.province && (c.role === 'provincialCoordinator' || ((c.role === 'staff' || c.role === 'agencyHead') && c.agency === t.agency))),
  seesTask: (c: Caller, t: TaskRef) => rules.actsOnTask(c, t) || (c.role === 'disciplineInspection' && c.province === t.province),
  coordinatesProvince: (c: Caller, province: string) => isMiit(c) || (c.role === 'provincialCoordinator' && c.province === province),
  /** 挂牌督办 is MIIT's alone (api/campaigns.ts, the OpenAPI document). */
  supervises: (c: Caller) => isMiit(c),
  /** api/tasks.ts: the head of the task's agency in its province, the provincial coordinator, MIIT. */
  assignsTask: (c: Caller, t: TaskRef) =>
    isMiit(c) || (c.province === t.province && (c.role === 'provincialCoordinator' || (c.role === 'agencyHead' && c.agency === t.agency))),
  /** api/tasks.ts: claim and release are for the staff and head of the task's agency in its province. */
  claimsTask: (c: Caller, t: TaskRef) => (c.role === 'staff' || c.role === 'agencyHead') && c.province === t.province && c.agency === t.agency,
  /** The industry department collects a province's forms, its coordinator oversees them, MIIT loads any. */
  submitsRecordsFor: (c: Caller, province: string) =>
    isMiit(c) || (c.province === province && (c.role === 'provincialCoordinator' || (c.agency === 'industry' && (c.role === 'staff' || c.role === 'agencyHead')))),
  /** api/reports.ts: reports go to MIIT; a province's are its coordinator's too, the national roll-up MIIT's alone. */
  seesReport: (c: Caller, r: { province: string | null }) => (r.province === null ? isMiit(c) : rules.coordinatesProvince(c, r.province)),
  /** api/tips.ts: MIIT, the tip's province, and whoever submitted it. */
  seesTip: (c: Caller, t: TipRef) => isMiit(c) || c.email === t.submitter.email || (t.province !== null && c.province === t.province),
  /** api/tips.ts: a tip's province's coordinator triages it, MIIT any (and alone one with no province). */
  triagesTip: (c: Caller, t: TipRef) => (t.province === null ? isMiit(c) : rules.coordinatesProvince(c, t.province)),
  /** api/referrals.ts: both provinces and MIIT see a referral; MIIT alone routes it; the receiving coordinator accepts it. */
  seesReferral: (c: Caller, r: ReferralRef) => rules.seesProvince(c, r.fromProvince) || (r.toProvince !== null && rules.seesProvince(c, r.toProvince)),
  /** The directory: MIIT's administrator everywhere (national offices too), a provincial administrator their province. */
  administersDirectory: (c: Caller, province: string | null) => c.role === 'administrator' && ((c.agency === 'miit' && c.province === null) || (province !== null && c.province === province)),
};

/** Out of scope is hidden (404, exactly like a missing id); in scope but not permitted is 403. */
type Verdict = 'allowed' | 'forbidden' | 'hidden';
const verdict = (inScope: boolean, permitted: boolean): Verdict => (permitted ? 'allowed' : inScope ? 'forbidden' : 'hidden');

// ---------------------------------------------------------------------------------------------
// Fixture: who calls, and the objects they call about.

const generated = generateCampaign({ seed: 44, enterprises: 120 });
const dossiers = generated.dataset.dossiers;
const [A, B] = provincesWith(generated, [cleanTrader], 2);
const tradersOf = (p: ProvinceInfo) => enterprisesOf(generated, cleanTrader, p).map((d) => d.enterprise.code);
/** The enterprise whose case every cell looks at, and a spare one that is not (yet) in the campaign. */
const trader = { [A.name]: tradersOf(A)[0], [B.name]: tradersOf(B)[0] };
const spare = { [A.name]: tradersOf(A)[1], [B.name]: tradersOf(B)[1] };
/** Well-formed credit codes that are on file nowhere. */
const unknownCode = (p: ProvinceInfo) => `91${p.code}0000MA00000000`;
const newCode = (p: ProvinceInfo, serial: number) => {
  const body = `91${p.code}0100MA${String(8_000_000 + serial)}`;
  return body + creditCodeCheckChar(body);
};
/** An annex 1 (the enterprise list) as a system sends it: JSON, one row per enterprise. */
const annex1 = (codes: { code: string; province: ProvinceInfo }[]) =>
  JSON.stringify({
    enterprises: codes.map(({ code, province }) => ({
      code,
      name: `授权测试贸易有限公司${code.slice(-4)}`,
      province: province.name,
      address: `${province.name}测试路1号`,
      legalRepresentative: '张三',
      phone: '0471-1234567',
      contact: '李四',
      contactTitle: '经理',
      mobile: '13900000000',
      types: '贸易',
    })),
  });

/** A directory file as a system sends it: JSON, one office of each province renamed. */
const directoryFile = (ps: ProvinceInfo[]) =>
  JSON.stringify({ agencies: ps.map((p) => ({ province: p.name, kind: 'tax', name: `${p.name}税务局（授权测试）`, emails: `tax@${p.code}.example.cn` })) });

// Unique per run: Temporal visibility is shared with other test files and earlier runs.
const campaignId = `authz-${Date.now().toString(36)}`;
const caseOf = (province: string) => caseWorkflowId(campaignId, province, trader[province]);
const missingCampaign = `${campaignId}-missing`;

const person = (p: ProvinceInfo, agency: AgencyKind, role: Role): Caller => {
  const key = `${p.code}-${agency}-${role}`;
  return { role, agency, province: p.name, key, staffId: key, email: `${key}@campaign.example` };
};
// Industry staff and heads are here for imports, which the industry department submits.
const staffOf = (p: ProvinceInfo) => [
  person(p, 'tax', 'staff'),
  person(p, 'tax', 'agencyHead'),
  person(p, 'commerce', 'staff'),
  person(p, 'commerce', 'agencyHead'),
  person(p, 'industry', 'staff'),
  person(p, 'industry', 'agencyHead'),
  person(p, 'industry', 'provincialCoordinator'),
  person(p, 'disciplineInspection', 'disciplineInspection'),
  person(p, 'industry', 'administrator'),
];
const miit: Caller = { role: 'miitCoordinator', agency: 'miit', province: null, key: 'miit', staffId: 'national-miit-miitCoordinator', email: 'national-miit-miitCoordinator@campaign.example' };
const miitAdministrator: Caller = {
  role: 'administrator',
  agency: 'miit',
  province: null,
  key: 'national-miit-administrator',
  staffId: 'national-miit-administrator',
  email: 'national-miit-administrator@campaign.example',
};
const callers: Caller[] = [...staffOf(A), ...staffOf(B), miit, miitAdministrator];
const find = (p: ProvinceInfo, agency: AgencyKind, role: Role) => callers.find((c) => c.province === p.name && c.agency === agency && c.role === role)!;

const taskRef = (p: ProvinceInfo, agency: AgencyKind): TaskRef => ({ label: `the ${agency} task in ${p.code}`, province: p.name, agency });
const allTasks = [A, B].flatMap((p) => (['commerce', 'industry', 'tax'] as const).map((agency) => taskRef(p, agency)));
/** Only ever probed, never changed: tax is the tax callers' own agency, industry the coordinator's. */
const probeTasks = [taskRef(A, 'tax'), taskRef(A, 'industry')];

const tipRefs: TipRef[] = [
  { label: `a tip about ${A.code} by ${A.code}-tax-staff`, province: A.name, submitter: find(A, 'tax', 'staff') },
  { label: `a tip about ${A.code} by ${B.code}-commerce-staff`, province: A.name, submitter: find(B, 'commerce', 'staff') },
  { label: `a tip about no province by ${A.code}-commerce-staff`, province: null, submitter: find(A, 'commerce', 'staff') },
];
const usedTipKey = `authz-tip-${campaignId}`;

interface ReferralRef {
  label: string;
  fromProvince: string;
  /** Where MIIT routed it; null while it is only reported (and named no province). */
  toProvince: string | null;
  province: string;
  provinces: string[];
}
const referralRef = (label: string, from: ProvinceInfo, to: ProvinceInfo | null): ReferralRef => ({
  label,
  fromProvince: from.name,
  toProvince: to?.name ?? null,
  province: from.name,
  provinces: to ? [from.name, to.name] : [from.name],
});
/** Reported by A and not routed; and routed by MIIT to B, awaiting B's acceptance. */
const reportedReferral = referralRef(`a referral reported by ${A.code}`, A, null);
const routedReferral = referralRef(`a referral from ${A.code} routed to ${B.code}`, A, B);
const referralIds = new Map<string, string>();
const referralSubmission = (from: ProvinceInfo, campaign = campaignId) => ({ campaignId: campaign, fromProvince: from.name, counterpart: { name: '授权测试对方公司' }, facts: '从无证矿点购进稀土矿' });

/** A saved inbox filter of A's tax staff: theirs alone. */
const filterOwner = () => find(A, 'tax', 'staff');
let savedFilterId = '';

interface ReportRef {
  label: string;
  province: string | null;
  kind: string;
  by: Caller;
}
const reportRefs: ReportRef[] = [
  { label: `the annex 2 draft of ${A.code}`, province: A.name, kind: 'annex2', by: find(A, 'industry', 'provincialCoordinator') },
  { label: `the annex 2 draft of ${B.code}`, province: B.name, kind: 'annex2', by: miit },
  { label: 'the national summary draft', province: null, kind: 'nationalSummary', by: miit },
];

const provinceRef = (p: ProvinceInfo) => ({ label: `province ${p.code}`, province: p.name });
const enterpriseRef = (p: ProvinceInfo) => ({ label: `the trader in ${p.code}`, province: p.name, code: trader[p.name] });

interface Target {
  label: string;
  province?: string | null;
  provinces?: string[];
  agency?: AgencyKind;
}
/** How the caller stands to an object, for the cell's name. */
function scopeOf(c: Caller, object: Target): string {
  if (isMiit(c)) return 'national';
  const inProvince = (p: string | null | undefined) => (p === c.province ? 'own province' : 'foreign province');
  const where = object.provinces ? object.provinces.map(inProvince).join(' + ') : object.province === null ? 'no province' : inProvince(object.province);
  return object.agency ? `${object.agency === c.agency ? 'own' : 'foreign'} agency, ${where}` : where;
}

interface Cell<T> {
  title: string;
  caller: Caller;
  target: T;
  verdict: Verdict;
}
function cells<T extends Target>(targets: T[], judge: (c: Caller, t: T) => Verdict, among: Caller[] = callers): Cell<T>[] {
  return among.flatMap((caller) =>
    targets.map((target) => {
      const v = judge(caller, target);
      return { title: `${caller.role} ${caller.key} · ${target.label} · ${scopeOf(caller, target)} → ${v}`, caller, target, verdict: v };
    }),
  );
}
const each = <T extends Target>(targets: T[], among: Caller[] = callers) =>
  among.flatMap((caller) => targets.map((target) => ({ title: `${caller.role} ${caller.key} · ${target.label} · ${scopeOf(caller, target)}`, caller, target })));

// ---------------------------------------------------------------------------------------------

const taskKeys = new Map<string, string>();
const tipIds = new Map<string, string>();
const reportIds = new Map<string, string>();
const keyOf = (t: TaskRef) => taskKeys.get(`${t.province}/${t.agency}`)!;

interface Answer {
  status: number;
  body: unknown;
}
type AuditRow = Awaited<ReturnType<Harness['prisma']['auditEvent']['findMany']>>[number];
const staffIdOf = (c: Caller) => c.email.split('@')[0];
/** The audit rows of each answer, and whether its request could change state. */
const audits = new WeakMap<Answer, { rows: AuditRow[]; changes: boolean }>();
/**
 * Every answer of the matrix is audited as the trail promises: a request that may change state
 * leaves exactly one row, whatever its outcome, naming the caller, the status and the outcome; so
 * does a read refused with 401 or 403; a read answered 200 leaves none. (A 404 leaves one only when
 * scoping hid an object that exists: expectHidden checks those.)
 */
async function audited(caller: Caller | null, res: Response, body: unknown, method = 'GET'): Promise<Answer> {
  const answer = { status: res.status, body };
  const rows = await h.prisma.auditEvent.findMany({ where: { requestId: res.headers.get('x-request-id')! } });
  const changes = method !== 'GET';
  if (changes || res.status === 401 || res.status === 403) {
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      // A refused credential (unknown, revoked, its holder disabled) authenticates nobody.
      actorStaffId: caller && res.status !== 401 ? staffIdOf(caller) : null,
      method,
      status: res.status,
      outcome: res.status < 400 ? 'done' : res.status < 500 ? 'refused' : 'failed',
    });
  } else if (res.status !== 404) {
    expect(rows).toEqual([]);
  }
  audits.set(answer, { rows, changes });
  return answer;
}
const json = { 'content-type': 'application/json' };
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
async function call(caller: Caller, path: string, init?: RequestInit): Promise<Answer> {
  const res = await h.as(h.tokens[caller.key])(path, init);
  return audited(caller, res, await res.json(), init?.method);
}
/**
 * Hidden means indistinguishable from a missing id: the same status and body, a 404. The audit
 * trail tells them apart: the hidden object's 404 is a refusal on record, a missing id's read none.
 */
async function expectHidden(answer: Answer, missing: Promise<Answer>): Promise<void> {
  const absent = await missing;
  expect(answer).toEqual(absent);
  expect(answer.status).toBe(404);
  expect(audits.get(answer)!.rows).toMatchObject([{ outcome: 'refused', status: 404 }]);
  if (!audits.get(absent)!.changes) expect(audits.get(absent)!.rows).toEqual([]);
}
const enc = encodeURIComponent;
const taskRow = (key: string) => h.prisma.caseTask.findUniqueOrThrow({ where: { key }, select: { status: true, completedBy: true, assigneeId: true } });
const untouched = { status: 'open', completedBy: null, assigneeId: null };
const progressOf = (province: string) => h.client.workflow.getHandle(campaignWorkflowId(campaignId, province)).query(progressQuery);
const completion = { findings: [] };
/** Fails the completion schema, which is checked after permission: a 400 shows the gate was passed. */
const invalidCompletion = { findings: [{ violation: 'Not A Code' }] };

/** Someone already disabled in each province: disabling them again is permitted and changes nothing. */
const formerOf = (p: ProvinceInfo) => ({ label: `the former tax staff of ${p.code}`, province: p.name, id: `${p.code}-tax-former` });

const h = useHarness('authz', { dossiers });
beforeAll(async () => {
  const former = [A, B].map((p) => ({ id: formerOf(p).id, name: '离任', email: `${formerOf(p).id}@campaign.example`, mobile: null, agencyId: `${p.code}-tax`, role: 'staff' as const, active: false }));
  await writeDirectory(h.prisma, { agencies: [], staff: former }, { source: 'test', actor: 'test' });
  // Starting is itself a permitted mutation: MIIT creates the national campaign with A's part, B's
  // own coordinator starts B's part of it with its settings. The 2014 calendar is long past in real
  // time, so a slow clock keeps every case in self-inspection, its tasks open, for the whole file.
  for (const [caller, p] of [
    [miit, A],
    [find(B, 'industry', 'provincialCoordinator'), B],
  ] as const) {
    const started = await call(caller, '/campaigns', post({ id: campaignId, name: 'authz', provinces: [p.name], daysPerSecond: 0.001, enterprises: [trader[p.name]] }));
    expect(started.status).toBe(201);
  }
  for (const p of [A, B]) {
    const tasks = await waitFor(`the tasks of the trader in ${p.code}`, async () => {
      const page = (await call(miit, `/tasks?caseId=${enc(caseOf(p.name))}`)).body as { items: { key: string; agency: string }[] };
      return page.items.length === 3 ? page.items : undefined;
    });
    expect(tasks.map((t) => t.agency).sort()).toEqual(['commerce', 'industry', 'tax']);
    for (const t of tasks) taskKeys.set(`${p.name}/${t.agency}`, t.key);
  }
  await waitFor('both cases in Temporal visibility', async () => {
    const { items } = (await call(miit, `/cases?campaignId=${campaignId}`)).body as { items: unknown[] };
    return items.length === 2 ? true : undefined;
  });
  for (const tip of tipRefs) {
    const headers: Record<string, string> = tip === tipRefs[0] ? { 'idempotency-key': usedTipKey } : {};
    const created = await call(tip.submitter, '/tips', post({ source: 'hotline', text: tip.label, receivedAt: '2014-10-12T09:00:00+08:00', ...(tip.province ? { province: tip.province } : {}) }, headers));
    expect(created.status).toBe(201);
    tipIds.set(tip.label, (created.body as { id: string }).id);
  }
  // Drafting is a permitted mutation too: A's coordinator drafts A's, MIIT B's and the roll-up.
  for (const report of reportRefs) {
    const path = report.province ? `/campaigns/${campaignId}/provinces/${enc(report.province)}/reports` : `/campaigns/${campaignId}/reports`;
    const drafted = await call(report.by, path, post({ kind: report.kind }));
    expect(drafted).toMatchObject({ status: 201, body: { province: report.province, draft: true, generatedBy: report.by.email } });
    reportIds.set(report.label, (drafted.body as { id: string }).id);
    expect(audits.get(drafted)!.rows[0]).toMatchObject({ objectType: 'report', objectId: reportIds.get(report.label), province: report.province, after: { campaignId, kind: report.kind } });
  }
  // A's coordinator reports both referrals; MIIT routes one to B.
  for (const ref of [reportedReferral, routedReferral]) {
    const reported = await call(find(A, 'industry', 'provincialCoordinator'), '/referrals', post(referralSubmission(A)));
    expect(reported).toMatchObject({ status: 201, body: { state: 'reported', fromProvince: A.name } });
    referralIds.set(ref.label, (reported.body as { id: string }).id);
  }
  const routed = await call(miit, `/referrals/${referralIds.get(routedReferral.label)}/route`, post({ decision: 'route', toProvince: B.name }));
  expect(routed).toMatchObject({ status: 200, body: { state: 'routed', toProvince: B.name } });
  const saved = await call(filterOwner(), '/me/filters', post({ name: '逾期', filter: { overdue: true } }));
  expect(saved).toMatchObject({ status: 200, body: { name: '逾期' } });
  savedFilterId = (saved.body as { id: string }).id;
}, 120_000);

// ---------------------------------------------------------------------------------------------
// Without a valid token nothing answers but 401. This table is also the list of endpoints the
// matrix claims to cover; it is checked against the OpenAPI document below.

const requests: Record<string, () => [string, RequestInit?]> = {
  'POST /tips': () => ['/tips', post({ source: 'hotline', text: 'x', receivedAt: '2014-10-12T09:00:00+08:00' })],
  'GET /tips': () => ['/tips'],
  'GET /tips/{id}': () => [`/tips/${tipIds.get(tipRefs[0].label)}`],
  'GET /auth/me': () => ['/auth/me'],
  'POST /tips/{id}/triage': () => [`/tips/${tipIds.get(tipRefs[0].label)}/triage`, post({ action: 'close', reason: 'x' })],
  'POST /referrals': () => ['/referrals', post({ counterpart: { name: 'x' } })],
  'GET /referrals': () => ['/referrals'],
  'GET /referrals/{id}': () => ['/referrals/no-such-referral'],
  'POST /referrals/{id}/route': () => ['/referrals/no-such-referral/route', post({ toProvince: A.name })],
  'POST /referrals/{id}/accept': () => ['/referrals/no-such-referral/accept', post({})],
  'GET /cases/{caseId}/trace': () => [`/cases/${enc(caseOf(A.name))}/trace`],
  'GET /campaigns/{id}/provinces/{province}/typical-cases': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/typical-cases`],
  'POST /campaigns/{id}/provinces/{province}/typical-cases': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/typical-cases`, post({ enterpriseCode: trader[A.name] })],
  'POST /campaigns/{id}/provinces/{province}/typical-cases/{code}/withdraw': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/typical-cases/${trader[A.name]}/withdraw`, post({ reason: 'x' })],
  'GET /campaigns/{id}/typical-cases': () => [`/campaigns/${campaignId}/typical-cases`],
  'GET /campaigns/{id}/provinces/{province}/inspections': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/inspections`],
  'POST /campaigns/{id}/provinces/{province}/inspections': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/inspections`, post({ from: '2014-12-01', to: '2014-12-02', members: [{ agency: 'miit', name: 'x' }] })],
  'GET /inspections/{id}': () => [`/inspections/${probeInspection}`],
  'POST /inspections/{id}/findings': () => [`/inspections/${probeInspection}/findings`, post({ findings: 'x' })],
  'GET /me/filters': () => ['/me/filters'],
  'POST /me/filters': () => ['/me/filters', post({ name: 'x', filter: {} })],
  'DELETE /me/filters/{id}': () => ['/me/filters/no-such-filter', { method: 'DELETE' }],
  'GET /events': () => ['/events'],
  'POST /auth/sign-out': () => ['/auth/sign-out', { method: 'POST' }],
  'POST /auth/tokens': () => ['/auth/tokens', post({ name: 'anonymous' })],
  'GET /auth/tokens': () => ['/auth/tokens'],
  'POST /auth/tokens/{id}/revoke': () => [`/auth/tokens/demo_${miit.staffId}/revoke`, { method: 'POST' }],
  'GET /enterprises': () => ['/enterprises'],
  'GET /enterprises/{code}': () => [`/enterprises/${trader[A.name]}`],
  'GET /enterprises/{code}/checks': () => [`/enterprises/${trader[A.name]}/checks`],
  'GET /enterprises/{code}/versions/{version}': () => [`/enterprises/${trader[A.name]}/versions/1`],
  'GET /templates/{file}': () => ['/templates/annex1.xlsx'],
  'POST /imports': () => ['/imports?dryRun=true', { method: 'POST', headers: json, body: annex1([{ code: newCode(A, 1), province: A }]) }],
  'POST /campaigns': () => ['/campaigns', post({ id: `${campaignId}-anon`, name: 'x', provinces: [A.name] })],
  'GET /campaigns/{id}/provinces/{province}': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}`],
  'POST /campaigns/{id}/provinces/{province}/enterprises': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/enterprises`, post({ code: spare[A.name] })],
  'POST /campaigns/{id}/provinces/{province}/cases/{code}/supervise': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/cases/${trader[A.name]}/supervise`, { method: 'POST' }],
  'GET /cases': () => ['/cases'],
  'GET /cases/{caseId}': () => [`/cases/${enc(caseOf(A.name))}`],
  'GET /tasks': () => ['/tasks'],
  'GET /tasks/{key}': () => [`/tasks/${enc(keyOf(probeTasks[0]))}`],
  'POST /tasks/{key}/complete': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/complete`, post({ completion })],
  'POST /tasks/{key}/assign': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/assign`, post({ staffId: find(A, 'tax', 'staff').key })],
  'POST /tasks/{key}/claim': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/claim`, { method: 'POST' }],
  'POST /tasks/{key}/release': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/release`, { method: 'POST' }],
  'GET /tasks/{key}/assignees': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/assignees`],
  'POST /tasks/{key}/cancel': () => [`/tasks/${enc(keyOf(probeTasks[0]))}/cancel`, post({ reason: 'issued in error' })],
  'GET /reports': () => ['/reports'],
  'GET /reports/{id}': () => [`/reports/${enc(reportIds.get(reportRefs[0].label)!)}`],
  'GET /reports/{id}/{format}': () => [`/reports/${enc(reportIds.get(reportRefs[0].label)!)}/json`],
  'POST /campaigns/{id}/provinces/{province}/reports': () => [`/campaigns/${campaignId}/provinces/${enc(A.name)}/reports`, post({ kind: 'annex2' })],
  'POST /campaigns/{id}/reports': () => [`/campaigns/${campaignId}/reports`, post({ kind: 'nationalSummary' })],
  'GET /dashboard': () => [`/dashboard?campaign=${campaignId}`],
  'GET /audit': () => ['/audit'],
  'GET /directory/agencies': () => ['/directory/agencies'],
  'POST /directory/agencies': () => ['/directory/agencies', post({ kind: 'tax', province: A.name, name: 'x', emails: [] })],
  'POST /directory/agencies/{id}': () => [`/directory/agencies/${A.code}-tax`, post({ name: 'x' })],
  'GET /directory/staff': () => ['/directory/staff'],
  'POST /directory/staff': () => ['/directory/staff', post({ name: 'x', email: 'x@campaign.example', agencyId: `${A.code}-tax`, role: 'staff' })],
  'POST /directory/staff/{id}': () => [`/directory/staff/${A.code}-tax-staff`, post({ name: 'x' })],
  'POST /directory/staff/{id}/disable': () => [`/directory/staff/${A.code}-tax-staff/disable`, { method: 'POST' }],
  'POST /directory/imports': () => ['/directory/imports?dryRun=true', { method: 'POST', headers: json, body: directoryFile([A]) }],
};

// The table may run ahead of the document (an endpoint not yet documented), never behind it.
test('the matrix names every authenticated operation of the OpenAPI document', async () => {
  const doc = (await (await fetch(`${h.baseUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  // Public operations (health probes, the document and its page) declare an empty security list.
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.security?.length !== 0)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
  expect(documented.filter((op) => !(op in requests))).toEqual([]);
});

describe.each(Object.keys(requests))('%s without a valid token', (endpoint) => {
  it.each([
    ['no Authorization header', undefined, 'sign in, or send an API token: Authorization: Bearer <token>', 'Bearer realm="rare-earth-campaign"'],
    ['an unknown token', 'Bearer not-a-real-token', 'unknown, expired or revoked token', 'Bearer realm="rare-earth-campaign", error="invalid_token"'],
  ])('%s → 401', async (_what, authorization, error, challenge) => {
    const [path, init = {}] = requests[endpoint]();
    const res = await fetch(`${h.baseUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(authorization ? { authorization } : {}) } });
    const answer = await audited(null, res, await res.json(), init.method);
    expect(answer).toEqual({ status: 401, body: { error } });
    expect(res.headers.get('www-authenticate')).toBe(challenge);
    expect(audits.get(answer)!.rows[0]).toMatchObject({ actorRole: null, credentialKind: authorization ? 'token' : null });
  });
});

// ---------------------------------------------------------------------------------------------
// Tasks: seesTask to read, actsOnTask to complete.

describe('GET /tasks/{key}', () => {
  it.each(cells(allTasks, (c, t) => verdict(rules.seesTask(c, t), rules.seesTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/tasks/${enc(keyOf(target))}`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { key: keyOf(target), agency: target.agency, province: target.province } });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}`));
  });
});

describe('POST /tasks/{key}/complete', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.actsOnTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const key = keyOf(target);
    const answer = await call(caller, `/tasks/${enc(key)}/complete`, post({ completion: v === 'allowed' ? invalidCompletion : completion }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid completion' } });
    else if (v === 'forbidden') expect(answer).toEqual({ status: 403, body: { error: 'you may not complete this task' } });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/complete`, post({ completion })));
    expect(await taskRow(key)).toEqual(untouched);
  });
});

describe('POST /tasks/{key}/assign', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.assignsTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const key = keyOf(target);
    // A staffId that is not a string fails the body schema, which is checked after permission; the
    // forbidden attempt names someone the task could really be given to.
    const assignee = callers.find((c) => c.role === 'staff' && c.agency === target.agency && c.province === target.province)!;
    const body = v === 'allowed' ? { staffId: 42 } : { staffId: assignee.key };
    const answer = await call(caller, `/tasks/${enc(key)}/assign`, post(body));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/assign`, post(body)));
    expect(await taskRow(key)).toEqual(untouched);
  });
});

describe('POST /tasks/{key}/claim', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.claimsTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const key = keyOf(target);
    const answer = await call(caller, `/tasks/${enc(key)}/claim`, { method: 'POST' });
    if (v === 'allowed') {
      // A claim has no body to fail: the permitted one takes the task and hands it straight back.
      expect(answer).toMatchObject({ status: 200, body: { key, assignee: { staffId: caller.staffId } } });
      expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'tasks.claim', objectId: key, before: { assigneeId: null }, after: { assigneeId: caller.staffId } });
      const released = await call(caller, `/tasks/${enc(key)}/release`, { method: 'POST' });
      expect(released).toMatchObject({ status: 200, body: { key, assignee: null } });
      expect(audits.get(released)!.rows[0]).toMatchObject({ action: 'tasks.release', before: { assigneeId: caller.staffId }, after: { assigneeId: null } });
    } else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/claim`, { method: 'POST' }));
    expect(await taskRow(key)).toEqual(untouched);
  });
});

describe('POST /tasks/{key}/release', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.claimsTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const key = keyOf(target);
    const answer = await call(caller, `/tasks/${enc(key)}/release`, { method: 'POST' });
    // The probe is nobody's: a permitted release is refused past the permission check.
    if (v === 'allowed') expect(answer).toMatchObject({ status: 409, body: { error: expect.stringContaining('not assigned to you') } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/release`, { method: 'POST' }));
    expect(await taskRow(key)).toEqual(untouched);
  });
});

describe('GET /tasks/{key}/assignees', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.assignsTask(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/tasks/${enc(keyOf(target))}/assignees`);
    if (v === 'allowed') {
      const ids = (answer.body as { items: { staffId: string }[] }).items.map((p) => p.staffId).sort();
      expect({ status: answer.status, ids }).toEqual({ status: 200, ids: [find(A, target.agency, 'agencyHead').staffId, find(A, target.agency, 'staff').staffId].sort() });
    } else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/assignees`));
  });
});

describe('POST /tasks/{key}/cancel', () => {
  it.each(cells(probeTasks, (c, t) => verdict(rules.seesTask(c, t), rules.coordinatesProvince(c, t.province))))('$title', async ({ caller, target, verdict: v }) => {
    const key = keyOf(target);
    // A permitted caller sends no reason, which the body schema refuses after the permission check.
    const body = v === 'allowed' ? { reason: '' } : { reason: 'issued in error' };
    const answer = await call(caller, `/tasks/${enc(key)}/cancel`, post(body));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else if (v === 'forbidden') expect(answer).toEqual({ status: 403, body: { error: 'only the provincial coordinator or MIIT may cancel a task' } });
    else await expectHidden(answer, call(caller, `/tasks/${enc(`${caseOf(target.province)}/no-such-task`)}/cancel`, post(body)));
    expect(await taskRow(key)).toEqual(untouched);
  });
});

describe('GET /tasks lists exactly the tasks the caller may see', () => {
  const variants = [
    { label: 'every task', query: '', province: undefined as string | undefined },
    { label: `tasks of the case in ${A.code}`, query: `&caseId=${enc(caseOf(A.name))}`, province: A.name },
  ];
  it.each(each(variants))('$title', async ({ caller, target }) => {
    const { items } = (await call(caller, `/tasks?pageSize=500${target.query}`)).body as { items: { key: string; agency: AgencyKind; province: string }[] };
    // Other objects (a case added later) may be listed too, but only if the caller may see them.
    const unseen = items.filter((t) => !rules.seesTask(caller, { label: t.key, agency: t.agency, province: t.province }));
    expect(unseen).toEqual([]);
    const expected = allTasks.filter((t) => (!target.province || t.province === target.province) && rules.seesTask(caller, t)).map(keyOf);
    expect(items.map((t) => t.key).filter((k) => [...taskKeys.values()].includes(k)).sort()).toEqual(expected.sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Cases: seesProvince, and inside a case only the tasks the caller may see.

describe('GET /cases/{caseId}', () => {
  it.each(cells([provinceRef(A), provinceRef(B)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))(
    '$title',
    async ({ caller, target, verdict: v }) => {
      const answer = await call(caller, `/cases/${enc(caseOf(target.province))}`);
      if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { caseId: caseOf(target.province), province: target.province } });
      else await expectHidden(answer, call(caller, `/cases/${enc(caseWorkflowId(campaignId, target.province, 'NO-SUCH-ENTERPRISE'))}`));
    },
  );

  // A task GET /tasks/{key} hides (404, "as if it did not exist") must not show up in its case.
  const seers = (p: ProvinceInfo) => callers.filter((c) => rules.seesProvince(c, p.name));
  it.each([...each([provinceRef(A)], seers(A)), ...each([provinceRef(B)], seers(B))])('$title: only the tasks the caller may see', async ({ caller, target }) => {
    const { body } = await call(caller, `/cases/${enc(caseOf(target.province))}`);
    const view = body as { tasks: { key: string }[]; timeline: { taskKey?: string }[] };
    const visible = allTasks.filter((t) => t.province === target.province && rules.seesTask(caller, t)).map(keyOf);
    expect(view.tasks.map((t) => t.key).sort()).toEqual([...visible].sort());
    expect(view.timeline.filter((e) => e.taskKey && !visible.includes(e.taskKey))).toEqual([]);
  });
});

describe('GET /cases lists exactly the cases of the provinces the caller sees', () => {
  const variants = [
    { label: 'the campaign', query: '', province: undefined as string | undefined },
    { label: `the campaign in ${A.code}`, query: `&province=${enc(A.name)}`, province: A.name },
  ];
  it.each(each(variants))('$title', async ({ caller, target }) => {
    const { items } = (await call(caller, `/cases?campaignId=${campaignId}${target.query}`)).body as { items: { caseId: string }[] };
    const expected = [A, B].filter((p) => (!target.province || p.name === target.province) && rules.seesProvince(caller, p.name)).map((p) => caseOf(p.name));
    // Cases added by the permitted-mutation tests below belong to B and are seen by B's callers and MIIT.
    expect(items.filter((i) => !rules.seesProvince(caller, i.caseId.split('/')[2]))).toEqual([]);
    expect(items.map((i) => i.caseId).filter((id) => id === caseOf(A.name) || id === caseOf(B.name)).sort()).toEqual(expected.sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Campaigns: seesProvince to read; coordinatesProvince to start and add; MIIT alone supervises.

describe('GET /campaigns/{id}/provinces/{province}', () => {
  it.each(cells([provinceRef(A), provinceRef(B)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))(
    '$title',
    async ({ caller, target, verdict: v }) => {
      const answer = await call(caller, `/campaigns/${campaignId}/provinces/${enc(target.province)}`);
      if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { campaignId, province: target.province, cases: [caseOf(target.province)] } });
      else await expectHidden(answer, call(caller, `/campaigns/${missingCampaign}/provinces/${enc(target.province)}`));
    },
  );
});

describe('POST /campaigns', () => {
  // Starting names no existing object, so there is nothing to hide: refused is always 403.
  const targets = [
    { label: `provinces [${A.code}]`, provinces: [A.name] },
    { label: `provinces [${A.code}, ${B.code}]`, provinces: [A.name, B.name] },
  ];
  const judge = (c: Caller, t: (typeof targets)[number]) => (t.provinces.every((p) => rules.coordinatesProvince(c, p)) ? 'allowed' : 'forbidden');
  it.each(cells(targets, judge))('$title', async ({ caller, target, verdict: v }) => {
    const enterprises = target.provinces.map((p) => trader[p]);
    if (v === 'allowed') {
      // Starting the running campaign again with its settings attaches to it: permitted, and nothing changes.
      const answer = await call(caller, '/campaigns', post({ id: campaignId, name: 'authz', provinces: target.provinces, daysPerSecond: 0.001, enterprises }));
      expect(answer).toMatchObject({ status: 200, body: { id: campaignId } });
      expect((await progressOf(A.name)).cases).toEqual([caseOf(A.name)]);
      return;
    }
    const id = `${campaignId}-x`;
    const answer = await call(caller, '/campaigns', post({ id, name: 'forbidden', provinces: target.provinces, enterprises }));
    expect(answer).toMatchObject({ status: 403 });
    expect(await h.prisma.campaign.findUnique({ where: { id } })).toBeNull();
    for (const p of target.provinces) await expect(h.client.workflow.getHandle(campaignWorkflowId(id, p)).describe()).rejects.toThrow();
  });
});

describe('POST /campaigns/{id}/provinces/{province}/enterprises', () => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.coordinatesProvince(c, t.province));
  it.each(cells([provinceRef(A)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string) => `/campaigns/${id}/provinces/${enc(target.province)}/enterprises`;
    if (v === 'allowed') {
      // An enterprise already listed: permitted, and answered without opening anything.
      const answer = await call(caller, path(campaignId), post({ code: trader[target.province] }));
      expect(answer).toEqual({ status: 200, body: { caseId: caseOf(target.province), added: false } });
    } else {
      const answer = await call(caller, path(campaignId), post({ code: spare[target.province] }));
      if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
      else await expectHidden(answer, call(caller, path(missingCampaign), post({ code: spare[target.province] })));
    }
    expect((await progressOf(target.province)).cases).toEqual([caseOf(target.province)]);
  });

  // An enterprise of another province is as unknown to the campaign as a code on file nowhere.
  const coordinatorsOfA = callers.filter((c) => rules.coordinatesProvince(c, A.name));
  it.each(each([{ label: `the spare trader of ${B.code} added in ${A.code}`, province: B.name }], coordinatorsOfA))('$title → hidden', async ({ caller }) => {
    const path = `/campaigns/${campaignId}/provinces/${enc(A.name)}/enterprises`;
    await expectHidden(await call(caller, path, post({ code: spare[B.name] })), call(caller, path, post({ code: unknownCode(A) })));
  });
});

describe('POST /campaigns/{id}/provinces/{province}/cases/{code}/supervise', () => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.supervises(c));
  it.each(cells([provinceRef(A)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string, code: string) => `/campaigns/${id}/provinces/${enc(target.province)}/cases/${code}/supervise`;
    // A malformed code is refused after the permission check, so nothing is signalled.
    const answer = await call(caller, path(campaignId, v === 'allowed' ? 'not-a-code' : trader[target.province]), { method: 'POST' });
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid enterprise code' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, path(missingCampaign, trader[target.province]), { method: 'POST' }));
    expect((await progressOf(target.province)).supervised).toEqual([]);
    expect((await h.client.workflow.getHandle(caseOf(target.province)).query(caseViewQuery)).supervised).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Enterprises: seesProvince, for the register and for each archive view.

describe('GET /enterprises lists exactly the provinces the caller sees', () => {
  const variants = [
    { label: 'no province asked', province: undefined as string | undefined },
    { label: `province ${A.code} asked`, province: A.name },
  ];
  it.each(each(variants))('$title', async ({ caller, target }) => {
    const { body } = await call(caller, `/enterprises?pageSize=500${target.province ? `&province=${enc(target.province)}` : ''}`);
    const { items, total } = body as { items: { province: string }[]; total: number };
    const listed = provinces.filter((p) => (!target.province || p.name === target.province) && rules.seesProvince(caller, p.name)).map((p) => p.name);
    // Counted in the database, not from the generator: the import below adds one to A.
    expect(total).toBe(await h.prisma.enterprise.count({ where: { provinceName: { in: listed } } }));
    expect(items.filter((e) => !rules.seesProvince(caller, e.province))).toEqual([]);
  });
});

describe.each([
  ['GET /enterprises/{code}', (code: string) => `/enterprises/${code}`, (code: string) => ({ enterprise: { code } })],
  ['GET /enterprises/{code}/checks', (code: string) => `/enterprises/${code}/checks`, () => ({ reviewWindow: { from: '2013-06-01', to: '2014-07-31' } })],
  ['GET /enterprises/{code}/versions/{version}', (code: string) => `/enterprises/${code}/versions/1`, () => ({ version: 1 })],
])('%s', (_endpoint, path, shape) => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province));
  it.each(cells([enterpriseRef(A), enterpriseRef(B)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, path(target.code));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: shape(target.code) });
    else await expectHidden(answer, call(caller, path(unknownCode(A))));
  });
});

// ---------------------------------------------------------------------------------------------
// Templates are blank forms for anyone; imports are the industry department's, the coordinator's
// and MIIT's, each for their own province.

describe('GET /templates/{file}', () => {
  it.each(each([{ label: `the annex 1 template for the campaign`, provinces: [A.name, B.name] }]))('$title → allowed', async ({ caller }) => {
    const res = await h.as(h.tokens[caller.key])(`/templates/annex1.xlsx?campaign=${campaignId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('POST /imports', () => {
  const targets = [
    { label: `an annex 1 of ${A.code}`, provinces: [A.name], file: annex1([{ code: newCode(A, 1), province: A }]) },
    { label: `an annex 1 of ${A.code} and ${B.code}`, provinces: [A.name, B.name], file: annex1([{ code: newCode(A, 1), province: A }, { code: newCode(B, 1), province: B }]) },
  ];
  // Records name their provinces in the open, so a refusal has nothing to hide: 403.
  const judge = (c: Caller, t: (typeof targets)[number]) => (t.provinces.every((p) => rules.submitsRecordsFor(c, p)) ? 'allowed' : 'forbidden');
  it.each(cells(targets, judge))('$title', async ({ caller, target, verdict: v }) => {
    // A dry run is checked exactly like an import and writes nothing.
    const res = await h.as(h.tokens[caller.key])(`/imports?fileName=authz.json&dryRun=${v === 'allowed'}`, { method: 'POST', headers: json, body: target.file });
    const answer = await audited(caller, res, await res.json(), 'POST');
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { dryRun: true, enterprises: target.provinces.length } });
    else expect(answer).toMatchObject({ status: 403 });
    expect(await h.prisma.enterprise.count({ where: { code: { in: [newCode(A, 1), newCode(B, 1)] } } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Tips: anyone may submit; MIIT, the province and the submitter may read.

describe('POST /tips', () => {
  it.each(each([{ label: `a tip about ${A.code}`, province: A.name }]))('$title → allowed', async ({ caller, target }) => {
    const answer = await call(caller, '/tips', post({ source: 'hotline', text: caller.key, province: target.province, receivedAt: '2014-10-12T09:00:00+08:00' }));
    expect(answer).toMatchObject({ status: 201, body: { recordedBy: caller.email, province: target.province } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'tips.submit', objectType: 'tip', objectId: (answer.body as { id: string }).id, province: target.province });
  });

  // An Idempotency-Key is its submitter's own: the submitter reusing it for another tip is refused
  // (422), anyone else reusing the key makes a tip of their own and learns nothing of the first.
  const target = tipRefs[0];
  it.each(each([{ ...target, label: `the Idempotency-Key of ${target.label}` }]))('$title → own tip', async ({ caller }) => {
    const answer = await call(caller, '/tips', post({ source: 'hotline', text: 'again', province: target.province!, receivedAt: '2014-10-12T09:00:00+08:00' }, { 'idempotency-key': usedTipKey }));
    const original = tipIds.get(target.label)!;
    if (caller.email === target.submitter.email) expect(answer).toMatchObject({ status: 422 });
    else expect(answer).toMatchObject({ status: 201, body: { recordedBy: caller.email, text: 'again' } });
    expect(await h.prisma.tip.findUniqueOrThrow({ where: { id: original } })).toMatchObject({ recordedBy: target.submitter.email, text: target.label });
  });
});

describe('GET /tips lists exactly the tips the caller sees', () => {
  it.each(each([{ label: 'the tips' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, '/tips?pageSize=500');
    const known = new Set(tipIds.values());
    const listed = (answer.body as { items: { id: string }[] }).items.map((t) => t.id).filter((id) => known.has(id));
    const expected = tipRefs.filter((t) => rules.seesTip(caller, t)).map((t) => tipIds.get(t.label)!);
    expect({ status: answer.status, ids: listed.sort() }).toEqual({ status: 200, ids: expected.sort() });
  });
});

describe('GET /tips/{id}', () => {
  it.each(cells(tipRefs, (c, t) => verdict(rules.seesTip(c, t), rules.seesTip(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const id = tipIds.get(target.label)!;
    const answer = await call(caller, `/tips/${enc(id)}`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { id, recordedBy: target.submitter.email } });
    else await expectHidden(answer, call(caller, '/tips/no-such-tip'));
  });
});

// ---------------------------------------------------------------------------------------------
// API tokens: everyone issues, lists and revokes their own; someone else's token is hidden.

describe('GET /auth/me', () => {
  it.each(each([{ label: 'themselves' }]))('$title → allowed', async ({ caller }) => {
    const answer = await call(caller, '/auth/me');
    // The inbox offers 导入 by mayImportRecords: it must say what POST /imports does for the caller's own province.
    const mayImportRecords = caller.province === null ? isMiit(caller) : rules.submitsRecordsFor(caller, caller.province);
    expect(answer).toMatchObject({ status: 200, body: { staffId: caller.staffId, email: caller.email, role: caller.role, province: caller.province, mayImportRecords, credential: { kind: 'token' } } });
    expect(answer.body).not.toHaveProperty('csrfToken');
  });
});

describe('POST /auth/sign-out', () => {
  // Sign-out ends the caller's own session: with an API token there is none, for anyone.
  it.each(each([{ label: 'their own session' }]))('$title → 422 with a token', async ({ caller }) => {
    expect(await call(caller, '/auth/sign-out', { method: 'POST' })).toMatchObject({ status: 422 });
  });
});

describe('POST /auth/tokens', () => {
  it.each(each([{ label: 'a token of their own' }]))('$title → allowed', async ({ caller }) => {
    const before = await h.prisma.apiToken.count();
    // A name of spaces fails the body schema, which is checked after authentication: nothing is issued.
    expect(await call(caller, '/auth/tokens', post({ name: '  ' }))).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    expect(await h.prisma.apiToken.count()).toBe(before);
  });
});

describe('GET /auth/tokens lists exactly the caller\'s own tokens', () => {
  it.each(each([{ label: 'their tokens' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, '/auth/tokens');
    const own = await h.prisma.apiToken.findMany({ where: { staffId: caller.staffId }, select: { id: true } });
    expect({ status: answer.status, ids: (answer.body as { items: { id: string }[] }).items.map((t) => t.id).sort() }).toEqual({ status: 200, ids: own.map((t) => t.id).sort() });
  });
});

describe('POST /auth/tokens/{id}/revoke', () => {
  const targets = [find(A, 'tax', 'staff'), miit].map((holder) => ({ label: `the demo token of ${holder.key}`, holder, province: holder.province }));
  // Only a token's holder may revoke it, and nobody learns whether another's token id exists.
  const judge = (c: Caller, t: (typeof targets)[number]) => (c === t.holder ? 'allowed' : 'hidden');
  // Revoking one's own token is a permitted change, made at the end on a token of its own.
  it.each(cells(targets, judge).filter((cell) => cell.verdict !== 'allowed'))('$title', async ({ caller, target }) => {
    const id = `demo_${target.holder.staffId}`;
    await expectHidden(await call(caller, `/auth/tokens/${enc(id)}/revoke`, { method: 'POST' }), call(caller, '/auth/tokens/no-such-token/revoke', { method: 'POST' }));
    expect(await h.prisma.apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Reports: coordinators and MIIT only; a province's reports are its coordinator's and MIIT's.

describe('GET /reports lists exactly the reports the caller may see', () => {
  // Listing names no object, so other roles are refused outright (403) rather than shown nothing.
  const reader = (c: Caller) => c.role === 'provincialCoordinator' || isMiit(c);
  it.each(each([{ label: 'every report' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, `/reports?campaign=${campaignId}&pageSize=500`);
    if (reader(caller)) {
      const ids = (answer.body as { items: { id: string }[] }).items.map((r) => r.id);
      expect({ status: answer.status, ids: ids.sort() }).toEqual({ status: 200, ids: reportRefs.filter((r) => rules.seesReport(caller, r)).map((r) => reportIds.get(r.label)!).sort() });
    } else {
      expect(answer).toMatchObject({ status: 403 });
    }
  });
});

describe.each([
  ['GET /reports/{id}', (id: string) => `/reports/${enc(id)}`],
  ['GET /reports/{id}/{format}', (id: string) => `/reports/${enc(id)}/json`],
])('%s', (_endpoint, path) => {
  it.each(cells(reportRefs, (c, r) => verdict(rules.seesReport(c, r), rules.seesReport(c, r))))('$title', async ({ caller, target, verdict: v }) => {
    const res = await h.as(h.tokens[caller.key])(path(reportIds.get(target.label)!));
    const answer = await audited(caller, res, await res.json());
    if (v === 'allowed') expect(answer.status).toBe(200);
    else await expectHidden(answer, call(caller, path('no-such-report')));
  });
});

describe('POST /campaigns/{id}/provinces/{province}/reports', () => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.coordinatesProvince(c, t.province));
  it.each(cells([provinceRef(A)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string) => `/campaigns/${id}/provinces/${enc(target.province)}/reports`;
    const before = await h.prisma.report.count();
    // An unknown kind fails the body schema, which is checked after permission: nothing is drafted.
    const answer = await call(caller, path(campaignId), post({ kind: v === 'allowed' ? 'no-such-kind' : 'annex2' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, path(missingCampaign), post({ kind: 'annex2' })));
    expect(await h.prisma.report.count()).toBe(before);
  });
});

describe('GET /dashboard', () => {
  // A province is no object to hide: the figures of one not coordinated are refused (403), as the report list does.
  // Naming no province, MIIT gets the national figures and a provincial coordinator their own province's.
  const national = { label: 'no province named', province: null };
  const shown = (c: Caller, t: { province: string | null }) => (t.province ?? (isMiit(c) ? null : c.province));
  const judge = (c: Caller, t: { province: string | null }) => {
    const province = shown(c, t);
    return (province === null ? isMiit(c) : rules.coordinatesProvince(c, province)) ? 'allowed' : 'forbidden';
  };
  it.each(cells([provinceRef(A), national], judge))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/dashboard?campaign=${campaignId}${target.province ? `&province=${enc(target.province)}` : ''}`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { campaignId, province: shown(caller, target) } });
    else expect(answer).toMatchObject({ status: 403 });
  });
});

// Typical cases (典型案件): a province's candidates are seen by whoever sees the province, designated
// by its coordinator (and MIIT); the count across provinces is MIIT's alone.

describe('GET /campaigns/{id}/provinces/{province}/typical-cases', () => {
  it.each(cells([provinceRef(A), provinceRef(B)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string) => `/campaigns/${id}/provinces/${enc(target.province)}/typical-cases`;
    const answer = await call(caller, path(campaignId));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { quota: { min: 2, max: 3 }, designated: [] } });
    else await expectHidden(answer, call(caller, path(missingCampaign)));
  });
});

describe('POST /campaigns/{id}/provinces/{province}/typical-cases', () => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.coordinatesProvince(c, t.province));
  it.each(cells([provinceRef(A)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string) => `/campaigns/${id}/provinces/${enc(target.province)}/typical-cases`;
    // A malformed credit code fails the body schema, which is checked after permission: nothing is designated.
    const answer = await call(caller, path(campaignId), post({ enterpriseCode: v === 'allowed' ? 'not-a-code' : trader[target.province] }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid designation' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, path(missingCampaign), post({ enterpriseCode: trader[target.province] })));
    expect(await h.prisma.typicalCase.count()).toBe(0);
  });
});

describe('POST /campaigns/{id}/provinces/{province}/typical-cases/{code}/withdraw', () => {
  const judge = (c: Caller, t: { province: string }) => verdict(rules.seesProvince(c, t.province), rules.coordinatesProvince(c, t.province));
  it.each(cells([provinceRef(A)], judge))('$title', async ({ caller, target, verdict: v }) => {
    const path = (id: string) => `/campaigns/${id}/provinces/${enc(target.province)}/typical-cases/${trader[target.province]}/withdraw`;
    // Nothing is designated here: past the permission check, the withdrawal finds no designation.
    const answer = await call(caller, path(campaignId), post({ reason: 'probe' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 404, body: { error: expect.stringContaining('is not a typical case') } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, path(missingCampaign), post({ reason: 'probe' })));
  });
});

describe('GET /campaigns/{id}/typical-cases', () => {
  it.each(cells([{ label: 'the quota across provinces', province: null }], (c) => (isMiit(c) ? 'allowed' : 'forbidden')))('$title', async ({ caller, verdict: v }) => {
    const answer = await call(caller, `/campaigns/${campaignId}/typical-cases`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: expect.arrayContaining([{ province: A.name, designated: 0, min: 2, max: 3, met: false }]) });
    else expect(answer).toMatchObject({ status: 403 });
  });
});

// Joint inspections (联合检查组): MIIT's to schedule and record; seen by whoever sees the province.

/** An inspection of A on file, its findings never recorded: every cell only probes it. */
const probeInspection = `authz-inspection-${campaignId}`;
describe('joint inspections', () => {
  beforeAll(async () => {
    await h.prisma.jointInspection.create({ data: { id: probeInspection, campaignId, provinceName: A.name, startsOn: new Date('2014-12-01'), endsOn: new Date('2014-12-05'), members: [{ agency: 'miit', name: '王五' }], scheduledBy: miit.email } });
  });
  const inspections = (id: string, p: string) => `/campaigns/${id}/provinces/${enc(p)}/inspections`;
  const unrecorded = async () => expect(await h.prisma.jointInspection.findUniqueOrThrow({ where: { id: probeInspection } })).toMatchObject({ recordedAt: null });

  describe('GET /campaigns/{id}/provinces/{province}/inspections', () => {
    it.each(cells([provinceRef(A), provinceRef(B)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))('$title', async ({ caller, target, verdict: v }) => {
      const answer = await call(caller, inspections(campaignId, target.province));
      if (v === 'allowed') expect({ status: answer.status, ids: (answer.body as { id: string }[]).map((i) => i.id) }).toEqual({ status: 200, ids: target.province === A.name ? [probeInspection] : [] });
      else await expectHidden(answer, call(caller, inspections(missingCampaign, target.province)));
    });
  });

  describe('POST /campaigns/{id}/provinces/{province}/inspections', () => {
    it.each(cells([provinceRef(A)], (c, t) => verdict(rules.seesProvince(c, t.province), isMiit(c))))('$title', async ({ caller, target, verdict: v }) => {
      const before = await h.prisma.jointInspection.count();
      // An inspection with no members fails the body schema, checked after permission: nothing is scheduled.
      const plan = { from: '2014-12-01', to: '2014-12-02', members: v === 'allowed' ? [] : [{ agency: 'miit', name: 'x' }] };
      const answer = await call(caller, inspections(campaignId, target.province), post(plan));
      if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid inspection' } });
      else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
      else await expectHidden(answer, call(caller, inspections(missingCampaign, target.province), post(plan)));
      expect(await h.prisma.jointInspection.count()).toBe(before);
    });
  });

  describe('GET /inspections/{id}', () => {
    it.each(cells([provinceRef(A)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))('$title', async ({ caller, verdict: v }) => {
      const answer = await call(caller, `/inspections/${probeInspection}`);
      if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { id: probeInspection, province: A.name } });
      else await expectHidden(answer, call(caller, '/inspections/no-such-inspection'));
    });
  });

  describe('POST /inspections/{id}/findings', () => {
    it.each(cells([provinceRef(A)], (c, t) => verdict(rules.seesProvince(c, t.province), isMiit(c))))('$title', async ({ caller, verdict: v }) => {
      // Findings without their text fail the body schema, checked after permission: nothing is recorded.
      const answer = await call(caller, `/inspections/${probeInspection}/findings`, post(v === 'allowed' ? {} : { findings: 'probe' }));
      if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid findings' } });
      else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
      else await expectHidden(answer, call(caller, '/inspections/no-such-inspection/findings', post({ findings: 'probe' })));
      await unrecorded();
    });
  });
});

describe('POST /campaigns/{id}/reports', () => {
  // The roll-up is national: there is no province to be out of, so a refusal is a plain 403.
  it.each(cells([{ label: 'the national summary', province: null }], (c) => (isMiit(c) ? 'allowed' : 'forbidden')))('$title', async ({ caller, verdict: v }) => {
    const before = await h.prisma.report.count();
    const answer = await call(caller, `/campaigns/${campaignId}/reports`, post({ kind: v === 'allowed' ? 'no-such-kind' : 'nationalSummary' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else expect(answer).toMatchObject({ status: 403 });
    expect(await h.prisma.report.count()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// The audit trail: MIIT and discipline inspection read all of it, a provincial coordinator their
// own province's, nobody else any.

describe('GET /audit', () => {
  const readsAll = (c: Caller) => isMiit(c) || c.role === 'disciplineInspection';
  it.each(each([provinceRef(A)]))('$title', async ({ caller, target }) => {
    const answer = await call(caller, `/audit?pageSize=500&province=${enc(target.province)}`);
    if (!readsAll(caller) && caller.role !== 'provincialCoordinator') return expect(answer).toMatchObject({ status: 403 });
    const { items } = answer.body as { items: { province: string | null }[] };
    expect(answer.status).toBe(200);
    expect(items.length > 0).toBe(readsAll(caller) || caller.province === target.province);
    expect(items.filter((r) => r.province !== target.province)).toEqual([]);
    if (readsAll(caller)) return;
    const own = (await call(caller, '/audit?pageSize=500')).body as { items: { province: string | null }[] };
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.filter((r) => r.province !== caller.province)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The directory: administrators only; MIIT's everywhere, a province's its own. Reading and
// writing alike are refused to everyone else (403); another province's entries are hidden (404).

const agencyOf = (p: ProvinceInfo) => ({ label: `the tax office of ${p.code}`, province: p.name, id: `${p.code}-tax` });
const staffOfA = (p: ProvinceInfo) => ({ label: `the tax staff of ${p.code}`, province: p.name, id: `${p.code}-tax-staff` });
const isAdministrator = (c: Caller) => c.role === 'administrator';
const directoryVerdict = (c: Caller, t: { province: string | null }) => (!isAdministrator(c) ? 'forbidden' : rules.administersDirectory(c, t.province) ? 'allowed' : 'hidden');
const versionOf = async (t: { id: string }) => (await h.prisma.agency.findUnique({ where: { id: t.id }, select: { currentVersion: true } }))?.currentVersion ?? (await h.prisma.staffUser.findUniqueOrThrow({ where: { id: t.id }, select: { currentVersion: true } })).currentVersion;
const notAdministrator = { status: 403, body: { error: 'only directory administrators read or write the directory' } };

describe.each([
  ['GET /directory/agencies', '/directory/agencies'],
  ['GET /directory/staff', '/directory/staff'],
])('%s lists exactly what the caller administers', (_endpoint, path) => {
  it.each(each([{ label: 'everything' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, `${path}?pageSize=500`);
    if (!isAdministrator(caller)) return expect(answer).toEqual(notAdministrator);
    const items = (answer.body as { items: { id: string; province: string | null }[] }).items;
    expect(answer.status).toBe(200);
    expect(items.filter((i) => !rules.administersDirectory(caller, i.province))).toEqual([]);
    const expected = [A, B].filter((p) => rules.administersDirectory(caller, p.name)).map((p) => (path.endsWith('agencies') ? agencyOf(p) : staffOfA(p)).id);
    expect(items.map((i) => i.id).filter((id) => [A, B].some((p) => id === agencyOf(p).id || id === staffOfA(p).id)).sort()).toEqual(expected.sort());
  });
});

describe('POST /directory/agencies', () => {
  // The office exists: a permitted caller gets 409 and nothing changes; naming a province is open, so a refusal is 403.
  it.each(cells([agencyOf(A)], (c, t) => (rules.administersDirectory(c, t.province) ? 'allowed' : 'forbidden')))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, '/directory/agencies', post({ kind: 'tax', province: target.province, name: '授权测试', emails: [] }));
    expect(answer).toMatchObject({ status: v === 'allowed' ? 409 : 403 });
    expect(await versionOf(target)).toBe(1);
  });
});

describe('POST /directory/agencies/{id}', () => {
  it.each(cells([agencyOf(A), agencyOf(B)], directoryVerdict))('$title', async ({ caller, target, verdict: v }) => {
    // An empty name fails the body schema, which is checked after the office is found in scope.
    const answer = await call(caller, `/directory/agencies/${target.id}`, post({ name: v === 'allowed' ? '' : '授权测试' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else if (v === 'forbidden') expect(answer).toEqual(notAdministrator);
    else await expectHidden(answer, call(caller, '/directory/agencies/no-such-office', post({ name: '授权测试' })));
    expect(await versionOf(target)).toBe(1);
  });
});

describe('POST /directory/staff', () => {
  // The email is taken: a permitted caller gets 409. An office outside the caller's directory is
  // answered like one that does not exist (422), whichever province it is in.
  it.each(cells([agencyOf(A)], directoryVerdict))('$title', async ({ caller, target, verdict: v }) => {
    const before = await h.prisma.staffUser.count();
    const answer = await call(caller, '/directory/staff', post({ name: '授权测试', email: staffOfA(A).id + '@campaign.example', agencyId: target.id, role: 'staff' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 409 });
    else if (v === 'forbidden') expect(answer).toEqual(notAdministrator);
    else expect(answer).toMatchObject({ status: 422, body: { error: 'no such office in your directory' } });
    expect(await h.prisma.staffUser.count()).toBe(before);
  });
});

describe('POST /directory/staff/{id}', () => {
  it.each(cells([staffOfA(A), staffOfA(B)], directoryVerdict))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/directory/staff/${target.id}`, post({ mobile: v === 'allowed' ? 'not a number' : '13900000000' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    else if (v === 'forbidden') expect(answer).toEqual(notAdministrator);
    else await expectHidden(answer, call(caller, '/directory/staff/no-such-person', post({ mobile: '13900000000' })));
    expect(await versionOf(target)).toBe(1);
  });
});

describe('POST /directory/staff/{id}/disable', () => {
  // Only the already disabled are probed: a permitted disabling of them changes nothing.
  it.each(cells([formerOf(A), formerOf(B)], directoryVerdict))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/directory/staff/${target.id}/disable`, { method: 'POST' });
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { tasksReturned: 0, staff: { id: target.id, active: false } } });
    else if (v === 'forbidden') expect(answer).toEqual(notAdministrator);
    else await expectHidden(answer, call(caller, '/directory/staff/no-such-person/disable', { method: 'POST' }));
    expect(await versionOf(target)).toBe(1);
  });
});

describe('POST /directory/imports', () => {
  const targets = [
    { label: `a directory of ${A.code}`, provinces: [A.name], of: [A] },
    { label: `a directory of ${A.code} and ${B.code}`, provinces: [A.name, B.name], of: [A, B] },
  ];
  // A file names its provinces in the open: a refusal is 403.
  const judge = (c: Caller, t: (typeof targets)[number]) => (t.provinces.every((p) => rules.administersDirectory(c, p)) ? 'allowed' : 'forbidden');
  it.each(cells(targets, judge))('$title', async ({ caller, target, verdict: v }) => {
    const res = await h.as(h.tokens[caller.key])(`/directory/imports?fileName=authz.json&dryRun=${v === 'allowed'}`, { method: 'POST', headers: json, body: directoryFile(target.of) });
    const answer = await audited(caller, res, await res.json(), 'POST');
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { dryRun: true, rows: { agencies: target.of.length } } });
    else expect(answer).toMatchObject({ status: 403 });
    for (const p of target.of) expect(await versionOf(agencyOf(p))).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Tip triage and cross-province referrals: the coordinators' work across provinces.

describe('POST /tips/{id}/triage', () => {
  it.each(cells(tipRefs, (c, t) => verdict(rules.seesTip(c, t), rules.triagesTip(c, t))))('$title', async ({ caller, target, verdict: v }) => {
    const id = tipIds.get(target.label)!;
    // An unknown action fails the triage schema, which is checked after permission: nothing is decided.
    const answer = await call(caller, `/tips/${enc(id)}/triage`, post(v === 'allowed' ? { action: 'forget' } : { action: 'close', reason: 'probe' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid triage' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, '/tips/no-such-tip/triage', post({ action: 'close', reason: 'probe' })));
    expect(await h.prisma.tip.findUniqueOrThrow({ where: { id }, select: { triagedAt: true } })).toEqual({ triagedAt: null });
  });
});

const referralState = (ref: ReferralRef) => h.prisma.referral.findUniqueOrThrow({ where: { id: referralIds.get(ref.label) }, select: { state: true } }).then((r) => r.state);

describe('POST /referrals', () => {
  // The reporting province is named in the body: a refusal is 403, and nothing is recorded.
  it.each(cells([provinceRef(A)], (c, t) => (rules.seesProvince(c, t.province) ? 'allowed' : 'forbidden')))('$title', async ({ caller, target, verdict: v }) => {
    const before = await h.prisma.referral.count();
    // A campaign that does not exist is looked up after permission: a 404 shows the gate was passed.
    const answer = await call(caller, '/referrals', post(referralSubmission(target.province === A.name ? A : B, v === 'allowed' ? missingCampaign : campaignId)));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 404 });
    else expect(answer).toMatchObject({ status: 403 });
    expect(await h.prisma.referral.count()).toBe(before);
  });
});

describe('GET /referrals lists exactly the referrals of the provinces the caller sees', () => {
  it.each(each([{ label: 'the referrals' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, `/referrals?campaignId=${campaignId}&pageSize=500`);
    const mine = (answer.body as { items: { id: string }[] }).items.map((r) => r.id);
    const expected = [reportedReferral, routedReferral].filter((r) => rules.seesReferral(caller, r)).map((r) => referralIds.get(r.label));
    expect({ status: answer.status, ids: mine.sort() }).toEqual({ status: 200, ids: expected.sort() });
  });
});

describe('GET /referrals/{id}', () => {
  it.each(cells([reportedReferral, routedReferral], (c, r) => verdict(rules.seesReferral(c, r), rules.seesReferral(c, r))))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/referrals/${enc(referralIds.get(target.label)!)}`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 200, body: { id: referralIds.get(target.label), fromProvince: target.fromProvince } });
    else await expectHidden(answer, call(caller, '/referrals/no-such-referral'));
  });
});

describe('POST /referrals/{id}/route', () => {
  it.each(cells([reportedReferral], (c, r) => verdict(rules.seesReferral(c, r), isMiit(c))))('$title', async ({ caller, target, verdict: v }) => {
    const id = referralIds.get(target.label)!;
    const answer = await call(caller, `/referrals/${enc(id)}/route`, post(v === 'allowed' ? { decision: 'forward' } : { decision: 'close', reason: 'probe' }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid routing' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, '/referrals/no-such-referral/route', post({ decision: 'close', reason: 'probe' })));
    expect(await referralState(target)).toBe('reported');
  });
});

describe('POST /referrals/{id}/accept', () => {
  it.each(cells([routedReferral], (c, r) => verdict(rules.seesReferral(c, r), rules.coordinatesProvince(c, r.toProvince!))))('$title', async ({ caller, target, verdict: v }) => {
    const id = referralIds.get(target.label)!;
    const answer = await call(caller, `/referrals/${enc(id)}/accept`, post(v === 'allowed' ? { action: 'forget' } : { action: 'addToCampaign', enterpriseCode: spare[B.name] }));
    if (v === 'allowed') expect(answer).toMatchObject({ status: 400, body: { error: 'invalid acceptance' } });
    else if (v === 'forbidden') expect(answer).toMatchObject({ status: 403 });
    else await expectHidden(answer, call(caller, '/referrals/no-such-referral/accept', post({ action: 'addToCampaign', enterpriseCode: spare[B.name] })));
    expect(await referralState(target)).toBe('routed');
  });
});

describe('GET /cases/{caseId}/trace', () => {
  // The trader exports nothing: where the case is seen, the answer says there is no trace of it.
  it.each(cells([provinceRef(A), provinceRef(B)], (c, t) => verdict(rules.seesProvince(c, t.province), rules.seesProvince(c, t.province))))('$title', async ({ caller, target, verdict: v }) => {
    const answer = await call(caller, `/cases/${enc(caseOf(target.province))}/trace`);
    if (v === 'allowed') expect(answer).toMatchObject({ status: 404, body: { error: expect.stringContaining('no trace of this case') } });
    else await expectHidden(answer, call(caller, `/cases/${enc(caseWorkflowId(campaignId, target.province, 'NO-SUCH-ENTERPRISE'))}/trace`));
  });
});

// ---------------------------------------------------------------------------------------------
// Saved inbox filters and live updates: everyone's own.

describe('GET /me/filters lists exactly the caller\'s own filters', () => {
  it.each(each([{ label: 'their filters' }]))('$title', async ({ caller }) => {
    const answer = await call(caller, '/me/filters');
    const ids = (answer.body as { items: { id: string }[] }).items.map((f) => f.id);
    expect({ status: answer.status, ids }).toEqual({ status: 200, ids: caller === filterOwner() ? [savedFilterId] : [] });
  });
});

describe('POST /me/filters', () => {
  it.each(each([{ label: 'a filter of their own' }]))('$title → allowed', async ({ caller }) => {
    const before = await h.prisma.savedFilter.count();
    // A filter GET /tasks would refuse fails the body schema, checked after authentication: nothing is saved.
    expect(await call(caller, '/me/filters', post({ name: 'x', filter: { status: 'lost' } }))).toMatchObject({ status: 400 });
    expect(await h.prisma.savedFilter.count()).toBe(before);
  });
});

describe('DELETE /me/filters/{id}', () => {
  // Someone else's filter is hidden; deleting one's own is a permitted change, made at the end.
  it.each(each([{ label: `the saved filter of ${filterOwner().key}`, province: A.name }]).filter((cell) => cell.caller !== filterOwner()))('$title → hidden', async ({ caller }) => {
    await expectHidden(await call(caller, `/me/filters/${enc(savedFilterId)}`, { method: 'DELETE' }), call(caller, '/me/filters/no-such-filter', { method: 'DELETE' }));
    expect(await h.prisma.savedFilter.count({ where: { id: savedFilterId } })).toBe(1);
  });
});

describe('GET /events', () => {
  it.each(each([{ label: 'the events of their scope' }]))('$title → allowed', async ({ caller }) => {
    const stop = new AbortController();
    const res = await h.as(h.tokens[caller.key])('/events', { signal: stop.signal });
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
    stop.abort();
    // A stream that answered is a read: it leaves no audit row.
    expect(await h.prisma.auditEvent.count({ where: { requestId: res.headers.get('x-request-id')! } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The permitted changes, each on an object no cell above looks at.

describe('permitted changes take effect', () => {
  // Before its completion below: only an open task can be assigned.
  test(`the commerce head of ${A.code} assigns the commerce task of ${A.code} to its staff`, async () => {
    const task = keyOf(taskRef(A, 'commerce'));
    const staffId = find(A, 'commerce', 'staff').key;
    const answer = await call(find(A, 'commerce', 'agencyHead'), `/tasks/${enc(task)}/assign`, post({ staffId }));
    expect(answer).toMatchObject({ status: 200, body: { key: task, assignee: { staffId } } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'tasks.assign', objectType: 'task', objectId: task, province: A.name, before: { assigneeId: null }, after: { assigneeId: staffId }, updateId: null });
    expect(await taskRow(task)).toMatchObject({ status: 'open', assigneeId: staffId });
  });

  it.each([
    { caller: find(A, 'commerce', 'staff'), task: taskRef(A, 'commerce') },
    { caller: find(B, 'tax', 'agencyHead'), task: taskRef(B, 'tax') },
    { caller: find(B, 'industry', 'provincialCoordinator'), task: taskRef(B, 'commerce') },
    { caller: miit, task: taskRef(B, 'industry') },
  ].map((r) => ({ ...r, title: `${r.caller.role} ${r.caller.key} completes ${r.task.label} · ${scopeOf(r.caller, r.task)}` })))('$title', async ({ caller, task }) => {
    const answer = await call(caller, `/tasks/${enc(keyOf(task))}/complete`, post({ completion }));
    expect(answer).toMatchObject({ status: 200, body: { taskKey: keyOf(task), completedBy: caller.email } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({
      action: 'tasks.complete',
      objectType: 'task',
      objectId: keyOf(task),
      province: task.province,
      before: { status: 'open' },
      after: { status: 'completed', completedBy: caller.email },
      updateId: expect.stringContaining(staffIdOf(caller)),
    });
    expect(await taskRow(keyOf(task))).toMatchObject({ status: 'completed', completedBy: caller.email });
  });

  test(`MIIT puts the case in ${B.code} under supervision`, async () => {
    const answer = await call(miit, `/campaigns/${campaignId}/provinces/${enc(B.name)}/cases/${trader[B.name]}/supervise`, { method: 'POST' });
    expect(answer).toEqual({ status: 202, body: { caseId: caseOf(B.name), supervised: true } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'campaigns.supervise', objectType: 'case', objectId: caseOf(B.name), province: B.name, after: { supervised: true } });
    await waitFor('the case to be supervised', async () => ((await h.client.workflow.getHandle(caseOf(B.name)).query(caseViewQuery)).supervised ? true : undefined));
  });

  test(`${B.code}'s coordinator adds an enterprise of ${B.code} to the campaign`, async () => {
    const answer = await call(find(B, 'industry', 'provincialCoordinator'), `/campaigns/${campaignId}/provinces/${enc(B.name)}/enterprises`, post({ code: spare[B.name] }));
    const added = caseWorkflowId(campaignId, B.name, spare[B.name]);
    expect(answer).toEqual({ status: 201, body: { caseId: added, added: true } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'campaigns.addEnterprise', objectId: `${campaignId}/${B.name}`, after: { enterpriseCode: spare[B.name], added: true }, updateId: expect.any(String) });
    expect((await progressOf(B.name)).cases).toEqual(expect.arrayContaining([caseOf(B.name), added]));
  });

  test(`the tax staff of ${A.code} issue a token, use it, and revoke it`, async () => {
    const holder = find(A, 'tax', 'staff');
    const issued = await call(holder, '/auth/tokens', post({ name: 'authz', expiresInDays: 1 }));
    expect(issued).toMatchObject({ status: 201, body: { name: 'authz', revokedAt: null } });
    const { id, token } = issued.body as { id: string; token: string };
    expect((await h.as(token)('/auth/tokens')).status).toBe(200);
    expect(await call(holder, `/auth/tokens/${enc(id)}/revoke`, post({}))).toMatchObject({ status: 200, body: { id, revokedAt: expect.any(String) } });
    expect((await h.as(token)('/auth/tokens')).status).toBe(401);
  });

  test(`${A.code}'s administrator changes the addresses of ${A.code}'s commerce office`, async () => {
    const answer = await call(find(A, 'industry', 'administrator'), `/directory/agencies/${A.code}-commerce`, post({ emails: ['commerce@authz.example.cn'] }));
    expect(answer).toMatchObject({ status: 200, body: { emails: ['commerce@authz.example.cn'], version: 2, updatedBy: find(A, 'industry', 'administrator').key } });
  });

  test(`MIIT's administrator disables the tax head of ${B.code}, whose token then stops working`, async () => {
    const head = find(B, 'tax', 'agencyHead');
    expect(await call(miitAdministrator, `/directory/staff/${head.key}/disable`, { method: 'POST' })).toMatchObject({ status: 200, body: { staff: { active: false } } });
    expect(await call(head, '/tasks')).toEqual({ status: 401, body: { error: 'unknown, expired or revoked token' } });
  });

  test(`${A.code}'s coordinator closes the tip about ${A.code} that ${A.code}'s tax staff submitted`, async () => {
    const id = tipIds.get(tipRefs[0].label)!;
    await waitFor('the triage of the tip', () => h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`).describe().then(() => true, () => undefined));
    const answer = await call(find(A, 'industry', 'provincialCoordinator'), `/tips/${enc(id)}/triage`, post({ action: 'close', reason: 'no lead' }));
    expect(answer).toMatchObject({ status: 200, body: { id, outcome: { action: 'close', reason: 'no lead' } } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'tips.triage', objectType: 'tip', objectId: id, province: A.name, after: { action: 'close' } });
  });

  test('MIIT closes the referral that is only reported', async () => {
    const id = referralIds.get(reportedReferral.label)!;
    const answer = await call(miit, `/referrals/${enc(id)}/route`, post({ decision: 'close', reason: 'handled by the joint group' }));
    expect(answer).toMatchObject({ status: 200, body: { id, state: 'closed', closedReason: 'handled by the joint group' } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'referrals.route', objectType: 'referral', objectId: id, province: A.name, after: { decision: 'close' } });
  });

  test(`${B.code}'s coordinator accepts the routed referral into the trader's case`, async () => {
    const id = referralIds.get(routedReferral.label)!;
    const answer = await call(find(B, 'industry', 'provincialCoordinator'), `/referrals/${enc(id)}/accept`, post({ action: 'verifyInCase', enterpriseCode: trader[B.name], agencyKind: 'tax' }));
    expect(answer).toMatchObject({ status: 200, body: { id, state: 'accepted', result: { caseId: caseOf(B.name) } } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'referrals.accept', objectType: 'referral', objectId: id, province: B.name });
  });

  test(`the tax staff of ${A.code} delete their saved filter`, async () => {
    const answer = await h.as(h.tokens[filterOwner().key])(`/me/filters/${enc(savedFilterId)}`, { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(await h.prisma.auditEvent.findMany({ where: { requestId: answer.headers.get('x-request-id')! } })).toMatchObject([{ action: 'savedFilters.delete', objectId: savedFilterId, actorStaffId: staffIdOf(filterOwner()), outcome: 'done' }]);
    expect(await h.prisma.savedFilter.count({ where: { id: savedFilterId } })).toBe(0);
  });

  test(`the industry staff of ${A.code} import an annex 1 of ${A.code}`, async () => {
    const code = newCode(A, 2);
    const res = await h.as(h.tokens[find(A, 'industry', 'staff').key])('/imports?fileName=authz.json', { method: 'POST', headers: json, body: annex1([{ code, province: A }]) });
    const answer = await audited(find(A, 'industry', 'staff'), res, await res.json(), 'POST');
    expect(answer).toMatchObject({ status: 200, body: { dryRun: false, created: [code] } });
    expect(audits.get(answer)!.rows[0]).toMatchObject({ action: 'imports.import', objectType: 'import', province: A.name, after: { created: [code] } });
    expect(await h.prisma.enterprise.findUnique({ where: { code }, select: { provinceName: true } })).toEqual({ provinceName: A.name });
  });
});
