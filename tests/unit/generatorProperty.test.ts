import { checkAll } from '../../domain/rules';
import type { FindingCode } from '../../domain/rules';
import { generateCampaign } from '../../demo/generator';

/** Enterprise codes whose findings differ from the manifest, with both sides, for a readable failure. */
function mismatches(seed: number, enterprises: number): Array<{ code: string; expected: FindingCode[]; found: FindingCode[] }> {
  const campaign = generateCampaign({ seed, enterprises });
  const results = checkAll(campaign.dataset, campaign.window);
  const diff: Array<{ code: string; expected: FindingCode[]; found: FindingCode[] }> = [];
  for (const result of results) {
    const expected = [...(campaign.manifest.get(result.enterpriseCode) ?? [])].sort();
    const found = [...result.findings].sort();
    if (expected.join() !== found.join()) diff.push({ code: result.enterpriseCode, expected, found });
  }
  return diff;
}

test.each([
  [1, 300],
  [2, 300],
  [42, 1000],
  [7, 10],
])('seed %i, %i enterprises: the rules find exactly the manifest', (seed, enterprises) => {
  expect(mismatches(seed, enterprises)).toEqual([]);
});

test('a different review window is generated and checked consistently', () => {
  const window = { from: '2014-01-15', to: '2014-12-20' };
  const campaign = generateCampaign({ seed: 11, enterprises: 400, window });
  const results = checkAll(campaign.dataset, window);
  const found = new Map(results.filter((r) => r.findings.length > 0).map((r) => [r.enterpriseCode, [...r.findings].sort()]));
  const expected = new Map([...campaign.manifest].map(([code, codes]) => [code, [...codes].sort()]));
  expect(found).toEqual(expected);
});
