import { flattenDossiers } from '../../domain/campaign';
import { generateCampaign } from '../../demo/generator';
import { useHarness } from '../support/harness';

const campaign = generateCampaign({ seed: 11, enterprises: 60 });
const records = flattenDossiers(campaign.dataset.dossiers);

const h = useHarness('archive', { dossiers: campaign.dataset.dossiers });

const getAs = async (token: string, path: string) => {
  const res = await h.as(token)(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
/** MIIT sees every province. */
const get = (path: string) => getAs(h.tokens.miit, path);

describe('the enterprise register and archive API', () => {
  test('lists enterprises by province and type, paginated', async () => {
    const province = records.enterprises[0].province;
    const inProvince = records.enterprises.filter((e) => e.province === province);
    const page = await get(`/enterprises?province=${encodeURIComponent(province)}&pageSize=2`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(inProvince.length);
    expect(page.body.items).toEqual(
      [...inProvince]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .slice(0, 2)
        .map((e) => ({ code: e.code, name: e.name, province, types: e.types, currentVersion: 1 })),
    );
    const mines = await get('/enterprises?type=mine&pageSize=500');
    expect(mines.body.total).toBe(records.enterprises.filter((e) => e.types.includes('mine')).length);
  });

  test("an enterprise's archive holds its papers with validity, plans, ledger, partners and tax", async () => {
    const mine = campaign.dataset.dossiers.find((d) => d.enterprise.types.includes('mine') && d.miningLicences.length > 0 && d.ledger.length > 0)!;
    const { status, body } = await get(`/enterprises/${mine.enterprise.code}?asOf=2014-01-01&ledgerPageSize=5`);
    expect(status).toBe(200);
    expect(body.enterprise).toMatchObject({ code: mine.enterprise.code, name: mine.enterprise.name, province: mine.enterprise.province });
    const licences = body.miningLicences as { number: string; status: string; validTo: string }[];
    expect(licences.map((l) => l.number).sort()).toEqual(mine.miningLicences.map((l) => l.number).sort());
    for (const l of licences) {
      const expected = mine.miningLicences.find((m) => m.number === l.number)!;
      expect(l.status).toBe(expected.validFrom > '2014-01-01' ? 'notYetValid' : expected.validTo < '2014-01-01' ? 'expired' : 'valid');
    }
    const ledger = body.ledger as { total: number; rows: unknown[] };
    expect(ledger.total).toBe(mine.ledger.length);
    expect(ledger.rows).toHaveLength(Math.min(5, mine.ledger.length));
    const salesKg = mine.ledger.reduce((sum, l) => sum + l.salesKgReo, 0);
    const archivedSales = (body.salesByCustomer as { tonnes: string }[]).reduce((sum, c) => sum + Math.round(Number(c.tonnes) * 1000), 0);
    expect(archivedSales).toBe(salesKg);
    const vatFen = mine.taxRecords.reduce((sum, t) => sum + t.vatFen, 0);
    expect((body.taxPaid as { totals: { vatYuan: string } }).totals.vatYuan).toBe((vatFen / 100).toFixed(2));
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, source: 'test', importedBy: 'test' })]);
  });

  test('partners in other provinces are listed with their province', async () => {
    const seller = campaign.dataset.dossiers.find((d) =>
      d.tradesOut.some((t) => t.buyer.code && campaign.dataset.byCode.get(t.buyer.code)?.enterprise.province !== d.enterprise.province),
    );
    if (!seller) throw new Error('the generated campaign has no cross-province trade: pick another seed');
    const { body } = await get(`/enterprises/${seller.enterprise.code}`);
    const partners = body.partnersInOtherProvinces as { role: string; province: string }[];
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.every((p) => p.province !== seller.enterprise.province)).toBe(true);
  });

  test("the checks endpoint gives the rules' findings for an enterprise, matching what was planted", async () => {
    const flagged = [...campaign.manifest.entries()][0];
    const checks = await get(`/enterprises/${flagged[0]}/checks`);
    expect(checks.status).toBe(200);
    expect([...(checks.body.findings as string[])].sort()).toEqual([...flagged[1]].sort());
    expect(checks.body.reviewWindow).toEqual({ from: '2013-06-01', to: '2014-07-31' });
    const clean = records.enterprises.find((e) => !campaign.manifest.has(e.code))!;
    expect((await get(`/enterprises/${clean.code}/checks`)).body.findings).toEqual([]);
    expect((await get(`/enterprises/${clean.code}/checks?from=2014-08-01&to=2014-01-01`)).status).toBe(422);
  });

  test('provincial staff see only their own province, and other provinces\' enterprises are not found', async () => {
    const jiangxi = h.tokens['36-tax-staff'];
    const own = await getAs(jiangxi, '/enterprises?pageSize=500');
    expect(own.body.total).toBe(records.enterprises.filter((e) => e.province === '江西省').length);
    expect((own.body.items as { province: string }[]).every((e) => e.province === '江西省')).toBe(true);
    expect((await getAs(jiangxi, `/enterprises?province=${encodeURIComponent('内蒙古自治区')}`)).body.total).toBe(0);
    const foreign = records.enterprises.find((e) => e.province !== '江西省')!;
    for (const path of [`/enterprises/${foreign.code}`, `/enterprises/${foreign.code}/checks`, `/enterprises/${foreign.code}/versions/1`]) {
      expect(await getAs(jiangxi, path)).toEqual({ status: 404, body: { error: 'enterprise not found' } });
    }
    expect((await fetch(`${h.baseUrl}/enterprises`)).status).toBe(401);
  });

  test('a version snapshot can be read back; unknown codes are 404 and malformed ones 400', async () => {
    const code = records.enterprises[0].code;
    const version = await get(`/enterprises/${code}/versions/1`);
    expect(version.status).toBe(200);
    expect((version.body.snapshot as { enterprise: { code: string } }).enterprise.code).toBe(code);
    expect((await get(`/enterprises/${code}/versions/9`)).status).toBe(404);
    expect(await get('/enterprises/91360000MA00000000')).toEqual({ status: 404, body: { error: 'enterprise not found' } });
    const bad = await get('/enterprises/not-a-code');
    expect(bad.status).toBe(400);
    expect((await get('/enterprises?pageSize=100000')).status).toBe(400);
    expect((await get('/enterprises?type=volcano')).status).toBe(400);
  });
});
