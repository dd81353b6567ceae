import { calendar2014 } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import { transferWorkflowId } from '../../domain/case';
import type { TransferStep } from '../../domain/catalogue';
import type { CasePhase } from '../../domain/enums';
import { generateCampaign } from '../../demo/generator';
import { buildAnnex4 } from '../../reports/annex4';
import { buildSummary } from '../../reports/summary';
import { loadProvinceReportData } from '../../store/reportData';
import type { enterpriseCaseWorkflow } from '../../workflows';
import { phaseChangedSignal, type CaseView } from '../../workflows/caseMessages';
import type { TransferView } from '../../workflows/transferMessages';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { tasksOf, useHarness, type TaskRow } from '../support/harness';
import { recordHistory } from '../support/histories';
import { waitFor } from '../support/waitFor';

/**
 * A suspected crime through Order 310's procedure, through the task API against the real stack:
 * tax's verification finds it, the case team reports, the head approves (staff may not), the
 * transfer goes with its materials, public security declines, tax asks for reconsideration and
 * public security opens a case. Time is stated here, not raced: a campaign day is half a second,
 * so every step falls due within two seconds, and the test completes each step only once its
 * overdue notice to the agency head is in the outbox; discipline inspection would come ten
 * minutes later, so each late step escalates exactly once.
 */
const generated = generateCampaign({ seed: 141, enterprises: 120 });
const [province] = provincesWith(generated, [cleanTrader], 1);
const [trader, other] = enterprisesOf(generated, cleanTrader, province);
const campaignId = 'c-transfer';
const farAhead = new Date(Date.now() + 30 * 86_400_000).toISOString();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const h = useHarness('criminal-transfer', { dossiers: generated.dataset.dossiers });

const json = { 'content-type': 'application/json' };
const token = (agency: string, role: string) => h.tokens[`${province.code}-${agency}-${role}`];
const complete = (as: string, task: { key: string }, completion: unknown) =>
  h.as(as)(`/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion }) });

beforeAll(async () => {
  await h.prisma.campaign.create({
    data: {
      id: campaignId,
      name: 'transfer test',
      selfInspectionStart: day('2014-10-10'),
      rectificationStart: day('2014-11-26'),
      acceptanceStart: day('2015-02-01'),
      endsOn: day('2015-03-31'),
      reviewWindowStart: day(calendar2014.reviewWindow.from),
      reviewWindowEnd: day(calendar2014.reviewWindow.to),
      updatedBy: 'test',
    },
  });
});

const startCase = (enterprise: typeof trader) => {
  const { code, name, types } = enterprise.enterprise;
  return h.client.workflow.start<typeof enterpriseCaseWorkflow>('enterpriseCaseWorkflow', {
    workflowId: caseWorkflowId(campaignId, province.name, code),
    taskQueue: h.taskQueue,
    args: [
      {
        campaignId,
        province: province.name,
        enterprise: { code, name, types },
        reviewWindow: calendar2014.reviewWindow,
        // A campaign day is half a second; no reminder (it would come before the task), discipline inspection ten minutes late.
        timing: { taskDueMs: 1_500, reminderBeforeMs: 600_000, graceAfterDueMs: 600_000, dayMs: 500 },
        phaseEnds: { selfInspection: farAhead, rectification: farAhead, acceptance: farAhead },
      },
    ],
  });
};
const verify = async (caseId: string, suspectedBy: string) => {
  const verifications = await waitFor('three self-inspection tasks', async () => {
    const open = await tasksOf(h, h.tokens.miit, { status: 'open', caseId });
    return open.length === 3 ? open : undefined;
  });
  for (const task of verifications) {
    const completion = task.agency === suspectedBy ? { findings: [], suspectedCrime: true, note: '发票虚开，涉嫌犯罪' } : { findings: [] };
    expect((await complete(token(task.agency, 'staff'), task, completion)).status).toBe(200);
  }
};
const closeCampaign = async (handle: { signal: (s: typeof phaseChangedSignal, a: { phase: CasePhase }) => Promise<void> }) => {
  for (const phase of ['rectification', 'acceptance', 'closed'] as CasePhase[]) await handle.signal(phaseChangedSignal, { phase });
};
const openStep = (transferId: string, kind: TransferStep) =>
  waitFor(`${kind} open`, async () => (await tasksOf(h, h.tokens.miit, { status: 'open', caseId: transferId })).find((t: TaskRow) => t.kind === kind));

const outbox = (key: string) => h.prisma.outboundEmail.findMany({ where: { key: { startsWith: `${key}/` } }, select: { key: true } });

test('a suspected crime goes through approval, transfer, a refusal to open a case and its reconsideration, each late step escalated once', async () => {
  const { code } = trader.enterprise;
  const caseId = caseWorkflowId(campaignId, province.name, code);
  const handle = await startCase(trader);
  await verify(caseId, 'tax');

  const transferId = transferWorkflowId(caseId, 'tax');
  /** The step's task once it has fallen due and its agency head has been told, and only then. */
  const lateStep = (kind: TransferStep) =>
    waitFor(`${kind} overdue`, async () => {
      const [task] = (await tasksOf(h, h.tokens.miit, { status: 'open', caseId: transferId })).filter((t: TaskRow) => t.kind === kind);
      if (!task) return undefined;
      const sent = await outbox(task.key);
      return sent.length > 0 ? task : undefined;
    });

  const report = await lateStep('transferReport');
  expect(report.agency).toBe('tax');
  // Article 5: a case team of two or more (the body's shape says so: 400).
  expect((await complete(token('tax', 'staff'), report, { caseTeam: ['王某'], facts: '虚开增值税专用发票' })).status).toBe(400);
  expect((await complete(token('tax', 'staff'), report, { caseTeam: ['王某', '李某'], facts: '虚开增值税专用发票' })).status).toBe(200);

  const approval = await lateStep('transferApproval');
  expect((await complete(token('tax', 'staff'), approval, { approved: true })).status).toBe(403);
  expect((await complete(token('tax', 'agencyHead'), approval, { approved: true })).status).toBe(200);

  const delivery = await lateStep('transferDelivery');
  const materials = [
    { kind: 'transferLetter', title: '涉嫌犯罪案件移送书' },
    { kind: 'investigationReport', title: '涉嫌犯罪案件情况的调查报告' },
    { kind: 'itemsList', title: '涉案物品清单' },
    { kind: 'inspectionConclusions', title: '鉴定结论' },
  ];
  const missingList = await complete(token('tax', 'staff'), delivery, { transferLetterNo: '税移〔2014〕1号', materials: materials.filter((m) => m.kind !== 'itemsList'), receivedBy: '公安局经侦支队' });
  // Article 6's list is a rule beyond the shape: 422.
  expect(missingList.status).toBe(422);
  expect(JSON.stringify(await missingList.json())).toContain('itemsList');
  expect((await complete(token('tax', 'staff'), delivery, { transferLetterNo: '税移〔2014〕1号', materials, receivedBy: '公安局经侦支队' })).status).toBe(200);

  const decision = await lateStep('transferDecision');
  expect(decision.agency).toBe('publicSecurity');
  // Reasons in writing are required for a refusal.
  expect((await complete(token('publicSecurity', 'staff'), decision, { opened: false })).status).toBe(400);
  expect((await complete(token('publicSecurity', 'staff'), decision, { opened: false, reasons: '证据不足' })).status).toBe(200);

  const request = await lateStep('reconsiderationRequest');
  expect(request.agency).toBe('tax');
  expect((await complete(token('tax', 'staff'), request, { requested: true, grounds: '已补充发票流向证据' })).status).toBe(200);

  const answer = await lateStep('reconsiderationDecision');
  expect((await complete(token('publicSecurity', 'staff'), answer, { opened: true, caseNo: '公立〔2014〕88号' })).status).toBe(200);

  const transfer = (await h.client.workflow.getHandle(transferId).result()) as TransferView;
  expect(transfer.result).toEqual({ outcome: 'caseOpenedOnReconsideration', caseNo: '公立〔2014〕88号' });
  expect(transfer.tasks.map((t) => [t.kind, t.escalations])).toEqual([
    ['transferReport', ['agencyHead']],
    ['transferApproval', ['agencyHead']],
    ['transferDelivery', ['agencyHead']],
    ['transferDecision', ['agencyHead']],
    ['reconsiderationRequest', ['agencyHead']],
    ['reconsiderationDecision', ['agencyHead']],
  ]);
  for (const t of transfer.tasks) expect((await outbox(t.key)).map((m) => m.key)).toEqual([`${t.key}/agencyHead`]);
  const overdue = await h.prisma.outboundEmail.findUniqueOrThrow({ where: { key: `${decision.key}/agencyHead` } });
  expect(overdue.to).toEqual([`${province.code}-publicSecurity-agencyHead@campaign.example`]);

  // The case closes only after its transfer has ended, and says so in its timeline.
  await closeCampaign(handle);
  const view = (await handle.result()) as CaseView;
  expect(view.timeline.filter((e) => e.kind === 'transferOpened' || e.kind === 'transferEnded').map((e) => e.kind)).toEqual(['transferOpened', 'transferEnded']);
  expect(view.timeline.find((e) => e.kind === 'transferEnded')!.summary).toContain('经复议，公安机关已立案');

  // Annex 4's 处理结果 and the summary's count of transfers.
  const data = await loadProvinceReportData(h.prisma, { campaignId, province: province.name, supervised: [], enterprises: [code] });
  const options = { generatedAt: new Date().toISOString(), draft: true };
  const [row] = buildAnnex4(data, options).groups.flatMap((g) => g.rows);
  expect(row.violations).toContain('suspectedCrime');
  expect(row.measures).toEqual([expect.objectContaining({ disposition: 'transferToPublicSecurity', agencyKind: 'tax', status: 'done', documentNo: '税移〔2014〕1号', transfer: { outcome: 'caseOpenedOnReconsideration', caseNo: '公立〔2014〕88号' } })]);
  expect(buildSummary(data, options).figures.enforcement.transferredToPublicSecurity).toBe(1);

  recordHistory('enterpriseCase-criminalTransfer', caseId);
  recordHistory('criminalTransfer-reconsidered', transferId);
}, 120_000);

test('a transfer the agency head refuses ends there, with the reasons in annex 4 and no transfer counted', async () => {
  const { code } = other.enterprise;
  const caseId = caseWorkflowId(campaignId, province.name, code);
  const handle = await startCase(other);
  await verify(caseId, 'industry');
  const transferId = transferWorkflowId(caseId, 'industry');
  const report = await openStep(transferId, 'transferReport');
  expect((await complete(token('industry', 'staff'), report, { caseTeam: ['赵某', '钱某'], facts: '无证开采' })).status).toBe(200);
  const approval = await openStep(transferId, 'transferApproval');
  // Reasons on record for a refusal.
  expect((await complete(token('industry', 'agencyHead'), approval, { approved: false })).status).toBe(400);
  expect((await complete(token('industry', 'agencyHead'), approval, { approved: false, reasons: '情节轻微，不构成犯罪' })).status).toBe(200);
  const transfer = (await h.client.workflow.getHandle(transferId).result()) as TransferView;
  expect(transfer.result).toEqual({ outcome: 'notApproved', reasons: '情节轻微，不构成犯罪' });
  expect(transfer.tasks.map((t) => t.kind)).toEqual(['transferReport', 'transferApproval']);
  await closeCampaign(handle);
  const view = (await handle.result()) as CaseView;
  expect(view.timeline.find((e) => e.kind === 'transferEnded')!.summary).toContain('负责人不批准移送');

  const data = await loadProvinceReportData(h.prisma, { campaignId, province: province.name, supervised: [], enterprises: [code] });
  const options = { generatedAt: new Date().toISOString(), draft: true };
  const [row] = buildAnnex4(data, options).groups.flatMap((g) => g.rows);
  expect(row.measures).toEqual([expect.objectContaining({ disposition: 'transferToPublicSecurity', status: 'unfinished', unfinishedReason: '情节轻微，不构成犯罪', transfer: { outcome: 'notApproved', reasons: '情节轻微，不构成犯罪' } })]);
  expect(buildSummary(data, options).figures.enforcement.transferredToPublicSecurity).toBe(0);
  recordHistory('criminalTransfer-notApproved', transferId);
}, 120_000);
