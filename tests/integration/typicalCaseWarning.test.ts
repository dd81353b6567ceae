import { generateCampaign, provinces } from '../../demo/generator';
import { campaignWorkflowId } from '../../domain/caseIds';
import type { StoredMail } from '../../platform/mailSink';
import type { CampaignProgress } from '../../workflows/campaignMessages';
import { cleanTrader } from '../support/enterprises';
import { MIIT_REPORT_EMAIL, useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { services } from '../support/services';

/**
 * 典型案件 (一.(五)): a month before the campaign ends, MIIT is warned of a province that has
 * designated no typical case. What decides the warning is fixed before the campaign starts: 江西
 * has its designation on file, 广东 none. The calendar is short (acceptance 31 days, ten campaign
 * days a second) so the month mark comes a fraction of a second after the start and the campaign
 * ends within seconds; the test waits for the end, so no assertion races the clock. The last of
 * the two to close sends MIIT the national roll-up.
 */
const generated = generateCampaign({ seed: 93, enterprises: 120 });
const jiangxi = provinces.find((p) => p.name === '江西省')!;
const guangdong = provinces.find((p) => p.name === '广东省')!;
const traderOf = (name: string) => generated.dataset.dossiers.filter(cleanTrader(generated)).find((d) => d.enterprise.province === name)!.enterprise;

const h = useHarness('typical-warning', { dossiers: generated.dataset.dossiers });
const results: CampaignProgress[] = [];
const miitMail = async () => (await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(MIIT_REPORT_EMAIL)}`)).json()) as StoredMail[];
const campaignId = `c-typical-${Date.now().toString(36)}`;
const calendar = {
  selfInspection: { from: '2014-10-10', to: '2014-10-10' },
  rectification: { from: '2014-10-11', to: '2014-10-11' },
  acceptance: { from: '2014-10-12', to: '2014-11-11' },
  reviewWindow: { from: '2013-06-01', to: '2014-07-31' },
};

test('MIIT is warned once, a month before the end, of the province without a typical case, and not of the one with its designation', async () => {
  await h.prisma.typicalCase.create({ data: { campaignId, provinceName: jiangxi.name, enterpriseCode: traderOf(jiangxi.name).code, reasons: [{ reason: 'tipConfirmed' }], designatedBy: 'coordinator@test.example' } });
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: campaignId, provinces: [jiangxi.name, guangdong.name], daysPerSecond: 10, calendar, enterprises: [traderOf(jiangxi.name).code, traderOf(guangdong.name).code] }),
  });
  expect(started.status).toBe(201);
  results.push(...(await Promise.all([jiangxi, guangdong].map((p) => h.client.workflow.getHandle(campaignWorkflowId(campaignId, p.name)).result() as Promise<CampaignProgress>))));
  const [jx, gd] = results.map((r) => r.events.filter((e) => e.kind === 'typicalCaseWarning'));
  expect(jx).toEqual([]);
  expect(gd).toHaveLength(1);

  const mails = (await miitMail()).filter((m) => m.text.includes(encodeURIComponent(campaignId)) && m.subject.includes('典型案件'));
  expect(mails.map((m) => m.subject)).toEqual([`【典型案件尚未确定】${guangdong.name} No typical case designated yet: ${guangdong.name}`]);
  const row = await h.prisma.outboundEmail.findUniqueOrThrow({ where: { key: `typical-case-warning/${campaignId}/${guangdong.name}` } });
  expect(row.status).toBe('sent');
  // It came while acceptance was still running: before the reports due at its end.
  const events = results[1].events.map((e) => e.kind);
  expect(events.indexOf('typicalCaseWarning')).toBeLessThan(events.lastIndexOf('reportDue'));
  recordHistory('campaign-typicalCaseWarning', campaignWorkflowId(campaignId, guangdong.name));
}, 120_000);

test('once the last province has closed, the national roll-up is generated and emailed to MIIT exactly once', async () => {
  const report = await h.prisma.report.findUniqueOrThrow({ where: { id: `${campaignId}/national/acceptance/nationalSummary` } });
  expect(report).toMatchObject({ provinceName: null, kind: 'nationalSummary', draft: false, boundary: 'acceptance' });
  const closed = await h.prisma.campaignProvince.findMany({ where: { campaignId } });
  expect(closed.every((c) => c.closedAt !== null)).toBe(true);

  const rollups = (await miitMail()).filter((m) => m.text.includes(encodeURIComponent(report.id)));
  expect(rollups).toHaveLength(1);
  expect(rollups[0].subject).toContain('全国');
  const files = report.files as Record<string, { sha256: string }>;
  expect(rollups[0].attachments!.map((a) => a.sha256).sort()).toEqual([files.xlsx.sha256, files.pdf?.sha256].filter(Boolean).sort());
  const row = await h.prisma.outboundEmail.findUniqueOrThrow({ where: { key: `national-rollup/${campaignId}` } });
  expect(row.status).toBe('sent');

  // Whichever province closed last sent it; a province that found the others still open sent nothing.
  const senders = results.filter((r) => r.events.some((e) => e.kind === 'nationalRollupSent'));
  expect(senders.length).toBeGreaterThanOrEqual(1);
  recordHistory('campaign-nationalRollup', campaignWorkflowId(campaignId, senders[0].province));
});
