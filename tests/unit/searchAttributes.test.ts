import { searchAttributeCliArgs } from '../../domain/searchAttributes';

test('the dev server is asked to register exactly the campaign search attributes', () => {
  const args = searchAttributeCliArgs();
  const pairs = args.filter((_, i) => i % 2 === 1);
  expect(args.filter((_, i) => i % 2 === 0).every((flag) => flag === '--search-attribute')).toBe(true);
  expect(pairs.sort()).toEqual(
    [
      'CampaignId=Keyword',
      'Province=Keyword',
      'EnterpriseName=Keyword',
      'EnterpriseTypes=KeywordList',
      'CasePhase=Keyword',
      'CaseStatus=Keyword',
      'OverdueTaskCount=Int',
      'Supervised=Bool',
      'Violations=KeywordList',
    ].sort(),
  );
});
