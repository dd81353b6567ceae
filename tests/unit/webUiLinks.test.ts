import fs from 'node:fs';
import path from 'node:path';
import { caseQueries, quoteKeyword, workflowListUrl, workflowUrl } from '../../platform/webUiLinks';
import { projectRoot } from '../../platform/projectRoot';
import { demoWebUiLinks } from '../../scripts/lib/demoCampaign';

test('the README lists exactly the Web UI links the module builds for the demo', () => {
  const readme = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
  const listed = readme.split('\n').filter((line) => line.startsWith('- [') && line.includes('/workflows?query='));
  expect(listed).toEqual(demoWebUiLinks('http://127.0.0.1:8233', 'default').map((l) => `- [${l.label.zh} · ${l.label.en}](${l.url})`));
});

test('a list link carries its visibility query, URL-encoded, and a case link its id with the slashes encoded', () => {
  const url = new URL(workflowListUrl('http://127.0.0.1:8233/', 'default', caseQueries.overdueInProvince('demo-2014', '江西省')));
  expect(url.pathname).toBe('/namespaces/default/workflows');
  expect(url.searchParams.get('query')).toBe("WorkflowType = 'enterpriseCaseWorkflow' AND CampaignId = 'demo-2014' AND Province = '江西省' AND CaseStatus = 'overdue'");
  expect(workflowUrl('http://127.0.0.1:8233', 'default', 'case/demo-2014/江西省/91360100665300008M')).toBe(
    'http://127.0.0.1:8233/namespaces/default/workflows/case%2Fdemo-2014%2F%E6%B1%9F%E8%A5%BF%E7%9C%81%2F91360100665300008M',
  );
});

test('a value cannot end its quotes early', () => {
  expect(quoteKeyword("it's")).toBe("'it\\'s'");
  expect(caseQueries.withViolation("x' OR WorkflowType = 'y", 'illegalMining')).toContain("CampaignId = 'x\\' OR WorkflowType = \\'y'");
});
