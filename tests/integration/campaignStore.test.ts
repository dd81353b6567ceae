import { assembleDossiers, buildDataset, flattenDossiers, type CampaignRecords } from '../../domain/campaign';
import { generateCampaign } from '../../demo/generator';
import { checkAll } from '../../domain/rules';
import { loadCampaignRecords } from '../../store/loadCampaignRecords';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { useFreshDatabase } from '../support/freshDatabase';

const db = useFreshDatabase();

const campaign = generateCampaign({ seed: 7, enterprises: 80 });
const records = flattenDossiers(campaign.dataset.dossiers);
const meta = { source: 'test.xlsx', actor: 'clerk@jiangxi' };

/** Records in a canonical order, with absent optional fields dropped, for comparison. */
function normalised(r: CampaignRecords) {
  const sortBy = <T>(xs: readonly T[] | undefined, key: (x: T) => string) => [...(xs ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return JSON.parse(
    JSON.stringify({
      enterprises: sortBy(r.enterprises, (e) => e.code),
      miningLicences: sortBy(r.miningLicences, (l) => l.number),
      eiaApprovals: sortBy(r.eiaApprovals, (d) => d.enterpriseCode + d.documentNo),
      safetyFilings: sortBy(r.safetyFilings, (d) => d.enterpriseCode + d.documentNo),
      plans: sortBy(r.plans, (p) => `${p.enterpriseCode}${p.year}${p.category}${p.quotaKgReo}`),
      ledger: sortBy(r.ledger, (l) => JSON.stringify([l.enterpriseCode, l.month, l.product, l.category, l.supplier, l.customer, l.productionKgReo, l.salesKgReo, l.purchaseKgReo])),
      trades: sortBy(r.trades, (t) => t.id),
      taxRecords: sortBy(r.taxRecords, (t) => t.enterpriseCode + t.period),
    }),
  ) as unknown;
}

describe('the campaign archive in PostgreSQL', () => {
  test('what is saved reads back exactly, and the rules give the same answers on it', async () => {
    const outcome = await saveCampaignRecords(db.prisma, records, meta);
    expect(outcome.created).toHaveLength(80);
    expect(outcome.changed).toEqual([]);
    const loaded = await loadCampaignRecords(db.prisma);
    expect(normalised(loaded)).toEqual(normalised(records));

    const fromDatabase = checkAll(buildDataset(assembleDossiers(loaded)), campaign.window).map((r) => [r.enterpriseCode, r.findings] as const);
    const fromMemory = checkAll(campaign.dataset, campaign.window).map((r) => [r.enterpriseCode, r.findings] as const);
    expect(new Map(fromDatabase)).toEqual(new Map(fromMemory));
    expect(await db.prisma.enterprise.findFirst({ select: { updatedBy: true } })).toEqual({ updatedBy: 'clerk@jiangxi' });
  });

  test('importing the same records again changes nothing', async () => {
    const versionsBefore = await db.prisma.enterpriseVersion.count();
    const ledgerBefore = await db.prisma.ledgerEntry.count();
    const outcome = await saveCampaignRecords(db.prisma, records, meta);
    expect(outcome).toEqual({ created: [], changed: [], unchanged: expect.arrayContaining(records.enterprises.map((e) => e.code)), rowsWritten: 0 });
    expect(await db.prisma.enterpriseVersion.count()).toBe(versionsBefore);
    expect(await db.prisma.ledgerEntry.count()).toBe(ledgerBefore);
  });

  test('a correction creates the next version and keeps the old one', async () => {
    const target = records.ledger.find((l) => l.productionKgReo > 0)!;
    const corrected = {
      ...records,
      ledger: records.ledger.map((l) => (l === target ? { ...l, productionKgReo: l.productionKgReo + 1_500 } : l)),
    };
    const outcome = await saveCampaignRecords(db.prisma, corrected, { ...meta, source: 'correction.xlsx' });
    expect(outcome.changed).toEqual([target.enterpriseCode]);
    expect(outcome.unchanged).toHaveLength(79);

    const versions = await db.prisma.enterpriseVersion.findMany({ where: { enterpriseCode: target.enterpriseCode }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.source])).toEqual([
      [1, 'test.xlsx'],
      [2, 'correction.xlsx'],
    ]);
    expect(versions[0].contentHash).not.toBe(versions[1].contentHash);
    expect((await db.prisma.enterprise.findUniqueOrThrow({ where: { code: target.enterpriseCode } })).currentVersion).toBe(2);
    expect(normalised(await loadCampaignRecords(db.prisma))).toEqual(normalised(corrected));
  });

  test('a write that fails part-way leaves nothing behind', async () => {
    const before = { enterprises: await db.prisma.enterprise.count(), ledger: await db.prisma.ledgerEntry.count() };
    const fresh = generateCampaign({ seed: 99, enterprises: 12 });
    const newRecords = flattenDossiers(fresh.dataset.dossiers);
    // Two new enterprises claiming one mining licence number violate its primary key late in the write.
    const licence = newRecords.miningLicences[0];
    const other = newRecords.enterprises.find((e) => e.code !== licence.holderCode && !records.enterprises.some((r) => r.code === e.code))!;
    const broken = { ...newRecords, miningLicences: [...newRecords.miningLicences, { ...licence, holderCode: other.code }] };
    await expect(saveCampaignRecords(db.prisma, broken, meta)).rejects.toThrow();
    expect({ enterprises: await db.prisma.enterprise.count(), ledger: await db.prisma.ledgerEntry.count() }).toEqual(before);
  });
});
