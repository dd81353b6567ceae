import { EnterpriseDossier, hasValidCheckChar, windowMonths } from '../../domain/campaign';
import { EnterpriseType } from '../../domain/enums';
import { Prng, generateCampaign } from '../../demo/generator';
import { FindingCode, checkAll } from '../../domain/rules';
import { UnifiedSocialCreditCode } from '../../domain/campaign/creditCode';

describe('the seeded generator', () => {
  const campaign = generateCampaign({ seed: 1 });
  const dossiers = campaign.dataset.dossiers;

  test('the same seed gives an identical campaign; another seed a different one', () => {
    const again = generateCampaign({ seed: 1 });
    expect(JSON.stringify(again.dataset.dossiers)).toBe(JSON.stringify(dossiers));
    expect([...again.manifest].map(([c, s]) => [c, [...s]])).toEqual([...campaign.manifest].map(([c, s]) => [c, [...s]]));
    const other = generateCampaign({ seed: 2 });
    expect(JSON.stringify(other.dataset.dossiers)).not.toBe(JSON.stringify(dossiers));
  });

  test('the PRNG is reproducible and spreads evenly', () => {
    const a = new Prng(99);
    const b = new Prng(99);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });

  test('it lists the requested number of enterprises, every one a valid dossier', () => {
    expect(dossiers).toHaveLength(300);
    for (const d of dossiers.slice(0, 40)) expect(() => EnterpriseDossier.parse(d)).not.toThrow();
  });

  test('credit codes are unique, well formed and carry valid check characters', () => {
    const codes = dossiers.map((d) => d.enterprise.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(UnifiedSocialCreditCode.parse(code)).toBe(code);
      expect(hasValidCheckChar(code)).toBe(true);
    }
  });

  test('every name says it is fictional, and names are unique', () => {
    const names = dossiers.map((d) => d.enterprise.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^虚构.*稀土.*有限公司（虚构 fictional No\.\d+）$/);
  });

  test('about ten provinces of the rare-earth regions and all five enterprise types appear, some enterprises with several', () => {
    const provinces = new Set(dossiers.map((d) => d.enterprise.province));
    expect(provinces.size).toBe(10);
    expect(provinces).toContain('江西省');
    expect(provinces).toContain('内蒙古自治区');
    const types = new Set(dossiers.flatMap((d) => d.enterprise.types));
    expect([...types].sort()).toEqual([...EnterpriseType.options].sort());
    expect(dossiers.some((d) => d.enterprise.types.length > 1)).toBe(true);
  });

  test('ledgers cover the whole review window, and goods flow mine → smelter → trader → exporter', () => {
    const months = new Set(dossiers.flatMap((d) => d.ledger.map((row) => row.month)));
    expect([...months].sort()).toEqual(windowMonths(campaign.window));
    const typeOf = new Map(dossiers.map((d) => [d.enterprise.code, d.enterprise.types[0]]));
    const links = new Set(dossiers.flatMap((d) => d.tradesOut.map((t) => `${typeOf.get(t.sellerCode)}→${typeOf.get(t.buyer.code!)}`)));
    for (const link of ['mine→smelting', 'smelting→trading', 'trading→export']) expect(links).toContain(link);
    expect(dossiers.some((d) => d.taxRecords.length > 0)).toBe(true);
  });

  test('every kind of finding is planted, each in the manifest', () => {
    const planted = new Set([...campaign.manifest.values()].flatMap((codes) => [...codes]));
    expect([...planted].sort()).toEqual([...FindingCode.options].sort());
  });

  test('with no violations planted the rules find nothing at all', () => {
    const clean = generateCampaign({ seed: 5, enterprises: 200, violationRate: 0 });
    expect(clean.manifest.size).toBe(0);
    expect(checkAll(clean.dataset, clean.window).filter((r) => r.findings.length > 0)).toEqual([]);
  });

  test('it refuses fewer enterprises than it needs to fill every role', () => {
    expect(() => generateCampaign({ seed: 1, enterprises: 9 })).toThrow(RangeError);
  });
});
