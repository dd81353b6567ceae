import { generateCampaign, provinces } from '../../demo/generator';
import { referralWorkflowId } from '../../domain/referral';
import { tipWorkflowId } from '../../domain/tip';
import { buildReport } from '../../reports';
import { loadNationalReportData, loadProvinceReportData } from '../../store/reportData';
import { cleanTrader } from '../support/enterprises';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { referralViewQuery, tipTriageQuery } from '../../workflows/coordinationMessages';
import { startAutopilot } from '../../scripts/lib/autopilot';
import { waitFor } from '../support/waitFor';

/**
 * Cross-province referrals and tips against the real stack: MIIT routes a 江西 finding to 广东,
 * whose coordinator accepts it into a case as a verification task; one tip becomes a verification
 * in an existing case, another adds an enterprise to the campaign, and their submitter sees both.
 * The campaigns run on a slow clock (a task is due 20 campaign days later, hours of wall time), so
 * nothing escalates while the steps are taken; the escalation test runs one of its own on a fast one.
 */
const generated = generateCampaign({ seed: 91, enterprises: 200 });
const guangdong = provinces.find((p) => p.name === '广东省')!;
const jiangxi = provinces.find((p) => p.name === '江西省')!;
const tradersOf = (name: string) => generated.dataset.dossiers.filter(cleanTrader(generated)).filter((d) => d.enterprise.province === name);
const [counterpart, added, addedByReferral] = tradersOf(guangdong.name);
const [jiangxiTrader] = tradersOf(jiangxi.name);

const h = useHarness('referrals', { dossiers: generated.dataset.dossiers });
const json = { 'content-type': 'application/json' };
const post = (as: string, path: string, body: unknown) => h.as(as)(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
const token = (p: { code: string }, agency: string, role: string) => h.tokens[`${p.code}-${agency}-${role}`];
const gdCoordinator = () => token(guangdong, 'industry', 'provincialCoordinator');
const caseOf = (campaignId: string, code: string) => `case/${campaignId}/${guangdong.name}/${code}`;

const startCampaign = async (id: string, daysPerSecond: number, province: typeof guangdong, codes: string[]) => {
  const res = await post(h.tokens.miit, '/campaigns', { id, name: id, provinces: [province.name], daysPerSecond, enterprises: codes });
  expect(res.status).toBe(201);
  await waitFor('cases started', async () => {
    const rows = await h.prisma.caseTask.findMany({ where: { campaignId: id } });
    return rows.length > 0 ? rows : undefined;
  });
};

const report = (campaignId: string) => ({
  campaignId,
  fromProvince: jiangxi.name,
  toProvince: guangdong.name,
  counterpart: { name: counterpart.enterprise.name, code: counterpart.enterprise.code },
  facts: 'bought ore from an unlicensed mine in Jiangxi',
  evidence: { invoice: 'No. 00012345' },
});

describe('cross-province referrals', () => {
  beforeAll(async () => {
    await startCampaign('c-ref-gd', 0.01, guangdong, [counterpart.enterprise.code]);
    await startCampaign('c-ref-jx', 0.01, jiangxi, [jiangxiTrader.enterprise.code]);
  });

  test('a referral reported by 江西, routed by MIIT to 广东 and accepted into a case opens a verification task there, visible to both provinces and MIIT', async () => {
    const reported = await post(token(jiangxi, 'industry', 'staff'), '/referrals', report('c-ref-gd'));
    expect(reported.status).toBe(201);
    const { id, state } = (await reported.json()) as { id: string; state: string };
    expect(state).toBe('reported');

    // 广东, named by the reporter, sees it but only MIIT routes.
    expect((await post(gdCoordinator(), `/referrals/${id}/route`, { decision: 'route', toProvince: guangdong.name })).status).toBe(403);
    const routed = await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'route', toProvince: guangdong.name });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toMatchObject({ state: 'routed', toProvince: guangdong.name });
    expect((await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'close', reason: 'again' })).status).toBe(409);

    expect((await post(token(jiangxi, 'industry', 'provincialCoordinator'), `/referrals/${id}/accept`, { action: 'verifyInCase', enterpriseCode: counterpart.enterprise.code, agencyKind: 'landResources' })).status).toBe(403);
    const accepted = await post(gdCoordinator(), `/referrals/${id}/accept`, { action: 'verifyInCase', enterpriseCode: counterpart.enterprise.code, agencyKind: 'landResources' });
    expect(accepted.status).toBe(200);
    const view = (await accepted.json()) as { state: string; result: { caseId: string; taskKey: string } };
    expect(view).toMatchObject({ state: 'accepted', result: { action: 'verifyInCase', caseId: caseOf('c-ref-gd', counterpart.enterprise.code) } });

    const task = await waitFor('the verification task in the 广东 case', () => h.prisma.caseTask.findUnique({ where: { key: view.result.taskKey } }).then((t) => t ?? undefined));
    expect(task).toMatchObject({ provinceName: guangdong.name, agencyKind: 'landResources', kind: 'verification', status: 'open' });
    expect(JSON.stringify(task.evidence)).toContain('No. 00012345');

    for (const as of [token(jiangxi, 'industry', 'provincialCoordinator'), gdCoordinator(), h.tokens.miit]) {
      const seen = await h.as(as)(`/referrals/${id}`);
      expect(seen.status).toBe(200);
      const body = (await seen.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ state: 'accepted', fromProvince: jiangxi.name, toProvince: guangdong.name, counterpart: { name: counterpart.enterprise.name, code: counterpart.enterprise.code } });
      // What is not known yet (closedReason, here) is left out, as the document says, never null.
      expect(Object.entries(body).filter(([, v]) => v === null)).toEqual([]);
    }
    expect((await h.as(token(provinces.find((p) => p.name === '湖南省')!, 'industry', 'provincialCoordinator'))(`/referrals/${id}`)).status).toBe(404);

    const handle = h.client.workflow.getHandle(referralWorkflowId(id));
    await handle.result();
    recordHistory('referral-acceptedIntoCase', handle.workflowId);
  });

  test("a referral accepted by adding the enterprise to 广东's campaign starts its case", async () => {
    const { id } = (await (await post(h.tokens.miit, '/referrals', { ...report('c-ref-gd'), counterpart: { name: addedByReferral.enterprise.name } })).json()) as { id: string };
    await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'route', toProvince: guangdong.name });
    const accepted = await post(gdCoordinator(), `/referrals/${id}/accept`, { action: 'addToCampaign', enterpriseCode: addedByReferral.enterprise.code });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'accepted', result: { caseId: caseOf('c-ref-gd', addedByReferral.enterprise.code) } });
    const row = await h.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('accepted');
  });

  test('MIIT closes a referral with a reason', async () => {
    const { id } = (await (await post(h.tokens.miit, '/referrals', report('c-ref-gd'))).json()) as { id: string };
    const closed = await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'close', reason: 'already handled by the joint group' });
    expect(await closed.json()).toMatchObject({ state: 'closed', closedReason: 'already handled by the joint group' });
    const handle = h.client.workflow.getHandle(referralWorkflowId(id));
    await handle.result();
    recordHistory('referral-closed', handle.workflowId);
  });

  test('a report repeated with its Idempotency-Key is the first referral, even once MIIT has closed it; the key with other facts is refused', async () => {
    const staff = token(jiangxi, 'industry', 'staff');
    const once = (body: unknown) => h.as(staff)('/referrals', { method: 'POST', headers: { ...json, 'Idempotency-Key': 'report-once-0001' }, body: JSON.stringify(body) });
    const first = await once(report('c-ref-gd'));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const again = await once(report('c-ref-gd'));
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ id, state: 'reported' });

    await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'close', reason: 'reported twice by mistake' });
    const handle = h.client.workflow.getHandle(referralWorkflowId(id));
    await handle.result();
    // Closed: the retry answers with it and opens no routing step for MIIT again.
    const late = await once(report('c-ref-gd'));
    expect(late.status).toBe(201);
    expect(await late.json()).toMatchObject({ id, state: 'closed', steps: [{ done: true }] });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(await h.prisma.referral.count({ where: { id: { endsWith: '.report-once-0001' } } })).toBe(1);

    const other = await once({ ...report('c-ref-gd'), facts: 'another finding' });
    expect(other.status).toBe(422);
    // Another reporter's equal key is theirs: a referral of their own.
    const theirs = await h.as(token(jiangxi, 'tax', 'staff'))('/referrals', { method: 'POST', headers: { ...json, 'Idempotency-Key': 'report-once-0001' }, body: JSON.stringify(report('c-ref-gd')) });
    expect(theirs.status).toBe(201);
    const theirId = ((await theirs.json()) as { id: string }).id;
    expect(theirId).not.toBe(id);
    await post(h.tokens.miit, `/referrals/${theirId}/route`, { decision: 'close', reason: 'the same finding as the first' });
  });

  test('a routing step left late escalates up the ladder once per step, and stops when MIIT routes', async () => {
    // 4 campaign days a second: the routing step is due in 5 s, discipline inspection told 1.75 s after.
    await startCampaign('c-ref-late', 4, jiangxi, [jiangxiTrader.enterprise.code]);
    const { id } = (await (await post(h.tokens.miit, '/referrals', report('c-ref-late'))).json()) as { id: string };
    const key = `${referralWorkflowId(id)}/routing`;
    await waitFor('the routing step escalated to discipline inspection', () => h.prisma.outboundEmail.findUnique({ where: { key: `${key}/disciplineInspection` } }).then((m) => m ?? undefined));
    await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'close', reason: 'late but closed' });
    const handle = h.client.workflow.getHandle(referralWorkflowId(id));
    const view = (await handle.result()) as { steps: { escalations: string[]; overdue: boolean }[] };
    expect(view.steps[0]).toMatchObject({ overdue: true, escalations: ['reminder', 'agencyHead', 'disciplineInspection'] });
    const mails = await h.prisma.outboundEmail.findMany({ where: { key: { startsWith: `${key}/` } } });
    expect(mails.map((m) => m.key).sort()).toEqual([`${key}/agencyHead`, `${key}/disciplineInspection`, `${key}/reminder`]);
    recordHistory('referral-escalated', handle.workflowId);
  });
});

describe('tips', () => {
  const submitter = () => token(guangdong, 'tax', 'staff');
  const submit = async (text: string) => {
    const res = await post(submitter(), '/tips', { source: '12336 hotline', text, province: guangdong.name, receivedAt: '2014-10-12T09:00:00+08:00' });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  test('a tip linked to an existing case becomes a verification task carrying its text; the submitter sees the outcome', async () => {
    const id = await submit('night-time ore trucks at the trader');
    const triage = h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`);
    await waitFor('the triage started', () => triage.describe().then(() => true).catch(() => undefined));
    expect((await post(submitter(), `/tips/${id}/triage`, { action: 'close', reason: 'x' })).status).toBe(403);
    const res = await post(gdCoordinator(), `/tips/${id}/triage`, { action: 'linkToCase', campaignId: 'c-ref-gd', enterpriseCode: counterpart.enterprise.code, agencyKind: 'tax' });
    expect(res.status).toBe(200);
    const outcome = ((await res.json()) as { outcome: { taskKey: string } }).outcome;
    expect(outcome).toMatchObject({ action: 'linkToCase', caseId: caseOf('c-ref-gd', counterpart.enterprise.code) });
    const task = await waitFor('the verification task', () => h.prisma.caseTask.findUnique({ where: { key: outcome.taskKey } }).then((t) => t ?? undefined));
    expect(task).toMatchObject({ agencyKind: 'tax', kind: 'verification', status: 'open' });
    expect(JSON.stringify(task.evidence)).toContain('night-time ore trucks at the trader');
    expect((await post(gdCoordinator(), `/tips/${id}/triage`, { action: 'close', reason: 'again' })).status).toBe(409);

    const seen = await h.as(submitter())(`/tips/${id}`);
    expect(await seen.json()).toMatchObject({ outcome: { action: 'linkToCase', taskKey: outcome.taskKey }, triagedAt: expect.any(String) });
    await triage.result();
    recordHistory('tipIntake-triage', tipWorkflowId(id));
    recordHistory('tipTriage-linkToCase', triage.workflowId);
  });

  test('a tip with no province is refused a cross-province referral (422), and stays open for another triage', async () => {
    const res = await post(submitter(), '/tips', { source: '12336 hotline', text: 'somewhere, someone', receivedAt: '2014-10-12T09:00:00+08:00' });
    const { id } = (await res.json()) as { id: string };
    const triage = h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`);
    await waitFor('the triage started', () => triage.describe().then(() => true).catch(() => undefined));
    const referred = await post(h.tokens.miit, `/tips/${id}/triage`, { action: 'refer', campaignId: 'c-ref-gd', counterpart: { name: '某贸易公司' } });
    expect({ status: referred.status, body: await referred.json() }).toEqual({ status: 422, body: { error: expect.stringContaining('no province') } });
    expect((await post(h.tokens.miit, `/tips/${id}/triage`, { action: 'close', reason: 'no lead' })).status).toBe(200);
  });

  test('a tip about an enterprise not in the campaign adds it; the submitter sees the new case', async () => {
    const id = await submit('unlisted trader selling ore');
    const triage = h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`);
    await waitFor('the triage started', () => triage.describe().then(() => true).catch(() => undefined));
    const res = await post(gdCoordinator(), `/tips/${id}/triage`, { action: 'addToCampaign', campaignId: 'c-ref-gd', enterpriseCode: added.enterprise.code });
    expect(res.status).toBe(200);
    await waitFor('the new case tasks', async () => {
      const rows = await h.prisma.caseTask.findMany({ where: { caseId: caseOf('c-ref-gd', added.enterprise.code) } });
      return rows.length > 0 ? rows : undefined;
    });
    const seen = await h.as(submitter())(`/tips/${id}`);
    expect(await seen.json()).toMatchObject({ outcome: { action: 'addToCampaign', caseId: caseOf('c-ref-gd', added.enterprise.code) } });
    await triage.result();
    recordHistory('tipTriage-addToCampaign', triage.workflowId);
  });
});

describe('a case that is not running', () => {
  // The campaign lists a case as it starts it, and keeps listing one that ended: the API finds it
  // either way, so the refusal must come from the workflows, and leave the tip or referral open.
  const ended = () => caseOf('c-ref-ended', counterpart.enterprise.code);
  beforeAll(async () => {
    await startCampaign('c-ref-ended', 0.01, guangdong, [counterpart.enterprise.code, added.enterprise.code]);
    await h.client.workflow.getHandle(ended()).terminate('the test ends the case the coordinator will name');
  });

  test('a tip linked to it is refused (409) and stays untriaged, its step open, for a link to a running case', async () => {
    const res = await post(token(guangdong, 'tax', 'staff'), '/tips', { source: '12336 hotline', text: 'ore at the gate', province: guangdong.name, receivedAt: '2014-10-12T09:00:00+08:00' });
    const { id } = (await res.json()) as { id: string };
    const triage = h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`);
    await waitFor('the triage started', () => triage.describe().then(() => true).catch(() => undefined));
    const link = (code: string) => post(gdCoordinator(), `/tips/${id}/triage`, { action: 'linkToCase', campaignId: 'c-ref-ended', enterpriseCode: code, agencyKind: 'tax' });

    const refused = await link(counterpart.enterprise.code);
    expect({ status: refused.status, body: await refused.json() }).toEqual({ status: 409, body: { error: expect.stringContaining(`${ended()} is not running`) } });
    const view = await triage.query(tipTriageQuery);
    expect({ outcome: view.outcome, stepDone: view.step.done }).toEqual({ outcome: undefined, stepDone: false });
    expect(await h.prisma.tip.findUniqueOrThrow({ where: { id } })).toMatchObject({ outcome: null, triagedAt: null });

    // Two links at once, for two agencies: one triage only, whichever the workflow took first; the other is refused.
    const answers = await Promise.all(
      (['tax', 'landResources'] as const).map((agencyKind) => post(gdCoordinator(), `/tips/${id}/triage`, { action: 'linkToCase', campaignId: 'c-ref-ended', enterpriseCode: added.enterprise.code, agencyKind })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const { outcome } = (await answers.find((r) => r.status === 200)!.json()) as { outcome: { agencyKind: string; caseId: string } };
    expect(outcome.caseId).toBe(caseOf('c-ref-ended', added.enterprise.code));
    const verifications = await waitFor('the verification task', async () => {
      const rows = await h.prisma.caseTask.findMany({ where: { caseId: outcome.caseId, key: { endsWith: `/tip/${id}` } } });
      return rows.length > 0 ? rows : undefined;
    });
    expect(verifications.map((t) => t.agencyKind)).toEqual([outcome.agencyKind]);
    await triage.result();
    recordHistory('tipTriage-caseNotRunning', triage.workflowId);
  });

  test('a referral accepted into it is refused (409) and stays routed, its acceptance step open, for a case that runs', async () => {
    const { id } = (await (await post(token(jiangxi, 'industry', 'staff'), '/referrals', report('c-ref-ended'))).json()) as { id: string };
    expect((await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'route', toProvince: guangdong.name })).status).toBe(200);
    const accept = (code: string) => post(gdCoordinator(), `/referrals/${id}/accept`, { action: 'verifyInCase', enterpriseCode: code, agencyKind: 'landResources' });
    const handle = h.client.workflow.getHandle(referralWorkflowId(id));

    const refused = await accept(counterpart.enterprise.code);
    expect({ status: refused.status, body: await refused.json() }).toEqual({ status: 409, body: { error: expect.stringContaining(`${ended()} is not running`) } });
    const view = await handle.query(referralViewQuery);
    expect({ state: view.state, acceptanceDone: view.steps[1]?.done }).toEqual({ state: 'routed', acceptanceDone: false });
    expect((await h.prisma.referral.findUniqueOrThrow({ where: { id } })).state).toBe('routed');

    const accepted = await accept(added.enterprise.code);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'accepted', result: { caseId: caseOf('c-ref-ended', added.enterprise.code) } });
    await handle.result();
    recordHistory('referral-caseNotRunning', handle.workflowId);
  });
});

describe('the summary counts them', () => {
  const options = { generatedAt: '2015-03-31T16:00:00Z', draft: true };
  const summaryOf = async (province: string) => buildReport('summary', await loadProvinceReportData(h.prisma, { campaignId: 'c-ref-gd', province, supervised: [] }), options).figures;

  test("each province's summary counts the referrals it reported and received and its tips by triage; the national roll-up adds them", async () => {
    // 江西 reported five referrals in 广东's campaign: two routed to 广东 and accepted there, three closed by MIIT
    // (one a report named 广东 as the reporter's guess, two the idempotency test's).
    const jx = await summaryOf(jiangxi.name);
    expect(jx.referrals).toEqual({ reported: 5, routed: 2, closed: 3, awaitingRouting: 0, received: 0, accepted: 0, awaitingAcceptance: 0 });
    expect(jx.tips.received).toBe(0);
    // The closed one named 广东 as the reporter's guess: MIIT never routed it there, so 广东 did not receive it.
    const gd = await summaryOf(guangdong.name);
    expect(gd.referrals).toEqual({ reported: 0, routed: 0, closed: 0, awaitingRouting: 0, received: 2, accepted: 2, awaitingAcceptance: 0 });
    expect(gd.tips).toEqual({ received: 2, linkToCase: 1, addToCampaign: 1, refer: 0, close: 0, awaitingTriage: 0 });
    // 江西 has no case in this campaign, and is in the roll-up for its referrals.
    const national = buildReport('nationalSummary', await loadNationalReportData(h.prisma, { campaignId: 'c-ref-gd', supervised: [] }), options);
    expect(national.provinces.map((p) => p.province).sort()).toEqual([guangdong.name, jiangxi.name].sort());
    expect(national.totals.referrals).toMatchObject({ reported: 5, received: 2, accepted: 2 });
    expect(national.totals.tips).toMatchObject({ received: 2 });
    // The other campaign, 江西's own, has none of them.
    const other = buildReport('summary', await loadProvinceReportData(h.prisma, { campaignId: 'c-ref-jx', province: jiangxi.name, supervised: [] }), options).figures;
    expect(other.referrals.reported).toBe(0);
  });
});

describe('an enterprise not on file', () => {
  // Annex 2's basic block, as the receiving coordinator types it in.
  const basicBlock = (code: string, name: string, province = guangdong.name) => ({
    code,
    name,
    address: '广东省深圳市南山区科技路1号',
    legalRepresentative: '张某',
    phone: '0755-26000000',
    contact: '李某',
    contactTitle: '经理',
    mobile: '13800000000',
    province,
    types: ['trading'],
  });
  const casesStarted = (caseId: string) =>
    waitFor(`the tasks of ${caseId}`, async () => {
      const rows = await h.prisma.caseTask.findMany({ where: { caseId } });
      return rows.length > 0 ? rows : undefined;
    });
  beforeAll(() => startCampaign('c-reg-gd', 0.01, guangdong, [counterpart.enterprise.code]));

  test('a referral accepted by adding an enterprise not on file registers it from its basic block and starts its case', async () => {
    const code = '91440300MA5REG0001';
    const { id } = (await (await post(h.tokens.miit, '/referrals', { ...report('c-reg-gd'), counterpart: { name: '深圳某稀土贸易公司' } })).json()) as { id: string };
    await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'route', toProvince: guangdong.name });
    const accept = (body: unknown) => post(gdCoordinator(), `/referrals/${id}/accept`, body);

    const unknown = await accept({ action: 'addToCampaign', enterpriseCode: code });
    expect({ status: unknown.status, body: await unknown.json() }).toEqual({ status: 404, body: { error: expect.stringContaining('register') } });
    const otherCode = await accept({ action: 'addToCampaign', enterpriseCode: code, register: basicBlock('91440300MA5REG0002', '深圳某稀土贸易公司') });
    expect(otherCode.status).toBe(422);
    const otherProvince = await accept({ action: 'addToCampaign', enterpriseCode: code, register: basicBlock(code, '深圳某稀土贸易公司', jiangxi.name) });
    expect(otherProvince.status).toBe(422);
    expect(await h.prisma.enterprise.findUnique({ where: { code } })).toBeNull();

    const accepted = await accept({ action: 'addToCampaign', enterpriseCode: code, register: basicBlock(code, '深圳某稀土贸易公司') });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'accepted', result: { action: 'addToCampaign', caseId: caseOf('c-reg-gd', code) } });
    expect(await h.prisma.enterprise.findUnique({ where: { code }, select: { name: true, provinceName: true, currentVersion: true } })).toEqual({
      name: '深圳某稀土贸易公司',
      provinceName: guangdong.name,
      currentVersion: 1,
    });
    await casesStarted(caseOf('c-reg-gd', code));
  });

  test('a tip registers a new enterprise in the province its basic block names; one on file keeps what the archive says', async () => {
    const triage = async (text: string, body: Record<string, unknown>) => {
      const res = await post(token(guangdong, 'tax', 'staff'), '/tips', { source: '12336 hotline', text, province: guangdong.name, receivedAt: '2014-10-12T09:00:00+08:00' });
      const { id } = (await res.json()) as { id: string };
      await waitFor('the triage started', () => h.client.workflow.getHandle(`${tipWorkflowId(id)}/triage`).describe().then(() => true).catch(() => undefined));
      return post(gdCoordinator(), `/tips/${id}/triage`, { action: 'addToCampaign', campaignId: 'c-reg-gd', ...body });
    };
    const code = '91440300MA5REG0003';
    const registered = await triage('a trader not on file', { enterpriseCode: code, register: basicBlock(code, '广州某回收公司') });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({ outcome: { action: 'addToCampaign', caseId: caseOf('c-reg-gd', code) } });
    await casesStarted(caseOf('c-reg-gd', code));

    const onFile = await triage('a trader on file', { enterpriseCode: added.enterprise.code, register: basicBlock(added.enterprise.code, 'another name') });
    expect(onFile.status).toBe(200);
    expect(await h.prisma.enterprise.findUnique({ where: { code: added.enterprise.code }, select: { name: true, currentVersion: true } })).toEqual({ name: added.enterprise.name, currentVersion: 1 });
  });

  test("the demo's simulated coordinators route a referral to the province its reporter named, accept it into the counterpart's case, and close one naming none", async () => {
    const named = (await (await post(h.tokens.miit, '/referrals', report('c-reg-gd'))).json()) as { id: string };
    const unnamed = (await (await post(h.tokens.miit, '/referrals', { ...report('c-reg-gd'), toProvince: undefined })).json()) as { id: string };
    const byName = new Map(provinces.map((p) => [p.name, p]));
    const autopilot = startAutopilot({
      apiUrl: h.baseUrl,
      staffToken: (province, agency) => token(byName.get(province)!, agency, 'staff'),
      overseerToken: h.tokens.miit,
      coordinatorToken: (province) => token(byName.get(province)!, 'industry', 'provincialCoordinator'),
      // Every task is held back: this is about the referrals alone.
      latePercent: 100,
      lateByMs: 0,
      lateUntil: async () => false,
    });
    try {
      const stateOf = async (id: string) => ((await (await h.as(h.tokens.miit)(`/referrals/${id}`)).json()) as { state: string; result?: { caseId: string } });
      const accepted = await waitFor('the named referral accepted', async () => {
        const view = await stateOf(named.id);
        return view.state === 'accepted' ? view : undefined;
      });
      expect(accepted.result).toMatchObject({ action: 'addToCampaign', caseId: caseOf('c-reg-gd', counterpart.enterprise.code) });
      await waitFor('the unnamed referral closed', async () => ((await stateOf(unnamed.id)).state === 'closed' ? true : undefined));
    } finally {
      await autopilot.stop();
    }
  });
});
