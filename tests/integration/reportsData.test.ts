import type { Prisma } from '@prisma/client';
import { flattenDossiers } from '../../domain/campaign';
import { generateCampaign } from '../../demo/generator';
import { checkAll } from '../../domain/rules';
import { renderReport, ruleAnswersOf } from '../../reports';
import { loadAnnex2Data, loadNationalReportData, loadProvinceReportData } from '../../store/reportData';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { useFreshDatabase } from '../support/freshDatabase';

const db = useFreshDatabase();

const generated = generateCampaign({ seed: 31, enterprises: 60 });
const results = checkAll(generated.dataset, generated.window);
const dossiers = generated.dataset.dossiers;
const province = dossiers[0].enterprise.province;
const inProvince = dossiers.filter((d) => d.enterprise.province === province).map((d) => d.enterprise);
const flagged = inProvince.find((e) => results.find((r) => r.enterpriseCode === e.code)!.findings.length > 0)!;
const clean = inProvince.find((e) => e.code !== flagged.code)!;
const elsewhere = dossiers.find((d) => d.enterprise.province !== province)!.enterprise;
const campaignId = 'c-reports';
/** The enterprises the campaign has cases for (tasks below), by credit code. */
const inCampaign = [flagged, clean].sort((a, b) => (a.code < b.code ? -1 : 1));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function scope(e: { code: string; province: string }) {
  return { caseId: `case-${e.code}`, campaignId, provinceName: e.province, enterpriseCode: e.code };
}

function taskRow(e: { code: string; province: string }, kind: string, agencyKind: Prisma.CaseTaskCreateManyInput['agencyKind'], fields: Partial<Prisma.CaseTaskCreateManyInput> = {}): Prisma.CaseTaskCreateManyInput {
  return { key: `case-${e.code}/${kind}/${agencyKind}/x`, ...scope(e), kind, agencyKind, title: kind, evidence: {}, dueAt: new Date('2014-11-25T16:00:00Z'), ...fields };
}

beforeAll(async () => {
  await saveCampaignRecords(db.prisma, flattenDossiers(dossiers), { source: 'test', actor: 'clerk@test' });
  await db.prisma.campaign.create({
    data: {
      id: campaignId,
      name: '报表测试专项行动',
      selfInspectionStart: day('2014-10-10'),
      rectificationStart: day('2014-11-26'),
      acceptanceStart: day('2015-02-01'),
      endsOn: day('2015-03-31'),
      reviewWindowStart: day(generated.window.from),
      reviewWindowEnd: day(generated.window.to),
      updatedBy: 'coordinator@test',
    },
  });
  await db.prisma.caseTask.createMany({
    data: [
      taskRow(flagged, 'verification', 'industry', { status: 'completed', completion: { findings: [], suspectedCrime: true }, completedAt: new Date(), completedBy: 'a@test' }),
      taskRow(flagged, 'acceptance', 'industry', {
        status: 'completed',
        completion: { accepted: false, reason: 'not yet', newCompletionDate: '2015-04-30', derelictionOrCollusion: { officials: '某科长', facts: '瞒案不报' } },
      }),
      taskRow(clean, 'verification', 'tax'),
      taskRow(elsewhere, 'verification', 'customs'),
    ],
  });
  await db.prisma.caseFinding.create({
    data: { id: 'finding-1', taskKey: 'k', ...scope(flagged), violation: 'unpaidVat', agencyKind: 'tax', amounts: { unpaidTaxFen: 12_345 }, note: '少缴', recordedAt: new Date(), recordedBy: 'tax@test' },
  });
  await db.prisma.caseDisposition.createMany({
    data: [
      {
        id: 'd-vat',
        ...scope(flagged),
        disposition: 'recoverVat',
        agencyKind: 'tax',
        dueDate: day('2015-01-15'),
        status: 'accepted',
        result: { documentNo: '税追〔2015〕1号', amounts: { recoveredFen: 100_000, lateFeeFen: 1_000, fineFen: 500 }, note: '已补缴' },
        updatedBy: 'tax@test',
      },
      {
        id: 'd-stop',
        ...scope(flagged),
        disposition: 'stopProduction',
        agencyKind: 'industry',
        dueDate: day('2015-01-10'),
        status: 'unfinished',
        unfinishedReason: '设备未拆除',
        newCompletionDate: day('2015-04-30'),
        updatedBy: 'industry@test',
      },
    ],
  });
});

describe('the report data in PostgreSQL', () => {
  test('one province: the campaign’s enterprises in it, the rules over the whole archive, and the cases parsed', async () => {
    const data = await loadProvinceReportData(db.prisma, { campaignId, province, supervised: [flagged.code, elsewhere.code] });
    expect(data.campaign).toEqual({ id: campaignId, name: '报表测试专项行动', reviewWindow: generated.window });
    expect(data.province).toBe(province);
    // The province has more enterprises on file; the campaign has cases for two of them, and lists those only.
    expect(inProvince.length).toBeGreaterThan(2);
    expect(data.enterprises).toEqual(inCampaign.map((e) => ({ code: e.code, name: e.name, types: e.types })));
    // The rules followed suppliers in other provinces: the answers are those over the whole dataset.
    const expectedRules = new Map(results.filter((r) => inCampaign.some((e) => e.code === r.enterpriseCode)).map((r) => [r.enterpriseCode, ruleAnswersOf(r)]));
    expect(new Map(data.rules.map((r) => [r.enterpriseCode, r]))).toEqual(expectedRules);
    expect(data.findings).toEqual([{ id: 'finding-1', enterpriseCode: flagged.code, violation: 'unpaidVat', agencyKind: 'tax', amounts: { unpaidTaxFen: 12_345 }, note: '少缴' }]);
    expect(data.dispositions).toEqual([
      {
        id: 'd-stop',
        enterpriseCode: flagged.code,
        disposition: 'stopProduction',
        agencyKind: 'industry',
        dueDate: '2015-01-10',
        status: 'unfinished',
        amounts: {},
        unfinishedReason: '设备未拆除',
        newCompletionDate: '2015-04-30',
      },
      {
        id: 'd-vat',
        enterpriseCode: flagged.code,
        disposition: 'recoverVat',
        agencyKind: 'tax',
        dueDate: '2015-01-15',
        status: 'accepted',
        documentNo: '税追〔2015〕1号',
        amounts: { recoveredFen: 100_000, lateFeeFen: 1_000, fineFen: 500 },
      },
    ]);
    expect(data.tasks).toEqual([
      { key: `case-${flagged.code}/acceptance/industry/x`, enterpriseCode: flagged.code, kind: 'acceptance', agencyKind: 'industry', dueAt: '2014-11-25T16:00:00.000Z', status: 'completed', referredToDisciplineInspection: true },
      { key: `case-${flagged.code}/verification/industry/x`, enterpriseCode: flagged.code, kind: 'verification', agencyKind: 'industry', dueAt: '2014-11-25T16:00:00.000Z', status: 'completed', suspectedCrime: true },
      { key: `case-${clean.code}/verification/tax/x`, enterpriseCode: clean.code, kind: 'verification', agencyKind: 'tax', dueAt: '2014-11-25T16:00:00.000Z', status: 'open' },
    ].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(data.supervised).toEqual([flagged.code]);

    // What was loaded is what the reports read: the annex 4 line of the flagged enterprise.
    const annex4 = JSON.parse((await renderReport('annex4', data, { generatedAt: '2015-02-01T00:00:00Z', draft: true })).json) as {
      groups: { rows: { code: string; violations: string[]; measures: { id: string }[] }[] }[];
    };
    const row = annex4.groups.flatMap((g) => g.rows).find((r) => r.code === flagged.code)!;
    expect(row.violations).toEqual(expect.arrayContaining(['unpaidVat', 'suspectedCrime']));
    expect(row.measures.map((m) => m.id)).toEqual(['d-stop', 'd-vat']);
  });

  test('a narrower list of enterprises, when the campaign names one', async () => {
    const data = await loadProvinceReportData(db.prisma, { campaignId, province, supervised: [], enterprises: [clean.code] });
    expect(data.enterprises.map((e) => e.code)).toEqual([clean.code]);
    expect(data.findings).toEqual([]);
    expect(data.tasks.map((t) => t.enterpriseCode)).toEqual([clean.code]);
  });

  test('the national roll-up: every province the campaign has cases in, its cases only, from one load', async () => {
    const data = await loadNationalReportData(db.prisma, { campaignId, supervised: [flagged.code, elsewhere.code] });
    expect(data.provinces.map((p) => p.province)).toEqual([province, elsewhere.province].sort());
    const cases: Record<string, string[]> = { [province]: inCampaign.map((e) => e.code), [elsewhere.province]: [elsewhere.code] };
    for (const p of data.provinces) {
      expect(p.enterprises.map((e) => e.code)).toEqual(cases[p.province]);
      expect(p.rules).toHaveLength(cases[p.province].length);
    }
    const other = data.provinces.find((p) => p.province === elsewhere.province)!;
    expect(other.supervised).toEqual([elsewhere.code]);
    expect(other.tasks.map((t) => t.enterpriseCode)).toEqual([elsewhere.code]);
  });

  test('annex 2: the dossiers of the campaign’s enterprises in the province as the archive holds them, or one enterprise', async () => {
    const data = await loadAnnex2Data(db.prisma, { campaignId, province });
    expect(data.dossiers.map((d) => d.enterprise.code).sort()).toEqual(inCampaign.map((e) => e.code));
    const original = dossiers.find((d) => d.enterprise.code === flagged.code)!;
    const loaded = data.dossiers.find((d) => d.enterprise.code === flagged.code)!;
    const key = (l: object) => JSON.stringify(l);
    expect(loaded.ledger.map(key).sort()).toEqual(original.ledger.map((l) => JSON.parse(JSON.stringify(l)) as object).map(key).sort());
    expect(loaded.miningLicences.map((l) => l.number)).toEqual(original.miningLicences.map((l) => l.number));
    const one = await loadAnnex2Data(db.prisma, { campaignId, province, enterpriseCode: clean.code });
    expect(one.dossiers.map((d) => d.enterprise.code)).toEqual([clean.code]);
    await expect(loadAnnex2Data(db.prisma, { campaignId: 'no-such-campaign', province })).rejects.toThrow('no campaign no-such-campaign');
  });

  test('a malformed case row fails the report, naming the row, instead of reading as nothing found', async () => {
    await db.prisma.caseDisposition.create({
      data: { id: 'd-bad', ...scope(flagged), disposition: 'stopProduction', agencyKind: 'industry', dueDate: day('2015-01-10'), status: 'maybe', updatedBy: 'x' },
    });
    try {
      await expect(loadProvinceReportData(db.prisma, { campaignId, province, supervised: [] })).rejects.toThrow(/cannot report on disposition d-bad/);
    } finally {
      await db.prisma.caseDisposition.delete({ where: { id: 'd-bad' } });
    }
  });
});
