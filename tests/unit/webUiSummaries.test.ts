import { calendar2014, campaignTimeBase } from '../../domain/campaignClock';
import { activitySummary, deadlineSummary, escalationWaitSummary, phaseEndWaitSummary } from '../../workflows/summaries';

const startedAt = Date.parse('2026-12-01T09:00:00.000Z');
const clock = campaignTimeBase(calendar2014, startedAt, { kind: 'scaled', daysPerSecond: 1 });
const day = (n: number) => new Date(startedAt + n * 1_000).toISOString();
const taskKey = 'case/demo-2014/江西省/91360100665300008M/verification/tax/selfInspection';
const email = (key: string, to: string[]) => ({ key, to, subject: 's', body: 'b' });

test.each([
  ['createTask', { key: taskKey, caseId: 'c', campaignId: 'demo-2014', province: '江西省', enterpriseCode: '9', kind: 'verification', agencyKind: 'tax', title: 't', evidence: {}, dueAt: day(20.5) }, '下达任务：税务部门·现场核查，限 2014-10-30 / task issued, due 2014-10-30'],
  ['recordTaskCompletion', { taskKey, completion: {}, actor: '36-tax-staff@campaign.example', completedAt: day(3), findings: [], dispositions: [] }, '登记办结：税务部门·现场核查（36-tax-staff，2014-10-13） / completion recorded'],
  ['cancelTask', taskKey, '撤销任务：税务部门·现场核查 / task withdrawn'],
  ['sendEmail', email(`${taskKey}/reminder`, ['a@x']), '发送【任务即将到期提醒】税务部门·现场核查 → a@x / Task due soon'],
  ['sendEmail', email(`${taskKey}/agencyHead`, ['head@x', 'b@x', 'c@x']), '发送【任务逾期，请督办】税务部门·现场核查 → head@x 等3人 / Task overdue: please see that it is done'],
  ['sendEmail', email(`${taskKey}/referral`, ['di@x']), '移交纪检监察：税务部门·现场核查 → di@x / referral to discipline inspection'],
  ['sendEmail', email('report/demo-2014/江西省/selfInspection', ['miit@x']), '报送阶段报告 → miit@x / phase reports to MIIT'],
  ['contactsFor', { province: '江西省', agencyKind: 'tax' }, '查询联系人：江西省税务部门 / contacts'],
  ['runRuleChecks', { enterpriseCode: '91360100665300008M', window: calendar2014.reviewWindow }, '规则核查：91360100665300008M，核查期 2013-06-01～2014-07-31 / rule checks'],
  ['generatePhaseReports', { campaignId: 'demo-2014', province: '江西省', boundary: 'selfInspection', supervised: [] }, '生成阶段报告：江西省自查阶段 / phase reports'],
  ['recordTip', { id: 't', source: '12345 hotline', text: 'x', receivedAt: day(1), recordedBy: 'x' }, '登记举报线索：12345 hotline / tip-off recorded'],
])('%s: %j', (type, args, summary) => {
  expect(activitySummary(type, [args], clock)).toBe(summary);
});

test('an activity of no known type is named by its type', () => {
  expect(activitySummary('somethingElse', [], clock)).toBe('somethingElse');
});

test('timers say which deadline they wait for, in campaign time', () => {
  expect(escalationWaitSummary(clock, { kind: 'verification', agencyKind: 'tax' }, 'agencyHead', day(20.5))).toBe('等待至 2014-10-30 12:00【任务逾期，请督办】税务部门·现场核查 / Task overdue: please see that it is done');
  expect(phaseEndWaitSummary(clock, 'rectification', day(114))).toBe('等待至 2015-01-31 24:00：整改阶段结束 / Rectification ends');
  expect(deadlineSummary(clock, startedAt + 1_500)).toBe('等待至 2014-10-11 12:00（专项行动时间）/ wait until (campaign time)');
});
